import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { INVITABLE_ROLES, type InvitableRole, type ProjectRole } from '../../../shared/schemas/projects.ts';
import { sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-avatar.ts';
import { projectStyles } from './project-styles.ts';
import type { Member } from './projects-api.ts';
import { ProjectsApiController } from './projects-api-controller.ts';
import { roleLabelId } from './role-label.ts';
import { runAction } from '../../ui/run-action.ts';

/** Link lifetimes offered when creating a shareable invite, in hours. */
const LINK_LIFETIMES = [24, 72, 168] as const;

/**
 * Who is in the project and with which role. The owner invites by e-mail or creates an expiring
 * link, changes roles and removes people; everyone else sees the list.
 *
 * @fires cs-members - `CustomEvent<{ members: Member[] }>` whenever the list is loaded or changes
 */
export class CsCollaboratorsPanel extends LitElement {
  static override properties = {
    projectId: { attribute: false },
    role: { attribute: false },
    online: { type: Boolean },
    members: { state: true },
    error: { state: true },
    status: { state: true },
    inviteLink: { state: true },
    invitedEmail: { state: true },
    busy: { state: true },
  };

  static override styles = [
    baseStyles,
    projectStyles,
    css`
      .members {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      /* On a phone the role picker wraps under the name rather than squeezing it to an ellipsis. */
      .member {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
        --cs-avatar-size: 36px;
      }

      .who {
        display: grid;
        flex: 1 1 9rem;
        min-width: 0;
      }

      .who span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .who .email {
        font-size: 0.8rem;
      }

      .member-actions {
        margin-inline-start: auto;
        display: flex;
        align-items: center;
        gap: var(--cs-space-1, 0.25rem);
      }

      .member-actions select {
        min-height: 36px;
        width: auto;
        padding: 0.25rem 0.5rem;
        font-size: 0.85rem;
      }

      form {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }

      .form-row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-2, 0.5rem);
        align-items: flex-end;
      }

      .form-row .field {
        flex: 1 1 9rem;
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        min-width: 0;
      }

      label {
        font-size: 0.85rem;
        font-weight: 650;
      }

      h3 {
        font-size: 0.95rem;
      }

      .invite {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        padding-top: var(--cs-space-3, 0.75rem);
        border-top: 1px solid var(--cs-color-border, #dedbe9);
      }

      .link {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
      }

      .link input {
        font-size: 0.85rem;
      }
    `,
  ];

  declare projectId: string;
  declare role: ProjectRole | null;
  declare online: boolean;
  declare members: Member[];
  declare error: string;
  declare status: string;
  declare inviteLink: string;
  /** Who the last invitation was e-mailed to, for the status line. */
  declare invitedEmail: string;
  declare busy: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #api = new ProjectsApiController(this);

  constructor() {
    super();
    this.projectId = '';
    this.role = null;
    this.online = true;
    this.members = [];
    this.error = '';
    this.status = '';
    this.invitedEmail = '';
    this.inviteLink = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('projectId') || (changed.has('online') && this.online)) && this.projectId) void this.#load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('members')) this.dispatchEvent(new CustomEvent('cs-members', { detail: { members: this.members }, bubbles: true, composed: true }));
  }

  async #load(): Promise<void> {
    if (!this.#api.available || !this.online) return;
    try {
      this.members = await this.#api.value.members(this.projectId);
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#session.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const owner = this.role === 'owner';
    const me = this.#session.value.user?.id;
    return html`<div class="stack">
      <div class="live" aria-live="polite">
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
        ${this.status ? html`<p class="notice success">${t(this.status, { email: this.invitedEmail })}</p>` : nothing}
      </div>
      ${!this.online && !this.members.length ? html`<p class="muted">${t('projects.people.offline')}</p>` : nothing}
      <ul class="members">
        ${this.members.map(
          (member) => html`<li class="member">
            <cs-avatar .name=${member.displayName}></cs-avatar>
            <div class="who">
              <span>${member.displayName}${member.userId === me ? html` <span class="muted">${t('projects.people.you')}</span>` : nothing}</span>
              <span class="email muted">${member.email}</span>
            </div>
            <div class="member-actions">
              ${owner && member.role !== 'owner'
                ? html`<select
                      aria-label=${t('projects.people.roleFor', { name: member.displayName })}
                      ?disabled=${!this.online || this.busy}
                      @change=${(event: Event) => this.#changeRole(member, (event.target as HTMLSelectElement).value as InvitableRole)}
                    >
                      ${INVITABLE_ROLES.map((role) => html`<option value=${role} .selected=${member.role === role}>${t(roleLabelId(role))}</option>`)}
                    </select>
                    <button
                      class="button quiet small"
                      type="button"
                      aria-label=${t('projects.people.removeNamed', { name: member.displayName })}
                      ?disabled=${!this.online || this.busy}
                      @click=${() => this.#remove(member)}
                    >
                      ${t('projects.people.remove')}
                    </button>`
                : html`<span class="chip">${t(roleLabelId(member.role))}</span>`}
            </div>
          </li>`,
        )}
      </ul>
      ${owner ? this.#renderInvite() : nothing}
    </div>`;
  }

  #renderInvite() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const roleSelect = (id: string) =>
      html`<select id=${id} name="role">
        ${INVITABLE_ROLES.map((role) => html`<option value=${role}>${t(roleLabelId(role))}</option>`)}
      </select>`;
    return html`<div class="invite">
      <form @submit=${this.#inviteByEmail} aria-labelledby="invite-heading">
        <h3 id="invite-heading">${t('projects.invite.title')}</h3>
        <div class="form-row">
          <div class="field">
            <label for="invite-email">${t('projects.invite.email')}</label>
            <input id="invite-email" name="email" type="email" required autocomplete="off" />
          </div>
          <div class="field">
            <label for="invite-role">${t('projects.invite.role')}</label>
            ${roleSelect('invite-role')}
          </div>
        </div>
        <button class="button small" type="submit" ?disabled=${!this.online || this.busy}>${t('projects.invite.send')}</button>
      </form>
      <form @submit=${this.#createLink} aria-labelledby="link-heading">
        <h3 id="link-heading" class="muted">${t('projects.invite.orLink')}</h3>
        <div class="form-row">
          <div class="field">
            <label for="link-role">${t('projects.invite.role')}</label>
            ${roleSelect('link-role')}
          </div>
          <div class="field">
            <label for="link-expiry">${t('projects.invite.expires')}</label>
            <select id="link-expiry" name="expiresInHours">
              ${LINK_LIFETIMES.map(
                (hours) => html`<option value=${hours} .selected=${hours === 72}>${t('projects.invite.days', { count: hours / 24 })}</option>`,
              )}
            </select>
          </div>
        </div>
        <button class="button secondary small" type="submit" ?disabled=${!this.online || this.busy}>${t('projects.invite.createLink')}</button>
      </form>
      ${this.inviteLink
        ? html`<div class="field">
            <label for="invite-link">${t('projects.invite.link')}</label>
            <div class="link">
              <input id="invite-link" type="text" readonly .value=${this.inviteLink} @focus=${(event: Event) => (event.target as HTMLInputElement).select()} />
              <button class="button secondary small" type="button" @click=${this.#copy}>${t('projects.invite.copy')}</button>
            </div>
          </div>`
        : nothing}
    </div>`;
  }

  #run(action: () => Promise<void>): Promise<void> {
    return runAction(this, action, (error) => errorMessage(error, (id) => this.#i18n.t(id)));
  }

  readonly #inviteByEmail = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void this.#run(async () => {
      const invite = await this.#api.value.invite(this.projectId, {
        role: String(data.get('role')) as InvitableRole,
        email: String(data.get('email')).trim(),
        expiresInHours: 72,
      });
      this.inviteLink = this.#linkFor(invite.token);
      this.invitedEmail = invite.email ?? '';
      this.status = invite.emailed ? messageId('projects.invite.emailed') : messageId('projects.invite.sent');
      form.reset();
    });
  };

  readonly #createLink = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void this.#run(async () => {
      const invite = await this.#api.value.invite(this.projectId, {
        role: String(data.get('role')) as InvitableRole,
        expiresInHours: Number(data.get('expiresInHours')),
      });
      this.inviteLink = this.#linkFor(invite.token);
      this.status = messageId('projects.invite.linkCreated');
    });
  };

  #linkFor(token: string): string {
    return `${location.origin}/invite?${new URLSearchParams({ token })}`;
  }

  readonly #copy = (): void => {
    navigator.clipboard.writeText(this.inviteLink).then(
      () => (this.status = messageId('projects.invite.copied')),
      () => {
        // Clipboard refused (permissions): leave the link selected so it can be copied by hand.
        this.renderRoot.querySelector<HTMLInputElement>('#invite-link')?.select();
      },
    );
  };

  #changeRole(member: Member, role: InvitableRole): void {
    void this.#run(async () => {
      await this.#api.value.changeRole(this.projectId, member.userId, role);
      this.members = this.members.map((m) => (m.userId === member.userId ? { ...m, role } : m));
      this.status = messageId('projects.people.roleChanged');
    });
  }

  #remove(member: Member): void {
    void this.#run(async () => {
      await this.#api.value.removeMember(this.projectId, member.userId);
      this.members = this.members.filter((m) => m.userId !== member.userId);
      this.status = messageId('projects.people.removed');
    });
  }
}

customElements.define('cs-collaborators-panel', CsCollaboratorsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-collaborators-panel': CsCollaboratorsPanel;
  }
  interface HTMLElementEventMap {
    'cs-members': CustomEvent<{ members: Member[] }>;
  }
}
