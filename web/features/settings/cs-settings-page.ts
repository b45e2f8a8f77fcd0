import { css, html, LitElement, nothing } from 'lit';
import { sessionContext } from '../../app/contexts.ts';
import '../../app/cs-language-select.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { SessionStatus } from '../auth/session-service.ts';
import './cs-change-email-form.ts';
import './cs-change-password-form.ts';
import './cs-delete-account-form.ts';

/**
 * Settings: language for everyone; password and sign-out for members.
 *
 * @fires cs-sign-out - The sign-out button was pressed.
 */
export class CsSettingsPage extends LitElement {
  static override styles = [
    baseStyles,
    pageStyles,
    css`
      section {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
      }

      .muted {
        color: var(--cs-color-text-muted, #5b5868);
        overflow-wrap: anywhere;
      }

      cs-language-select {
        justify-self: start;
      }

      cs-change-password-form {
        margin-top: var(--cs-space-2, 0.5rem);
      }

      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-3, 0.75rem);
      }
    `,
  ];

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    if (!this.#i18n.available || !this.#session.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const state = this.#session.value.state;
    const signedIn = state.status === SessionStatus.signedIn;
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('settings.title')}</h1>
      </header>
      <section class="card" aria-labelledby="language-heading">
        <h2 id="language-heading">${t('settings.language.title')}</h2>
        <p class="muted">${signedIn ? t('settings.language.hintMember') : t('settings.language.hintGuest')}</p>
        <cs-language-select></cs-language-select>
      </section>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">${t('settings.password.title')}</h2>
        ${signedIn
          ? html`<p class="muted">${t('settings.password.lead')}</p>
              <cs-change-password-form></cs-change-password-form>`
          : html`<p class="muted">${t('settings.password.signInRequired')} <a href="/sign-in?next=%2Fsettings">${t('shell.nav.signIn')}</a></p>`}
      </section>
      ${signedIn
        ? html`<section class="card" aria-labelledby="account-heading">
            <h2 id="account-heading">${t('settings.account.title')}</h2>
            <div class="row">
              <p class="muted">${t('settings.account.signedInAs', { email: state.user.email })}</p>
              <button class="button secondary" type="button" @click=${this.#signOut}>${t('shell.signOut')}</button>
            </div>
            <details>
              <summary>${t('auth.emailChange.open')}</summary>
              <p class="muted">${t('auth.emailChange.lead')}</p>
              <cs-change-email-form></cs-change-email-form>
            </details>
          </section>
          <section class="card" aria-labelledby="delete-heading">
            <h2 id="delete-heading">${t('settings.delete.title')}</h2>
            <details>
              <summary>${t('settings.delete.open')}</summary>
              <cs-delete-account-form></cs-delete-account-form>
            </details>
          </section>`
        : nothing}
    </div>`;
  }

  #signOut(): void {
    this.dispatchEvent(new Event('cs-sign-out', { bubbles: true, composed: true }));
  }
}

customElements.define('cs-settings-page', CsSettingsPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-settings-page': CsSettingsPage;
  }
}
