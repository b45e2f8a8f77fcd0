import { css, html, LitElement, nothing } from 'lit';
import type { EmailChanged } from '../../../shared/schemas/auth.ts';
import { sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-logo.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { authStyles } from './auth-styles.ts';
import { SessionStatus } from './session-service.ts';
import { EmailChangeApi } from './email-change-api.ts';
import { linkTokenFrom } from './link-token.ts';

type Outcome = { kind: 'working' } | { kind: 'done'; result: EmailChanged } | { kind: 'failed'; message: string } | { kind: 'noToken' };

/**
 * /confirm-email#token=…: the link e-mailed to a new address (which makes the change) or, after a
 * change, to the old one (which restores it and signs every session out). It acts on opening, in any
 * browser, signed in or not: the token is the proof, and a fragment is never fetched by link scanners.
 */
export class CsConfirmEmailPage extends LitElement {
  static override properties = { outcome: { state: true } };
  static override styles = [
    baseStyles,
    authStyles,
    css`
      .card {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
      }

      .card p {
        margin: 0;
      }
    `,
  ];

  declare outcome: Outcome;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #api = new ApiController(this, (client) => new EmailChangeApi(client));
  readonly #token = linkTokenFrom(location.hash);
  #started = false;

  constructor() {
    super();
    this.outcome = this.#token ? { kind: 'working' } : { kind: 'noToken' };
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(): void {
    if (this.#started || !this.#token || !this.#api.available || !this.#session.available) return;
    // Wait for the start-up restore: a refresh begun before the change would answer with the old
    // address (or a session the way back is about to end), and the one after the change would join it.
    if (this.#session.value.state.status === SessionStatus.restoring) return;
    this.#started = true;
    void this.#confirm();
  }

  async #confirm(): Promise<void> {
    try {
      const result = await this.#api.value.confirm(this.#token);
      // The token has done its work: keep it out of the history and of a reload.
      history.replaceState(history.state, '', location.pathname);
      // This browser's session learns the new address, or that it was signed out by a restore.
      await this.#session.value.restore();
      this.outcome = { kind: 'done', result };
    } catch (error) {
      this.outcome = { kind: 'failed', message: errorMessage(error, (id) => this.#i18n.t(id)) };
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const outcome = this.outcome;
    return html`<div class="auth">
      <div class="auth-header">
        <cs-logo></cs-logo>
        <h1 tabindex="-1">${t('auth.emailChange.confirmTitle')}</h1>
      </div>
      <div class="card" role="status" aria-live="polite" aria-busy=${outcome.kind === 'working' ? 'true' : 'false'}>
        ${outcome.kind === 'working' ? html`<p>${t('auth.emailChange.working')}</p>` : nothing}
        ${outcome.kind === 'noToken' ? html`<p class="notice warning">${t('auth.emailChange.noToken')}</p>` : nothing}
        ${outcome.kind === 'failed' ? html`<p class="notice error">${outcome.message}</p>` : nothing}
        ${outcome.kind === 'done' && !outcome.result.reverted ? html`<p class="notice success">${t('auth.emailChange.done', { email: outcome.result.email })}</p>` : nothing}
        ${outcome.kind === 'done' && outcome.result.reverted
          ? html`<p class="notice success">${t('auth.emailChange.reverted', { email: outcome.result.email })}</p>
              <p>${t('auth.emailChange.revertedNext')}</p>
              <p><a class="button" href="/forgot-password">${t('auth.emailChange.choosePassword')}</a></p>`
          : nothing}
      </div>
      <p class="form-footer"><a href="/settings">${t('auth.emailChange.toSettings')}</a></p>
    </div>`;
  }
}

customElements.define('cs-confirm-email-page', CsConfirmEmailPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-confirm-email-page': CsConfirmEmailPage;
  }
}
