import { css, html, LitElement, nothing } from 'lit';
import { DeleteAccountRequest } from '../../../shared/schemas/auth.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { submitForm } from '../../ui/submit-form.ts';

/**
 * Deleting the account: what happens, spelled out, then the password to confirm. Success ends the
 * session; the shell (cs-account-deleted) clears this device's private data and goes home.
 *
 * @fires cs-account-deleted - The account is gone and signed out.
 */
export class CsDeleteAccountForm extends LitElement {
  static override properties = {
    password: { state: true },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
  };

  static override styles = [
    baseStyles,
    formStyles,
    css`
      ul {
        margin: 0 0 var(--cs-space-3, 0.75rem);
        padding-inline-start: 1.25rem;
      }

      li + li {
        margin-top: var(--cs-space-1, 0.25rem);
      }

      .button.danger {
        background: var(--cs-color-surface, #fff);
        color: var(--cs-color-danger, #b42318);
        border-color: color-mix(in srgb, var(--cs-color-danger, #b42318) 45%, transparent);
      }
    `,
  ];

  declare password: string;
  declare errors: FieldErrors;
  declare formError: string;
  declare submitting: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);

  constructor() {
    super();
    this.password = '';
    this.errors = {};
    this.formError = '';
    this.submitting = false;
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const offline = !this.#connectivity.value.online;
    return html`<form novalidate @submit=${this.#submit} aria-describedby="delete-status">
      <ul>
        <li>${t('settings.delete.erased')}</li>
        <li>${t('settings.delete.beats')}</li>
        <li>${t('settings.delete.songs')}</li>
        <li>${t('settings.delete.plan')}</li>
      </ul>
      <div id="delete-status" class="live" aria-live="polite">${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}</div>
      ${textField({
        name: 'password',
        type: 'password',
        label: t('settings.delete.password'),
        value: this.password,
        autocomplete: 'current-password',
        required: true,
        error: fieldMessageText(this.errors['password'], t),
        onInput: (value) => {
          this.password = value;
          this.errors = withoutFieldError(this.errors, 'password');
        },
      })}
      <div class="actions">
        <button class="button danger" type="submit" ?disabled=${this.submitting || offline}>
          ${this.submitting ? t('settings.delete.submitting') : t('settings.delete.submit')}
        </button>
      </div>
    </form>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Signing out re-renders the settings page without this form, and an event from a detached
    // element reaches nobody: announce from the page that holds it, which stays.
    const root = this.getRootNode();
    const announcer = root instanceof ShadowRoot ? root.host : this;
    await submitForm(
      this,
      validateForm(DeleteAccountRequest, { password: this.password }),
      async ({ password }) => {
        await this.#session.value.deleteAccount(password);
        this.password = '';
        announcer.dispatchEvent(new Event('cs-account-deleted', { bubbles: true, composed: true }));
      },
      (error) => errorMessage(error, (id) => this.#i18n.t(id)),
    );
  }
}

customElements.define('cs-delete-account-form', CsDeleteAccountForm);

declare global {
  interface HTMLElementTagNameMap {
    'cs-delete-account-form': CsDeleteAccountForm;
  }
}
