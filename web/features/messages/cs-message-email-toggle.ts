import { css, html, LitElement, nothing } from 'lit';
import { connectivityContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { MessagesApi } from './messages-api.ts';

/**
 * "E-mail me about unread messages": the server e-mails when a message stays unread for 10 minutes
 * (at most once an hour). Saved as soon as it is ticked; shown once the current setting is known.
 */
export class CsMessageEmailToggle extends LitElement {
  static override properties = {
    enabled: { state: true },
    saving: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      label {
        display: inline-flex;
        gap: var(--cs-space-2, 0.5rem);
        align-items: center;
        color: var(--cs-color-text-muted, #5b5868);
      }

      .notice {
        margin-top: var(--cs-space-2, 0.5rem);
      }
    `,
  ];

  /** Null until loaded (or when it could not be). */
  declare enabled: boolean | null;
  declare saving: boolean;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ApiController(this, (client) => new MessagesApi(client));
  #requested = false;

  constructor() {
    super();
    this.enabled = null;
    this.saving = false;
    this.error = '';
  }

  protected override willUpdate(): void {
    if (this.#requested || !this.#api.available || !this.#connectivity.available || !this.#connectivity.value.online) return;
    this.#requested = true;
    this.#api.value.preferences().then(
      (preferences) => (this.enabled = preferences.emailUnread),
      // Offline or refused: the control stays hidden rather than showing a guess.
      () => (this.#requested = false),
    );
  }

  async #change(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    this.saving = true;
    this.error = '';
    try {
      this.enabled = (await this.#api.value.setPreferences({ emailUnread: box.checked })).emailUnread;
    } catch (error) {
      box.checked = this.enabled ?? box.checked;
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.saving = false;
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available || this.enabled === null) return nothing;
    const t = (id: string): string => this.#i18n.t(id);
    return html`<label>
        <input type="checkbox" .checked=${this.enabled} ?disabled=${this.saving || !this.#connectivity.value.online} @change=${this.#change} />
        ${t('messages.emailUnread')}
      </label>
      <div class="live" aria-live="polite">${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}</div>`;
  }
}

customElements.define('cs-message-email-toggle', CsMessageEmailToggle);

declare global {
  interface HTMLElementTagNameMap {
    'cs-message-email-toggle': CsMessageEmailToggle;
  }
}
