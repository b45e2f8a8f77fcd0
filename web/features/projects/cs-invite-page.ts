import { css, html, LitElement, nothing } from 'lit';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { inviteToken } from './invite-token.ts';
import { ProjectsApiController } from './projects-api-controller.ts';

/** /invite?token=…: joins the project with the invite, then opens it. */
export class CsInvitePage extends LitElement {
  static override properties = {
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    css`
      .card {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        justify-items: start;
      }
    `,
  ];

  declare error: string;
  readonly #i18n = new LocaleController(this);
  readonly #api = new ProjectsApiController(this);
  #started = false;

  constructor() {
    super();
    this.error = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.#accept());
  }

  async #accept(): Promise<void> {
    if (this.#started || !this.#api.available) return;
    this.#started = true;
    const token = inviteToken(location);
    if (!token) {
      this.error = this.#i18n.t('projects.invitePage.missing');
      return;
    }
    try {
      const project = await this.#api.value.acceptInvite(token);
      this.dispatchEvent(
        new CustomEvent('cs-navigate', { bubbles: true, composed: true, detail: { to: `/projects/${encodeURIComponent(project.id)}`, replace: true } }),
      );
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string): string => this.#i18n.t(id);
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('projects.invitePage.title')}</h1>
      </header>
      <div class="card" aria-live="polite">
        ${this.error
          ? html`<p class="notice error">${this.error}</p>
              <a class="button secondary" href="/projects">${t('projects.invitePage.toProjects')}</a>`
          : html`<p class="lead">${t('projects.invitePage.joining')}</p>`}
      </div>
    </div>`;
  }
}

customElements.define('cs-invite-page', CsInvitePage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-invite-page': CsInvitePage;
  }
}
