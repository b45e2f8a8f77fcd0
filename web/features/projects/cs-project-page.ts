import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { readLicenceTerms } from '../../../shared/project/licence-terms.ts';
import { projectParts, readLyrics, readMeta } from '../../../shared/project/project-document.ts';
import type { ProjectRole } from '../../../shared/schemas/projects.ts';
import { ApiError } from '../../api/api-error.ts';
import { apiContext, connectivityContext, sessionContext } from '../../app/contexts.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { SessionStatus } from '../auth/session-service.ts';
import { CommentsSession } from './comments-session.ts';
import './cs-collaborators-panel.ts';
import './cs-comments-panel.ts';
import './cs-licence-terms.ts';
import type { CaretLine } from './cs-lyrics-editor.ts';
import './cs-lyrics-editor.ts';
import { downloadLyricSheet } from './download-lyric-sheet.ts';
import './cs-mix-panel.ts';
import './cs-version-history.ts';
import './cs-song-assistant-panel.ts';
import { StyleSuggestions, suggestOnServer } from '../lyrics/style-suggestions.ts';
import { SongAssistant } from './song-assistant.ts';
import { createDexieProjectListStore } from './dexie-project-list-store.ts';
import { patchProject, type CachedProject, type ProjectListStore } from './project-list-cache.ts';
import type { SessionEnvironment } from './project-document-replica.ts';
import { ProjectSession } from './project-session.ts';
import { projectStyles } from './project-styles.ts';
import { isPermanentTicketFailure, type Member } from './projects-api.ts';
import { ProjectsApiController } from './projects-api-controller.ts';
import { roleLabelId } from './role-label.ts';
import { syncStatusLabel } from './sync-status-label.ts';

/** The project id in `/projects/:id` (the route table guarantees the shape). */
function projectIdFromPath(pathname: string): string {
  return decodeURIComponent(pathname.split('/')[2] ?? '');
}

/** Text fields keep their own undo; everything else on the page gets the project's. */
function handlesOwnUndo(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'checkbox');
}

type Unavailable = 'not-on-device' | 'no-access';
const UNAVAILABLE_IDS = {
  'not-on-device': messageId('projects.notOnDevice'),
  'no-access': messageId('projects.noAccess'),
} as const satisfies Record<Unavailable, string>;

/**
 * /projects/:id: the lyrics studio beside the mix (stacked on phones), collaborators and version
 * history. The song opens from IndexedDB first and syncs in the background; the ticket's role
 * decides what this person may change.
 */
export class CsProjectPage extends LitElement {
  static override properties = {
    session: { state: true },
    comments: { state: true },
    caret: { state: true },
    memberNames: { state: true },
    unavailable: { state: true },
    cachedTitle: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    projectStyles,
    css`
      :host {
        --cs-page-width: 80rem;
        padding-block: clamp(1rem, 0.5rem + 2vw, 2.5rem);
      }

      .title-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-3, 0.75rem);
      }

      .title-row h1 {
        overflow-wrap: anywhere;
        min-width: 0;
      }

      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
      }

      .back {
        font-size: 0.9rem;
        font-weight: 650;
        text-decoration: none;
      }

      .studio {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        align-items: start;
      }

      .panel {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        min-width: 0;
      }

      .panel-title {
        font-size: 0.8rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--cs-color-text-muted, #5b5868);
      }

      .side {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        min-width: 0;
      }

      .card {
        padding: clamp(1rem, 0.8rem + 1vw, 1.5rem);
      }

      .icon-button {
        min-width: 44px;
      }

      @media (min-width: 900px) {
        .studio {
          grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
        }

        .lyrics {
          grid-row: span 2;
        }
      }
    `,
  ];

  declare session: ProjectSession | null;
  /** The project's comments and chat: a second document, opened and closed with the song. */
  declare comments: CommentsSession | null;
  /** Where the lyrics caret is, for anchoring a new comment to that line. */
  declare caret: CaretLine | null;
  /** Members' names as the server knows them (user id → display name), once the list has loaded. */
  declare memberNames: ReadonlyMap<string, string>;
  /** Why the song cannot be opened on this device (see `#checkAccess`), or null. */
  declare unavailable: Unavailable | null;
  declare cachedTitle: string;

  readonly #i18n = new LocaleController(this);
  readonly #user = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ProjectsApiController(this);
  readonly #store: ProjectListStore = createDexieProjectListStore();
  readonly #projectId = projectIdFromPath(location.pathname);
  readonly #assistant = new SongAssistant(this, { canAskServer: () => this.#canAskServer() });

  constructor() {
    super();
    new ContextConsumer(this, {
      context: apiContext,
      callback: (client) => this.#assistant.useServer(new StyleSuggestions(suggestOnServer(client))),
    });
    this.session = null;
    this.comments = null;
    this.caret = null;
    this.memberNames = new Map();
    this.unavailable = null;
    this.cachedTitle = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKeydown);
    void this.updateComplete.then(() => this.#open());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeydown);
    this.session?.removeEventListener('change', this.#onSessionChange);
    this.session?.destroy();
    this.session = null;
    this.#assistant.follow(null);
    this.comments?.destroy();
    this.comments = null;
  }

  async #open(): Promise<void> {
    if (this.session || !this.#api.available || !this.isConnected) return;
    const userId = this.#user.value.user?.id;
    let cached: CachedProject | undefined;
    let list: CachedProject[] = [];
    try {
      if (userId) list = await this.#store.load(userId, 'active');
      cached = list.find((project) => project.id === this.#projectId);
    } catch (error) {
      console.error(new Error('Could not read the cached project list', { cause: error }));
    }
    if (this.session || !this.isConnected) return;
    // A song this account has never listed may still have a copy on this device, opened by another
    // account that used this browser: show it only once the server says this account may see it.
    if (!cached) {
      this.unavailable = await this.#checkAccess();
      if (this.unavailable || this.session || !this.isConnected) return;
    }
    this.cachedTitle = cached?.title ?? '';
    const options = {
      projectId: this.#projectId,
      api: this.#api.value,
      initialRole: (cached?.role ?? null) as ProjectRole | null,
      environment: browserEnvironment(),
    };
    const session = new ProjectSession(options);
    session.addEventListener('change', this.#onSessionChange);
    projectParts.meta(session.doc).observe(this.#onSessionChange);
    // The licence terms arrive with the first sync of a song started from a beat.
    projectParts.licence(session.doc).observe(this.#onSessionChange);
    this.session = session;
    if (this.isConnected) this.#assistant.follow(session.doc);
    this.comments = new CommentsSession(options);
    if (userId) await this.#remember(userId, list);
  }

  /** Why a song not in this account's list cannot be opened here, or null when the server lets it. */
  async #checkAccess(): Promise<Unavailable | null> {
    if (!this.#connectivity.value.online) return 'not-on-device';
    try {
      await this.#api.value.get(this.#projectId);
      return null;
    } catch (error) {
      if (isPermanentTicketFailure(error)) return 'no-access';
      return error instanceof ApiError && error.isNetworkError ? 'not-on-device' : 'no-access';
    }
  }

  /**
   * Refreshes the title from the server when online and records that this device now holds the
   * project, so the list can say so (and show it offline) even if the list page was never opened.
   */
  async #remember(userId: string, list: CachedProject[]): Promise<void> {
    let project: Omit<CachedProject, 'openedAt'> | undefined = list.find((p) => p.id === this.#projectId);
    if (this.#connectivity.value.online) {
      try {
        project = await this.#api.value.get(this.#projectId);
        this.cachedTitle = project.title;
      } catch (error) {
        // Offline or no access: the page keeps the cached title; the sync session reports lost access.
        if (!project) {
          console.warn(new Error('Could not load the project', { cause: error }));
          return;
        }
      }
    }
    if (!project) return;
    const entry: CachedProject = { ...project, openedAt: Date.now() };
    const next = list.some((p) => p.id === entry.id) ? patchProject(list, entry.id, entry) : [entry, ...list];
    try {
      await this.#store.save(userId, 'active', next);
    } catch (error) {
      console.error(new Error('Could not update the cached project list', { cause: error }));
    }
  }

  readonly #onSessionChange = (): void => this.requestUpdate();

  readonly #onMembers = (event: CustomEvent<{ members: Member[] }>): void => {
    this.memberNames = new Map(event.detail.members.map((member) => [member.userId, member.displayName]));
  };

  readonly #onCaretLine = (event: CustomEvent<CaretLine>): void => {
    this.caret = event.detail;
    this.#assistant.caretMoved(event.detail.line);
  };

  readonly #onRevealLine = (event: CustomEvent<{ line: number }>): void => {
    this.renderRoot.querySelector('cs-lyrics-editor')?.revealLine(event.detail.line);
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const session = this.session;
    if (!session?.canEditSong || !(event.ctrlKey || event.metaKey) || handlesOwnUndo(event)) return;
    const key = event.key.toLowerCase();
    // The lyrics editor handles its own keys (same undo manager); this covers the mix controls and buttons.
    if (event.composedPath().some((node) => node instanceof HTMLElement && node.localName === 'cs-lyrics-editor')) return;
    if (key === 'z' && !event.shiftKey) session.undo();
    else if (key === 'y' || (key === 'z' && event.shiftKey)) session.redo();
    else return;
    event.preventDefault();
  };

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const session = this.session;
    // The server's title (renames change it there); the document's own only if the list never loaded.
    const title = this.unavailable ? t('projects.project.title') : this.cachedTitle || (session && readMeta(session.doc).title) || t('projects.untitled');
    const role = session?.role ?? null;
    const canEdit = session?.canEditSong ?? false;
    const label = session ? syncStatusLabel(session.status.state) : null;
    return html`<div class="page">
      <header class="page-header">
        <a class="back" href="/projects">${t('projects.back')}</a>
        <div class="title-row">
          <h1 tabindex="-1">${title}</h1>
          <div class="toolbar">
            ${label ? html`<span class="badge ${label.tone}" role="status" id="sync-status">${t(label.id, label.values)}</span>` : nothing}
            ${role ? html`<span class="chip" id="role">${t(roleLabelId(role))}</span>` : nothing}
            ${canEdit
              ? html`<button
                    class="button secondary small icon-button"
                    type="button"
                    id="undo"
                    aria-keyshortcuts="Control+Z"
                    ?disabled=${!session?.undoManager.canUndo()}
                    @click=${() => session?.undo()}
                  >
                    ${t('projects.undo')}
                  </button>
                  <button
                    class="button secondary small icon-button"
                    type="button"
                    id="redo"
                    aria-keyshortcuts="Control+Y"
                    ?disabled=${!session?.undoManager.canRedo()}
                    @click=${() => session?.redo()}
                  >
                    ${t('projects.redo')}
                  </button>`
              : nothing}
            ${session
              ? html`<button class="button secondary small" type="button" id="download-lyrics" @click=${() => this.#downloadLyrics(session, title)}>
                  ${t('projects.downloadLyrics')}
                </button>`
              : nothing}
          </div>
        </div>
      </header>
      ${session?.storageFull ? html`<p class="notice error" role="alert">${t('projects.storageFull')}</p>` : nothing}
      ${session?.accessLost ? html`<p class="notice error" role="alert">${t('projects.accessLost')}</p>` : nothing}
      ${session && role && !canEdit
        ? html`<p class="notice warning" id="read-only-note">${role === 'commenter' ? t('projects.readOnlyCommenter') : t('projects.readOnly')}</p>`
        : nothing}
      ${session
        ? this.#renderStudio(session, canEdit)
        : this.unavailable
          ? html`<p class="notice error" role="alert" id="unavailable">${t(UNAVAILABLE_IDS[this.unavailable])}</p>`
          : html`<p class="muted">${t('projects.opening')}</p>`}
    </div>`;
  }

  /** The lyrics as they are on this device (offline too), with the tempo and key only when someone set them. */
  #downloadLyrics(session: ProjectSession, title: string): void {
    const meta = readMeta(session.doc);
    const set = projectParts.meta(session.doc);
    const source = { title, lyrics: readLyrics(session.doc), bpm: set.has('bpm') ? meta.bpm : undefined, musicalKey: meta.musicalKey };
    downloadLyricSheet(source, (id, values) => this.#i18n.t(id, values));
  }

  /** From the assistant (for the caret's line) or from a suggestion shared in the chat (for its line). */
  readonly #onUseSuggestion = (event: CustomEvent<{ text: string; line?: number }>): void => {
    this.renderRoot.querySelector('cs-lyrics-editor')?.putLine(event.detail.line ?? this.#assistant.caretLine, event.detail.text);
  };

  /** What the writer just taught shows at once in the suggestions for the line they are on. */
  readonly #onStyleLearned = (): void => this.#assistant.suggestAgain();

  /** The writer's style lives on the server: asking for it (or teaching it) needs the network and a real session. */
  #canAskServer(): boolean {
    if (!this.#connectivity.available || !this.#user.available) return false;
    const state = this.#user.value.state;
    return this.#connectivity.value.online && state.status === SessionStatus.signedIn && !state.offline;
  }

  #renderStudio(session: ProjectSession, canEdit: boolean) {
    const t = (id: string): string => this.#i18n.t(id);
    // A session restored from the cache has no access token yet: the panels wait for the real one.
    const state = this.#user.value.state;
    const online = this.#connectivity.value.online && !(state.status === SessionStatus.signedIn && state.offline);
    const terms = readLicenceTerms(session.doc);
    return html`<div class="studio">
      <section class="panel lyrics" aria-labelledby="lyrics-title">
        <h2 class="panel-title" id="lyrics-title">${t('projects.lyrics.title')}</h2>
        <cs-lyrics-editor
          .session=${session}
          .readOnly=${!canEdit}
          .label=${t('projects.lyrics.title')}
          .placeholderText=${t('projects.lyrics.placeholder')}
          .overlays=${this.#assistant.overlays}
          @cs-caret-line=${this.#onCaretLine}
        ></cs-lyrics-editor>
      </section>
      <section class="panel" aria-labelledby="mix-title">
        <h2 class="panel-title" id="mix-title">${t('projects.mix.title')}</h2>
        <cs-mix-panel .session=${session} .readOnly=${!canEdit}></cs-mix-panel>
      </section>
      <div class="side">
        <section class="panel card" aria-labelledby="assistant-title">
          <h2 class="panel-title" id="assistant-title">${t('projects.assistant.title')}</h2>
          <cs-song-assistant-panel
            .session=${session}
            .comments=${this.comments}
            .engine=${this.#assistant.engine}
            .styled=${this.#assistant.styled}
            .styledPending=${this.#assistant.styledPending}
            .caretLine=${this.#assistant.caretLine}
            .canEdit=${canEdit}
            .canAskServer=${this.#canAskServer()}
            .songTitle=${this.cachedTitle || readMeta(session.doc).title}
            @cs-use-suggestion=${this.#onUseSuggestion}
            @cs-style-learned=${this.#onStyleLearned}
          ></cs-song-assistant-panel>
        </section>
        ${terms
          ? html`<section class="panel card" aria-labelledby="licence-title">
              <h2 class="panel-title" id="licence-title">${t('projects.licence.title')}</h2>
              <cs-licence-terms .terms=${terms} .online=${online}></cs-licence-terms>
            </section>`
          : nothing}
        <section class="panel card" aria-labelledby="comments-title">
          <h2 class="panel-title" id="comments-title">${t('projects.comments.title')}</h2>
          <cs-comments-panel .session=${this.comments} .song=${session.doc} .names=${this.memberNames} ?can-use-suggestions=${canEdit} .caret=${this.caret} @cs-reveal-line=${this.#onRevealLine} @cs-use-suggestion=${this.#onUseSuggestion}></cs-comments-panel>
        </section>
        <section class="panel card" aria-labelledby="people-title">
          <h2 class="panel-title" id="people-title">${t('projects.people.title')}</h2>
          <cs-collaborators-panel
            .projectId=${session.projectId}
            .role=${session.role}
            .online=${online}
            @cs-members=${this.#onMembers}
          ></cs-collaborators-panel>
        </section>
        <section class="panel card" aria-labelledby="versions-title">
          <h2 class="panel-title" id="versions-title">${t('projects.versions.title')}</h2>
          <cs-version-history .projectId=${session.projectId} .canEdit=${canEdit} .online=${online}></cs-version-history>
        </section>
      </div>
    </div>`;
  }
}

/** The window, socket origin and storage both of a project's documents use on this device. */
function browserEnvironment(): SessionEnvironment {
  return {
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
    collabUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/collab`,
    requestPersistentStorage: async () => (navigator.storage?.persist ? navigator.storage.persist() : false),
    storage: safeLocalStorage(),
    reportError: (error) => console.error(error),
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage: the unsent-change count then only lives as long as the page.
    return null;
  }
}

customElements.define('cs-project-page', CsProjectPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-project-page': CsProjectPage;
  }
}
