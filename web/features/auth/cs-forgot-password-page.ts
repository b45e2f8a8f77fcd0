import { html, LitElement, nothing } from 'lit';
import { PASSWORD_RESET_TTL_MINUTES, PasswordResetRequest } from '../../../shared/schemas/auth.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-logo.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { authStyles } from './auth-styles.ts';
import { PasswordResetApi } from './password-reset-api.ts';
import { submitForm } from '../../ui/submit-form.ts';

/**
 * /forgot-password: asks for a reset link by e-mail. The confirmation reads the same whether or not
 * an account uses the address (the API says nothing either), and says where to look and for how long.
 */
export class CsForgotPasswordPage extends LitElement {
  static override properties = {
    email: { state: true },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
    sentTo: { state: true },
  };

  static override styles = [baseStyles, formStyles, authStyles];

  declare email: string;
  declare errors: FieldErrors;
  declare formError: string;
  declare submitting: boolean;
  declare sentTo: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new PasswordResetApi(client));

  constructor() {
    super();
    this.email = '';
    this.errors = {};
    this.formError = '';
    this.submitting = false;
    this.sentTo = '';
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
        <h1 tabindex="-1">${t('auth.forgot.title')}</h1>
        <p class="lead">${t('auth.forgot.lead')}</p>
      </div>
      <div class="card">
        <div id="form-status" class="live" aria-live="polite">
          ${this.sentTo ? html`<p class="notice success">${t('auth.forgot.sent', { email: this.sentTo, minutes: PASSWORD_RESET_TTL_MINUTES })}</p>` : nothing}
          ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
        </div>
        <form novalidate @submit=${this.#submit} aria-describedby="form-status">
          ${textField({
            name: 'email',
            type: 'email',
            label: t('auth.field.email'),
            value: this.email,
            autocomplete: 'username',
            inputMode: 'email',
            required: true,
            error: fieldMessageText(this.errors['email'], t),
            onInput: (value) => {
              this.email = value;
              this.errors = withoutFieldError(this.errors, 'email');
            },
          })}
          <button class="button submit" type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t('auth.forgot.submitting') : this.sentTo ? t('auth.forgot.again') : t('auth.forgot.submit')}
          </button>
        </form>
      </div>
      <p class="form-footer"><a href="/sign-in">${t('auth.forgot.backToSignIn')}</a></p>
    </div>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await submitForm(
      this,
      validateForm(PasswordResetRequest, { email: this.email }),
      async ({ email }) => {
        await this.#api.value.request(email);
        this.sentTo = email;
      },
      (error) => errorMessage(error, (id) => this.#i18n.t(id)),
    );
  }
}

customElements.define('cs-forgot-password-page', CsForgotPasswordPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-forgot-password-page': CsForgotPasswordPage;
  }
}
