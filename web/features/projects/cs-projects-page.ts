import { css, html, LitElement, nothing } from 'lit';
import { ProjectTitle } from '../../../shared/schemas/projects.ts';
import { SessionStatus } from '../auth/session-service.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { createDexieProjectListStore } from './dexie-project-list-store.ts';
import { mergeProjectList, patchProject, type CachedProject, type ProjectListStore } from './project-list-cache.ts';
import { projectStyles } from './project-styles.ts';
import { ProjectsApiController } from './projects-api-controller.ts';
import { roleLabelId } from './role-label.ts';
import { runAction } from '../../ui/run-action.ts';

type ListKind = 'active' | 'bin';

/**
 * /projects: the user's projects (own and shared) and the bin. The list shows at once from the
 * device's cache and is then refreshed from the server (stale-while-revalidate); creating, renaming,
 * deleting and restoring need the server.
 */
export class CsProjectsPage extends LitElement {
  static override properties = {
    list: { state: true },
    projects: { state: true },
    loading: { state: true },
    error: { state: true },
    status: { state: true },
    newTitle: { state: true },
    renamingId: { state: true },
    renameDraft: { state: true },
    busy: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    projectStyles,
    css`
      :host {
        --cs-page-width: 52rem;
      }

      .tabs {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        border-bottom: 1px solid var(--cs-color-border, #dedbe9);
      }

      .tab {
        min-height: 44px;
        padding: 0 var(--cs-space-3, 0.75rem);
        border: 0;
        border-bottom: 3px solid transparent;
        background: none;
        color: var(--cs-color-text-muted, #5b5868);
        font: inherit;
        font-weight: 650;
        cursor: pointer;
      }

      .tab[aria-selected='true'] {
        color: var(--cs-color-text, #17151f);
        border-bottom-color: var(--cs-color-accent, #6b2fd6);
      }

      .projects {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .project {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-3, 0.75rem);
        padding: var(--cs-space-4, 1rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
      }

      .project-main {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        min-width: 0;
        flex: 1 1 14rem;
      }

      .project-title {
        font-size: 1.1rem;
        font-weight: 700;
        text-decoration: none;
        color: var(--cs-color-text, #17151f);
        overflow-wrap: anywhere;
      }

      .project-title:hover {
        color: var(--cs-color-accent, #6b2fd6);
      }

      .meta {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
        font-size: 0.875rem;
      }

      .empty {
        padding: var(--cs-space-6, 2rem) var(--cs-space-4, 1rem);
        border: 1px dashed var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        text-align: center;
      }
    `,
  ];

  declare list: ListKind;
  declare projects: CachedProject[];
  declare loading: boolean;
  declare error: string;
  /** Catalog id of the last completed action, for the live region. */
  declare status: string;
  declare newTitle: string;
  declare renamingId: string | null;
  declare renameDraft: string;
  declare busy: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ProjectsApiController(this);
  readonly #store: ProjectListStore = createDexieProjectListStore();
  #loadRequest = 0;

  constructor() {
    super();
    this.list = 'active';
    this.projects = [];
    this.loading = true;
    this.error = '';
    this.status = '';
    this.newTitle = '';
    this.renamingId = null;
    this.renameDraft = '';
    this.busy = false;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.#load());
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  /**
   * Back online: reload now, unless the session itself is still offline (restored from the cache).
   * Then the shell is refreshing it, and calling before that finishes would go out without a token;
   * the reload follows from the session change instead (see willUpdate).
   */
  readonly #onOnline = (): void => {
    if (!this.#sessionOffline) void this.#load();
  };

  #wasSessionOffline = false;

  get #sessionOffline(): boolean {
    const state = this.#session.available ? this.#session.value.state : null;
    return state?.status === SessionStatus.signedIn && state.offline;
  }

  protected override willUpdate(): void {
    const offline = this.#sessionOffline;
    if (this.#wasSessionOffline && !offline) void this.#load();
    this.#wasSessionOffline = offline;
  }

  get #userId(): string | null {
    return this.#session.available ? (this.#session.value.user?.id ?? null) : null;
  }

  async #load(): Promise<void> {
    const userId = this.#userId;
    if (!userId || !this.#api.available) return;
    const request = ++this.#loadRequest;
    const list = this.list;
    this.loading = true;
    this.error = '';
    let cached: CachedProject[] = [];
    try {
      cached = await this.#store.load(userId, list);
      if (request === this.#loadRequest && cached.length) this.projects = cached;
    } catch (error) {
      console.error(new Error('Could not read the cached project list', { cause: error }));
    }
    try {
      const fresh = await this.#api.value.list({ bin: list === 'bin' });
      if (request !== this.#loadRequest) return;
      this.projects = mergeProjectList(cached, fresh);
      await this.#store.save(userId, list, this.projects);
    } catch (error) {
      if (request !== this.#loadRequest) return;
      // Offline with a cached list is the normal offline case, not an error worth a banner.
      if (!cached.length || this.#connectivity.value.online) this.error = errorMessage(error, (id) => this.#i18n.t(id));
      if (!cached.length) this.projects = [];
    } finally {
      if (request === this.#loadRequest) this.loading = false;
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const online = this.#connectivity.value.online;
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('projects.title')}</h1>
        <p class="lead">${t('projects.lead')}</p>
      </header>
      <div class="live" aria-live="polite">
        ${this.status ? html`<p class="notice success">${t(this.status)}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${online ? nothing : html`<p class="notice warning">${t('projects.offlineNote')}</p>`}
      ${this.list === 'active' ? this.#renderCreate(online) : nothing}
      <div class="tabs" role="tablist" aria-label=${t('projects.lists')}>
        <button class="tab" role="tab" type="button" aria-selected=${this.list === 'active' ? 'true' : 'false'} @click=${() => this.#show('active')}>
          ${t('projects.tab.active')}
        </button>
        <button class="tab" role="tab" type="button" aria-selected=${this.list === 'bin' ? 'true' : 'false'} @click=${() => this.#show('bin')}>
          ${t('projects.tab.bin')}
        </button>
      </div>
      <section role="tabpanel" aria-busy=${this.loading && !this.projects.length ? 'true' : 'false'}>${this.#renderList(online)}</section>
    </div>`;
  }

  #renderCreate(online: boolean) {
    const t = (id: string): string => this.#i18n.t(id);
    return html`<form class="card inline-form" @submit=${this.#create}>
      <div class="field">
        <label for="new-title">${t('projects.create.label')}</label>
        <input
          id="new-title"
          name="title"
          type="text"
          maxlength="120"
          required
          autocomplete="off"
          placeholder=${t('projects.create.placeholder')}
          .value=${this.newTitle}
          @input=${(event: Event) => (this.newTitle = (event.target as HTMLInputElement).value)}
        />
      </div>
      <button class="button" type="submit" ?disabled=${!online || this.busy}>${t('projects.create.submit')}</button>
    </form>`;
  }

  #renderList(online: boolean) {
    const i18n = this.#i18n;
    const t = (id: string, values?: Record<string, unknown>): string => i18n.t(id, values);
    if (!this.projects.length) {
      if (this.loading) return html`<p class="empty muted">${t('projects.loading')}</p>`;
      return html`<p class="empty muted">${this.list === 'bin' ? t('projects.bin.empty') : t('projects.empty')}</p>`;
    }
    return html`<ul class="projects">
      ${this.projects.map((project) => {
        const owner = project.role === 'owner';
        const canRename = owner || project.role === 'editor';
        if (this.renamingId === project.id) return this.#renderRename(project, online);
        return html`<li class="project" data-project=${project.id}>
          <div class="project-main">
            ${this.list === 'bin'
              ? html`<span class="project-title">${project.title}</span>`
              : html`<a class="project-title" href="/projects/${encodeURIComponent(project.id)}">${project.title}</a>`}
            <div class="meta muted">
              <span class="chip">${t(roleLabelId(project.role))}</span>
              <span>${t('projects.updated', { date: i18n.formatDate(project.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
              ${project.openedAt ? html`<span>${t('projects.onDevice')}</span>` : nothing}
            </div>
          </div>
          <div class="row-actions">
            ${this.list === 'bin'
              ? owner
                ? html`<button class="button secondary small" type="button" ?disabled=${!online || this.busy} @click=${() => this.#restore(project)}>
                    ${t('projects.restore')}
                  </button>`
                : nothing
              : html`${canRename
                  ? html`<button
                      class="button quiet small"
                      type="button"
                      aria-label=${t('projects.renameNamed', { title: project.title })}
                      ?disabled=${!online}
                      @click=${() => this.#startRename(project)}
                    >
                      ${t('projects.rename')}
                    </button>`
                  : nothing}
                ${owner
                  ? html`<button
                      class="button quiet small"
                      type="button"
                      aria-label=${t('projects.deleteNamed', { title: project.title })}
                      ?disabled=${!online || this.busy}
                      @click=${() => this.#delete(project)}
                    >
                      ${t('projects.delete')}
                    </button>`
                  : nothing}`}
          </div>
        </li>`;
      })}
    </ul>`;
  }

  #renderRename(project: CachedProject, online: boolean) {
    const t = (id: string): string => this.#i18n.t(id);
    return html`<li class="project">
      <form class="inline-form project-main" @submit=${(event: Event) => this.#rename(event, project)}>
        <div class="field">
          <label for="rename-${project.id}">${t('projects.rename.label')}</label>
          <input
            id="rename-${project.id}"
            type="text"
            maxlength="120"
            required
            .value=${this.renameDraft}
            @input=${(event: Event) => (this.renameDraft = (event.target as HTMLInputElement).value)}
            @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && (this.renamingId = null)}
          />
        </div>
        <div class="row-actions">
          <button class="button small" type="submit" ?disabled=${!online || this.busy}>${t('projects.rename.save')}</button>
          <button class="button secondary small" type="button" @click=${() => (this.renamingId = null)}>${t('projects.cancel')}</button>
        </div>
      </form>
    </li>`;
  }

  #show(list: ListKind): void {
    if (this.list === list) return;
    this.list = list;
    this.projects = [];
    this.status = '';
    void this.#load();
  }

  #run(action: () => Promise<void>): Promise<void> {
    return runAction(this, action, (error) => errorMessage(error, (id) => this.#i18n.t(id)));
  }

  readonly #create = (event: Event): void => {
    event.preventDefault();
    const title = ProjectTitle.safeParse(this.newTitle);
    if (!title.success) {
      this.error = this.#i18n.t('projects.create.invalid');
      this.renderRoot.querySelector<HTMLInputElement>('#new-title')?.focus();
      return;
    }
    void this.#run(async () => {
      const project = await this.#api.value.create(title.data);
      this.newTitle = '';
      this.dispatchEvent(new CustomEvent('cs-navigate', { bubbles: true, composed: true, detail: { to: `/projects/${encodeURIComponent(project.id)}` } }));
    });
  };

  async #startRename(project: CachedProject): Promise<void> {
    this.renamingId = project.id;
    this.renameDraft = project.title;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#rename-${CSS.escape(project.id)}`)?.select();
  }

  #rename(event: Event, project: CachedProject): void {
    event.preventDefault();
    const title = ProjectTitle.safeParse(this.renameDraft);
    if (!title.success) {
      this.error = this.#i18n.t('projects.create.invalid');
      return;
    }
    void this.#run(async () => {
      const renamed = await this.#api.value.rename(project.id, title.data);
      this.projects = patchProject(this.projects, project.id, { title: renamed.title, updatedAt: renamed.updatedAt });
      this.renamingId = null;
      this.status = messageId('projects.renamed');
      await this.#save();
    });
  }

  #delete(project: CachedProject): void {
    void this.#run(async () => {
      await this.#api.value.moveToBin(project.id);
      this.projects = this.projects.filter((p) => p.id !== project.id);
      this.status = messageId('projects.deleted');
      await this.#save();
    });
  }

  #restore(project: CachedProject): void {
    void this.#run(async () => {
      await this.#api.value.restore(project.id);
      this.projects = this.projects.filter((p) => p.id !== project.id);
      this.status = messageId('projects.restored');
      await this.#save();
    });
  }

  async #save(): Promise<void> {
    const userId = this.#userId;
    if (userId) await this.#store.save(userId, this.list, this.projects);
  }
}

customElements.define('cs-projects-page', CsProjectsPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-projects-page': CsProjectsPage;
  }
}
