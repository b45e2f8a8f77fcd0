import { html, LitElement, nothing } from 'lit';
import { PASSWORD_MIN_LENGTH, RegisterRequest } from '../../../shared/schemas/auth.ts';
import { sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-logo.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { authStyles } from './auth-styles.ts';
import { submitForm } from '../../ui/submit-form.ts';

type Field = 'displayName' | 'email' | 'password';

/** Account creation. The account starts in the language the user is reading now. */
export class CsSignUpPage extends LitElement {
  static override properties = {
    displayName: { state: true },
    email: { state: true },
    password: { state: true },
    showPassword: { state: true },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
  };

  static override styles = [baseStyles, formStyles, authStyles];

  declare displayName: string;
  declare email: string;
  declare password: string;
  declare showPassword: boolean;
  declare errors: FieldErrors;
  declare formError: string;
  declare submitting: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);

  constructor() {
    super();
    this.displayName = '';
    this.email = '';
    this.password = '';
    this.showPassword = false;
    this.errors = {};
    this.formError = '';
    this.submitting = false;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<div class="auth">
      <div class="auth-header">
        <cs-logo></cs-logo>
        <h1 tabindex="-1">${t('auth.signUp.title')}</h1>
        <p class="lead">${t('auth.signUp.lead')}</p>
      </div>
      <div class="card">
        <form novalidate @submit=${this.#submit} aria-describedby="form-status">
          <div id="form-status" class="live" aria-live="polite">
            ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
          </div>
          ${textField({
            name: 'displayName',
            label: t('auth.field.displayName'),
            hint: t('auth.field.displayName.hint'),
            value: this.displayName,
            autocomplete: 'nickname',
            required: true,
            maxLength: 80,
            error: fieldMessageText(this.errors['displayName'], t),
            onInput: (value) => this.#edit('displayName', value),
          })}
          ${textField({
            name: 'email',
            type: 'email',
            label: t('auth.field.email'),
            value: this.email,
            autocomplete: 'email',
            inputMode: 'email',
            required: true,
            error: fieldMessageText(this.errors['email'], t),
            onInput: (value) => this.#edit('email', value),
          })}
          ${textField({
            name: 'password',
            type: this.showPassword ? 'text' : 'password',
            label: t('auth.field.password'),
            hint: t('auth.field.newPassword.hint', { min: this.#i18n.formatNumber(PASSWORD_MIN_LENGTH) }),
            value: this.password,
            autocomplete: 'new-password',
            required: true,
            error: fieldMessageText(this.errors['password'], t),
            onInput: (value) => this.#edit('password', value),
          })}
          <label class="checkbox">
            <input type="checkbox" .checked=${this.showPassword} @change=${(event: Event) => (this.showPassword = (event.target as HTMLInputElement).checked)} />
            ${t('auth.showPassword')}
          </label>
          <button class="button submit" type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
          </button>
        </form>
      </div>
      <p class="form-footer">${t('auth.signUp.haveAccount')} <a href="/sign-in">${t('auth.signUp.signInLink')}</a></p>
    </div>`;
  }

  #edit(field: Field, value: string): void {
    this[field] = value;
    this.errors = withoutFieldError(this.errors, field);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = { displayName: this.displayName, email: this.email, password: this.password, locale: this.#i18n.locale };
    await submitForm(
      this,
      validateForm(RegisterRequest, values),
      async (request) => void (await this.#session.value.signUp(request)),
      (error) => errorMessage(error, (id) => this.#i18n.t(id)),
    );
  }
}

customElements.define('cs-sign-up-page', CsSignUpPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-sign-up-page': CsSignUpPage;
  }
}
