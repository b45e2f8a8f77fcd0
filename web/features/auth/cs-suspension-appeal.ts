import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { APPEAL_MAX_LENGTH, AppealStatus } from '../../../shared/schemas/moderation.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';

/** Shortest appeal the API takes: a reason, not a word. */
const APPEAL_MIN_LENGTH = 10;

/**
 * The appeal a suspended person can make from the sign-in page, where the refusal told them why:
 * their message goes to the moderators with the e-mail and password they just typed (they cannot
 * sign in, so that is how the server knows it is them). The answer comes by e-mail, and shows here
 * too: an appeal still open replaces the form, a turned-down one is shown with the moderators'
 * reasons above the form for a new appeal.
 */
export class CsSuspensionAppeal extends LitElement {
  static override properties = {
    email: { attribute: false },
    password: { attribute: false },
    message: { state: true },
    status: { state: true },
    sent: { state: true },
    sending: { state: true },
    appeal: { state: true },
  };

  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      textarea {
        min-block-size: 6rem;
        font: inherit;
        padding: 0.5rem;
        border: 1px solid var(--cs-color-border-strong, #8e8a9e);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: inherit;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0;
      }
      p {
        margin: 0;
      }
      blockquote {
        margin: 0;
        padding-inline-start: var(--cs-space-3, 0.75rem);
        border-inline-start: 3px solid var(--cs-color-border-strong, #8e8a9e);
        white-space: pre-wrap;
      }
      .answer {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin-block-end: var(--cs-space-4, 1rem);
      }
    `,
  ];

  declare email: string;
  declare password: string;
  declare message: string;
  declare status: string;
  declare sent: boolean;
  declare sending: boolean;
  /** How the latest appeal of this suspension stands (null: none, or it could not be read); undefined while being read. */
  declare appeal: AppealStatus['appeal'] | undefined;
  /** The credentials the status was asked with, so it is asked once per sign-in attempt. */
  #askedFor = '';

  readonly #i18n = new LocaleController(this);
  #api: ApiClient | undefined;

  constructor() {
    super();
    this.email = '';
    this.password = '';
    this.message = '';
    this.status = '';
    this.sent = false;
    this.sending = false;
    new ContextConsumer(this, { context: apiContext, callback: (api) => (this.#api = api) });
  }

  protected override willUpdate(): void {
    const credentials = `${this.email}\n${this.password}`;
    if (!this.#api || !this.email || credentials === this.#askedFor) return;
    this.#askedFor = credentials;
    this.appeal = undefined;
    void this.#readStatus();
  }

  async #readStatus(): Promise<void> {
    try {
      const status = await this.#api!.request({ method: 'POST', path: '/api/auth/suspension-appeal/status', body: { email: this.email, password: this.password }, schema: AppealStatus });
      this.appeal = status.appeal;
    } catch {
      // Unknown: the form is offered, and the server refuses a second open appeal with a clear message.
      this.appeal = null;
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    if (this.sent) return html`<p class="notice success" role="status">${t('auth.appeal.sent')}</p>`;
    if (this.appeal === undefined) return html`<p class="muted" role="status">${t('auth.appeal.loading')}</p>`;
    const date = (iso: string) => this.#i18n.formatDate(iso, { dateStyle: 'long' });
    if (this.appeal?.status === 'open') {
      return html`<h2>${t('auth.appeal.title')}</h2>
        <p class="notice" role="status">${t('auth.appeal.open', { date: date(this.appeal.createdAt) })}</p>`;
    }
    const rejected = this.appeal?.status === 'rejected' ? this.appeal : null;
    return html`${rejected
        ? html`<div class="answer">
            <h2>${t('auth.appeal.rejectedTitle')}</h2>
            <p>${t('auth.appeal.rejected', { date: date(rejected.decidedAt ?? rejected.createdAt) })}</p>
            ${rejected.response ? html`<blockquote>${rejected.response}</blockquote>` : nothing}
            <p>${t('auth.appeal.again')}</p>
          </div>`
        : nothing}
      <form novalidate @submit=${this.#send}>
      <h2>${t('auth.appeal.title')}</h2>
      <p>${t('auth.appeal.lead')}</p>
      <label for="appeal-message">${t('auth.appeal.message')}</label>
      <textarea
        id="appeal-message"
        maxlength=${APPEAL_MAX_LENGTH}
        .value=${this.message}
        aria-describedby="appeal-status"
        @input=${(event: Event) => (this.message = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="appeal-status" class="field-error" aria-live="polite">${this.status}</p>
      <button class="button secondary" type="submit" ?disabled=${this.sending}>${t('auth.appeal.send')}</button>
    </form>`;
  }

  readonly #send = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const message = this.message.trim();
    if (message.length < APPEAL_MIN_LENGTH) {
      this.status = t('auth.appeal.tooShort', { count: APPEAL_MIN_LENGTH });
      return;
    }
    if (!this.#api) return;
    this.sending = true;
    try {
      await this.#api.request({ method: 'POST', path: '/api/auth/suspension-appeal', body: { email: this.email, password: this.password, message } });
      this.sent = true;
      this.status = '';
    } catch (error) {
      this.status = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.sending = false;
    }
  };
}

customElements.define('cs-suspension-appeal', CsSuspensionAppeal);

declare global {
  interface HTMLElementTagNameMap {
    'cs-suspension-appeal': CsSuspensionAppeal;
  }
}
