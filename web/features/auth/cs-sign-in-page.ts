import { html, LitElement, nothing } from 'lit';
import { LoginRequest } from '../../../shared/schemas/auth.ts';
import { ApiError } from '../../api/api-error.ts';
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

/**
 * Sign-in form. On success the session changes and the shell moves on (to `?next=` or home);
 * this page never navigates by itself.
 */
export class CsSignInPage extends LitElement {
  static override properties = {
    email: { state: true },
    password: { state: true },
    showPassword: { state: true },
    errors: { state: true },
    formError: { state: true },
    submitting: { state: true },
    suspended: { state: true },
  };

  static override styles = [baseStyles, formStyles, authStyles];

  declare email: string;
  declare password: string;
  declare showPassword: boolean;
  declare errors: FieldErrors;
  declare formError: string;
  declare submitting: boolean;
  /** The last sign-in was refused because the account is suspended: offer the appeal. */
  declare suspended: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  /** The credentials of the last sign-in sent. */
  #lastAttempt: { email: string; password: string } | null = null;
  /** Arrived from a password reset: say it worked. */
  readonly #afterReset = new URLSearchParams(location.search).get('reset') === 'done';

  constructor() {
    super();
    this.email = '';
    this.password = '';
    this.showPassword = false;
    this.errors = {};
    this.formError = '';
    this.submitting = false;
    this.suspended = false;
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
        <h1 tabindex="-1">${t('auth.signIn.title')}</h1>
        <p class="lead">${t('auth.signIn.lead')}</p>
      </div>
      <div class="card">
        <form novalidate @submit=${this.#submit} aria-describedby="form-status">
          <div id="form-status" class="live" aria-live="polite">
            ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
            ${!this.formError && this.#afterReset ? html`<p class="notice success">${t('auth.signIn.afterReset')}</p>` : nothing}
          </div>
          ${textField({
            name: 'email',
            type: 'email',
            label: t('auth.field.email'),
            value: this.email,
            autocomplete: 'username',
            inputMode: 'email',
            required: true,
            error: fieldMessageText(this.errors['email'], t),
            onInput: (value) => this.#edit('email', value),
          })}
          ${textField({
            name: 'password',
            type: this.showPassword ? 'text' : 'password',
            label: t('auth.field.password'),
            value: this.password,
            autocomplete: 'current-password',
            required: true,
            error: fieldMessageText(this.errors['password'], t),
            onInput: (value) => this.#edit('password', value),
          })}
          <label class="checkbox">
            <input type="checkbox" .checked=${this.showPassword} @change=${(event: Event) => (this.showPassword = (event.target as HTMLInputElement).checked)} />
            ${t('auth.showPassword')}
          </label>
          <button class="button submit" type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
          </button>
          <p class="form-footer"><a href="/forgot-password">${t('auth.signIn.forgot')}</a></p>
        </form>
      </div>
      ${this.suspended && this.#lastAttempt
        ? html`<div class="card"><cs-suspension-appeal .email=${this.#lastAttempt.email} .password=${this.#lastAttempt.password}></cs-suspension-appeal></div>`
        : nothing}
      <p class="form-footer">${t('auth.signIn.noAccount')} <a href="/sign-up">${t('auth.signIn.createAccount')}</a></p>
    </div>`;
  }

  #edit(field: 'email' | 'password', value: string): void {
    this[field] = value;
    this.errors = withoutFieldError(this.errors, field);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await submitForm(
      this,
      validateForm(LoginRequest, { email: this.email, password: this.password }),
      async (request) => {
        // An appeal goes with the credentials that were refused, not whatever is typed afterwards.
        this.#lastAttempt = { email: request.email, password: request.password };
        await this.#session.value.signIn(request);
      },
      (error) => {
        this.suspended = error instanceof ApiError && error.code === 'account_suspended';
        // Rarely needed, so loaded only then.
        if (this.suspended) void import('./cs-suspension-appeal.ts');
        return errorMessage(error, (id) => this.#i18n.t(id));
      },
    );
  }
}

customElements.define('cs-sign-in-page', CsSignInPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-sign-in-page': CsSignInPage;
  }
}
