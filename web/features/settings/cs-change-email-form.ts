import { html, LitElement, nothing } from 'lit';
import { EmailChangeRequest } from '../../../shared/schemas/auth.ts';
import { connectivityContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { submitForm } from '../../ui/submit-form.ts';
import { EmailChangeApi } from '../auth/email-change-api.ts';
import { ApiController } from '../marketplace/api-controller.ts';

type Field = 'newEmail' | 'password';

/**
 * Moving the account to another address: the new one and the password. The answer only says where
 * the link went; the address changes when it is opened (cs-confirm-email-page).
 */
export class CsChangeEmailForm extends LitElement {
  static override properties = {
    newEmail: { state: true },
    password: { state: true },
    sentTo: { state: true },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
  };

  static override styles = [baseStyles, formStyles];

  declare newEmail: string;
  declare password: string;
  /** Where the last link went, shown until the next submit. */
  declare sentTo: string;
  declare errors: FieldErrors;
  declare formError: string;
  declare submitting: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ApiController(this, (client) => new EmailChangeApi(client));

  constructor() {
    super();
    this.newEmail = '';
    this.password = '';
    this.sentTo = '';
    this.errors = {};
    this.formError = '';
    this.submitting = false;
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const offline = !this.#connectivity.value.online;
    return html`<form novalidate @submit=${this.#submit} aria-describedby="email-status">
      <div id="email-status" class="live" aria-live="polite">
        ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
        ${this.sentTo ? html`<p class="notice success">${t('auth.emailChange.sent', { email: this.sentTo })}</p>` : nothing}
      </div>
      ${textField({
        name: 'newEmail',
        type: 'email',
        label: t('auth.emailChange.newEmail'),
        value: this.newEmail,
        autocomplete: 'email',
        required: true,
        error: fieldMessageText(this.errors['newEmail'], t),
        onInput: (value) => this.#edit('newEmail', value),
      })}
      ${textField({
        name: 'password',
        type: 'password',
        label: t('auth.emailChange.password'),
        value: this.password,
        autocomplete: 'current-password',
        required: true,
        error: fieldMessageText(this.errors['password'], t),
        onInput: (value) => this.#edit('password', value),
      })}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.submitting || offline}>
          ${this.submitting ? t('auth.emailChange.submitting') : t('auth.emailChange.submit')}
        </button>
      </div>
    </form>`;
  }

  #edit(field: Field, value: string): void {
    this[field] = value;
    this.errors = withoutFieldError(this.errors, field);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.sentTo = '';
    await submitForm(
      this,
      validateForm(EmailChangeRequest, { newEmail: this.newEmail, password: this.password }),
      async (request) => {
        const { sentTo } = await this.#api.value.request(request);
        this.newEmail = '';
        this.password = '';
        this.sentTo = sentTo;
      },
      (error) => errorMessage(error, (id) => this.#i18n.t(id)),
    );
  }
}

customElements.define('cs-change-email-form', CsChangeEmailForm);

declare global {
  interface HTMLElementTagNameMap {
    'cs-change-email-form': CsChangeEmailForm;
  }
}
