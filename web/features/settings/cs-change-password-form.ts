import { html, LitElement, nothing } from 'lit';
import { ChangePasswordRequest, PASSWORD_MIN_LENGTH } from '../../../shared/schemas/auth.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { focusFirstInvalid } from '../../ui/focus-first-invalid.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { fieldErrorsOf, validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** Change password: current, new and a confirmation. Other sessions are signed out by the API. */
export class CsChangePasswordForm extends LitElement {
  static override properties = {
    currentPassword: { state: true },
    newPassword: { state: true },
    confirmPassword: { state: true },
    errors: { state: true },
    formError: { state: true },
    status: { state: true },
    submitting: { state: true },
  };

  static override styles = [baseStyles, formStyles];

  declare currentPassword: string;
  declare newPassword: string;
  declare confirmPassword: string;
  declare errors: FieldErrors;
  declare formError: string;
  declare status: string;
  declare submitting: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);

  constructor() {
    super();
    this.currentPassword = '';
    this.newPassword = '';
    this.confirmPassword = '';
    this.errors = {};
    this.formError = '';
    this.status = '';
    this.submitting = false;
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const offline = !this.#connectivity.value.online;
    return html`<form novalidate @submit=${this.#submit} aria-describedby="form-status">
      <div id="form-status" class="live" aria-live="polite">
        ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
        ${this.status ? html`<p class="notice success">${t(this.status)}</p>` : nothing}
      </div>
      ${textField({
        name: 'currentPassword',
        type: 'password',
        label: t('settings.password.current'),
        value: this.currentPassword,
        autocomplete: 'current-password',
        required: true,
        error: fieldMessageText(this.errors['currentPassword'], t),
        onInput: (value) => this.#edit('currentPassword', value),
      })}
      ${textField({
        name: 'newPassword',
        type: 'password',
        label: t('settings.password.new'),
        hint: t('auth.field.newPassword.hint', { min: this.#i18n.formatNumber(PASSWORD_MIN_LENGTH) }),
        value: this.newPassword,
        autocomplete: 'new-password',
        required: true,
        error: fieldMessageText(this.errors['newPassword'], t),
        onInput: (value) => this.#edit('newPassword', value),
      })}
      ${textField({
        name: 'confirmPassword',
        type: 'password',
        label: t('settings.password.confirm'),
        value: this.confirmPassword,
        autocomplete: 'new-password',
        required: true,
        error: fieldMessageText(this.errors['confirmPassword'], t),
        onInput: (value) => this.#edit('confirmPassword', value),
      })}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.submitting || offline}>
          ${this.submitting ? t('settings.password.submitting') : t('settings.password.submit')}
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
    if (this.submitting) return;
    this.formError = '';
    this.status = '';
    const result = validateForm(ChangePasswordRequest, { currentPassword: this.currentPassword, newPassword: this.newPassword });
    const errors: FieldErrors = result.success ? {} : { ...result.errors };
    if (this.confirmPassword === '') errors['confirmPassword'] = { id: messageId('form.error.required') };
    else if (this.confirmPassword !== this.newPassword) errors['confirmPassword'] = { id: messageId('form.error.passwordMismatch') };
    if (!result.success || Object.keys(errors).length) {
      this.errors = errors;
      await focusFirstInvalid(this);
      return;
    }
    this.errors = {};
    this.submitting = true;
    try {
      await this.#session.value.changePassword(result.data);
      this.currentPassword = '';
      this.newPassword = '';
      this.confirmPassword = '';
      this.status = messageId('settings.password.changed');
    } catch (error) {
      this.errors = fieldErrorsOf(error) ?? this.errors;
      this.formError = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.submitting = false;
    }
  }
}

customElements.define('cs-change-password-form', CsChangePasswordForm);

declare global {
  interface HTMLElementTagNameMap {
    'cs-change-password-form': CsChangePasswordForm;
  }
}
