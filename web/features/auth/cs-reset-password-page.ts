import { html, LitElement, nothing } from 'lit';
import { PASSWORD_MIN_LENGTH, PasswordResetConfirm } from '../../../shared/schemas/auth.ts';
import { sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-logo.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { navigate } from '../marketplace/navigation.ts';
import { authStyles } from './auth-styles.ts';
import { linkTokenFrom } from './link-token.ts';
import { PasswordResetApi } from './password-reset-api.ts';
import { submitForm } from '../../ui/submit-form.ts';

/**
 * /reset-password#token=…: choosing a new password from the e-mailed link. Success signs every
 * session out (this browser's too) and goes to sign-in, which says the password changed.
 */
export class CsResetPasswordPage extends LitElement {
  static override properties = {
    password: { state: true },
    showPassword: { state: true },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
  };

  static override styles = [baseStyles, formStyles, authStyles];

  declare password: string;
  declare showPassword: boolean;
  declare errors: FieldErrors;
  declare formError: string;
  declare submitting: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #api = new ApiController(this, (client) => new PasswordResetApi(client));
  readonly #token = linkTokenFrom(location.hash);

  constructor() {
    super();
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
        <h1 tabindex="-1">${t('auth.reset.title')}</h1>
        <p class="lead">${t('auth.reset.lead')}</p>
      </div>
      <div class="card">
        ${this.#token
          ? html`<form novalidate @submit=${this.#submit} aria-describedby="form-status">
              <div id="form-status" class="live" aria-live="polite">
                ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
              </div>
              ${textField({
                name: 'newPassword',
                type: this.showPassword ? 'text' : 'password',
                label: t('auth.reset.newPassword'),
                hint: t('auth.field.newPassword.hint', { min: this.#i18n.formatNumber(PASSWORD_MIN_LENGTH) }),
                value: this.password,
                autocomplete: 'new-password',
                required: true,
                error: fieldMessageText(this.errors['newPassword'], t),
                onInput: (value) => {
                  this.password = value;
                  this.errors = withoutFieldError(this.errors, 'newPassword');
                },
              })}
              <label class="checkbox">
                <input type="checkbox" .checked=${this.showPassword} @change=${(event: Event) => (this.showPassword = (event.target as HTMLInputElement).checked)} />
                ${t('auth.showPassword')}
              </label>
              <button class="button submit" type="submit" ?disabled=${this.submitting}>
                ${this.submitting ? t('auth.reset.submitting') : t('auth.reset.submit')}
              </button>
            </form>`
          : html`<p class="notice warning">${t('auth.reset.noToken')}</p>`}
      </div>
      <p class="form-footer"><a href="/forgot-password">${t('auth.reset.askAgain')}</a></p>
    </div>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await submitForm(
      this,
      validateForm(PasswordResetConfirm, { token: this.#token, newPassword: this.password }),
      async ({ token, newPassword }) => {
        await this.#api.value.confirm(token, newPassword);
        // Every session just ended, this browser's included: let the session find out before sign-in.
        if (this.#session.available) await this.#session.value.restore();
        navigate(this, '/sign-in?reset=done', { replace: true });
      },
      (error) => errorMessage(error, (id) => this.#i18n.t(id)),
    );
  }
}

customElements.define('cs-reset-password-page', CsResetPasswordPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-reset-password-page': CsResetPasswordPage;
  }
}
