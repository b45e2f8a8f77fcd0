import { css, html, LitElement, nothing } from 'lit';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../../shared/i18n/locales.ts';
import { UpdateProfileRequest, USER_ROLES, type User, type UserRole } from '../../../shared/schemas/auth.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-avatar.ts';
import { focusFirstInvalid } from '../../ui/focus-first-invalid.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { fieldErrorsOf, validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { SessionStatus } from '../auth/session-service.ts';
import { profileDraft, profileUpdate, type ProfileDraft } from './profile-draft.ts';
import { roleLabelId } from './roles.ts';

const BIO_MAX_LENGTH = 2000;

/** The signed-in user's profile: a read view and an edit form (display name, bio, roles, avatar, language). */
export class CsProfilePage extends LitElement {
  static override properties = {
    editing: { state: true },
    draft: { state: true },
    errors: { state: true },
    formError: { state: true },
    status: { state: true },
    saving: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    css`
      :host {
        --cs-page-width: 44rem;
      }

      .identity {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-4, 1rem);
        --cs-avatar-size: 88px;
      }

      .identity-text {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        min-width: 0;
        flex: 1 1 14rem;
      }

      .identity h2 {
        font-size: 1.5rem;
        overflow-wrap: anywhere;
      }

      .muted {
        color: var(--cs-color-text-muted, #5b5868);
        overflow-wrap: anywhere;
      }

      dl {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        margin: 0;
      }

      dt {
        font-size: 0.8rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--cs-color-text-muted, #5b5868);
      }

      dd {
        margin: var(--cs-space-1, 0.25rem) 0 0;
        overflow-wrap: anywhere;
      }

      .bio {
        white-space: pre-line;
      }

      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .chips li {
        padding: 0.2rem 0.7rem;
        border-radius: 999px;
        background: var(--cs-color-accent-soft, #eee7fd);
        color: var(--cs-color-accent, #6b2fd6);
        font-size: 0.875rem;
        font-weight: 650;
      }

      .divider {
        height: 1px;
        background: var(--cs-color-border, #dedbe9);
        border: 0;
        margin: 0;
      }

      @media (min-width: 600px) {
        dl {
          grid-template-columns: 1fr 1fr;
        }
        .wide {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  declare editing: boolean;
  declare draft: ProfileDraft;
  declare errors: FieldErrors;
  declare formError: string;
  /** Catalog id of the success message for the live region (translated at render, so it follows language switches). */
  declare status: string;
  declare saving: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);

  constructor() {
    super();
    this.editing = false;
    this.draft = { displayName: '', bio: '', avatarUrl: '', roles: [], locale: 'en' };
    this.errors = {};
    this.formError = '';
    this.status = '';
    this.saving = false;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    if (!this.#i18n.available || !this.#session.available || !this.#connectivity.available) return nothing;
    const state = this.#session.value.state;
    if (state.status !== SessionStatus.signedIn) return nothing;
    const t = (id: string): string => this.#i18n.t(id);
    const canEdit = !state.offline && this.#connectivity.value.online;
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('profile.title')}</h1>
        <p class="lead">${t('profile.lead')}</p>
      </header>
      <div class="live" aria-live="polite">${this.status ? html`<p class="notice success">${t(this.status)}</p>` : nothing}</div>
      ${canEdit ? nothing : html`<p class="notice warning">${t('profile.offlineNote')}</p>`}
      ${this.editing && canEdit ? this.#renderForm() : this.#renderView(state.user, canEdit)}
    </div>`;
  }

  #renderView(user: User, canEdit: boolean) {
    const i18n = this.#i18n;
    return html`<section class="card stack" aria-labelledby="profile-name">
      <div class="identity">
        <cs-avatar .name=${user.displayName} .src=${user.avatarUrl}></cs-avatar>
        <div class="identity-text">
          <h2 id="profile-name">${user.displayName}</h2>
          <p class="muted">${user.email}</p>
          <p class="muted">${i18n.t('profile.memberSince', { date: i18n.formatDate(user.createdAt) })}</p>
        </div>
        <button class="button secondary" type="button" id="edit" ?disabled=${!canEdit} @click=${this.#startEditing}>
          ${i18n.t('profile.edit')}
        </button>
      </div>
      <hr class="divider" />
      <dl>
        <div class="wide">
          <dt>${i18n.t('profile.field.bio')}</dt>
          <dd>${user.bio ? html`<span class="bio">${user.bio}</span>` : html`<span class="muted">${i18n.t('profile.noBio')}</span>`}</dd>
        </div>
        <div>
          <dt>${i18n.t('profile.field.roles')}</dt>
          <dd>
            ${user.roles.length
              ? html`<ul class="chips">
                  ${user.roles.map((role) => html`<li>${i18n.t(roleLabelId(role))}</li>`)}
                </ul>`
              : html`<span class="muted">${i18n.t('profile.noRoles')}</span>`}
          </dd>
        </div>
        <div>
          <dt>${i18n.t('profile.field.language')}</dt>
          <dd>${i18n.value.languageName(user.locale)}</dd>
        </div>
      </dl>
    </section>`;
  }

  #renderForm() {
    const i18n = this.#i18n;
    const t = (id: string, values?: Record<string, unknown>): string => i18n.t(id, values);
    const draft = this.draft;
    return html`<section class="card" aria-labelledby="edit-heading">
      <form novalidate @submit=${this.#save} aria-describedby="form-status">
        <h2 id="edit-heading">${t('profile.editTitle')}</h2>
        <div id="form-status" class="live" aria-live="polite">
          ${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}
        </div>
        ${textField({
          name: 'displayName',
          label: t('auth.field.displayName'),
          value: draft.displayName,
          autocomplete: 'nickname',
          required: true,
          maxLength: 80,
          error: fieldMessageText(this.errors['displayName'], t),
          onInput: (value) => this.#edit({ displayName: value }, 'displayName'),
        })}
        ${textField({
          name: 'bio',
          multiline: true,
          label: t('profile.field.bio'),
          hint: t('profile.field.bio.hint', {
            count: i18n.formatNumber([...draft.bio].length),
            max: i18n.formatNumber(BIO_MAX_LENGTH),
          }),
          value: draft.bio,
          maxLength: BIO_MAX_LENGTH,
          error: fieldMessageText(this.errors['bio'], t),
          onInput: (value) => this.#edit({ bio: value }, 'bio'),
        })}
        <fieldset aria-describedby="roles-hint">
          <legend>${t('profile.field.roles')}</legend>
          <p class="hint" id="roles-hint">${t('profile.field.roles.hint')}</p>
          <div class="choices">
            ${USER_ROLES.map(
              (role) => html`<label class="choice">
                <input type="checkbox" name="roles" value=${role} .checked=${draft.roles.includes(role)} @change=${() => this.#toggleRole(role)} />
                <span>${t(roleLabelId(role))}</span>
              </label>`,
            )}
          </div>
          <p class="field-error">${fieldMessageText(this.errors['roles'], t) ?? ''}</p>
        </fieldset>
        ${textField({
          name: 'avatarUrl',
          type: 'url',
          label: t('profile.field.avatarUrl'),
          hint: t('profile.field.avatarUrl.hint'),
          value: draft.avatarUrl,
          inputMode: 'url',
          autocomplete: 'photo',
          error: fieldMessageText(this.errors['avatarUrl'], t),
          onInput: (value) => this.#edit({ avatarUrl: value }, 'avatarUrl'),
        })}
        <div class="field">
          <label for="field-locale">${t('profile.field.language')}</label>
          <select id="field-locale" name="locale" @change=${(event: Event) => this.#edit({ locale: (event.target as HTMLSelectElement).value as SupportedLocale }, 'locale')}>
            ${SUPPORTED_LOCALES.map(
              (locale) => html`<option value=${locale} lang=${locale} .selected=${draft.locale === locale}>${i18n.value.languageName(locale)}</option>`,
            )}
          </select>
        </div>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.saving}>${this.saving ? t('profile.saving') : t('profile.save')}</button>
          <button class="button secondary" type="button" @click=${this.#cancel}>${t('profile.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  #edit(change: Partial<ProfileDraft>, field: keyof ProfileDraft): void {
    this.draft = { ...this.draft, ...change };
    this.errors = withoutFieldError(this.errors, field);
  }

  #toggleRole(role: UserRole): void {
    const roles = this.draft.roles.includes(role) ? this.draft.roles.filter((r) => r !== role) : [...this.draft.roles, role];
    this.#edit({ roles }, 'roles');
  }

  async #startEditing(): Promise<void> {
    const user = this.#session.value.user;
    if (!user) return;
    this.draft = profileDraft(user);
    this.errors = {};
    this.formError = '';
    this.status = '';
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#field-displayName')?.focus();
  }

  async #cancel(): Promise<void> {
    this.editing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit')?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    this.formError = '';
    const result = validateForm(UpdateProfileRequest, profileUpdate(this.draft));
    if (!result.success) {
      this.errors = result.errors;
      await focusFirstInvalid(this);
      return;
    }
    this.saving = true;
    try {
      await this.#session.value.updateProfile(result.data);
      this.editing = false;
      this.status = messageId('profile.saved');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#edit')?.focus();
    } catch (error) {
      this.errors = fieldErrorsOf(error) ?? this.errors;
      this.formError = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.saving = false;
    }
  }
}

customElements.define('cs-profile-page', CsProfilePage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-profile-page': CsProfilePage;
  }
}
