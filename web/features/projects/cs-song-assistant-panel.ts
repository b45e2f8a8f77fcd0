import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { markLine } from '../../../shared/project/line-anchor.ts';
import { readLyrics } from '../../../shared/project/project-document.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../lyrics/cs-line-suggestions.ts';
import '../lyrics/cs-rhyme-finder.ts';
import { describeLine } from '../lyrics/describe-line.ts';
import { EngineController } from '../lyrics/engine-controller.ts';
import { EngineStatus, type LyricsWorkerClient } from '../lyrics/lyrics-worker-client.ts';
import type { LineSuggestionSet } from '../lyrics/style-suggestions.ts';
import type { CommentsSession } from './comments-session.ts';
import type { ProjectSession } from './project-session.ts';

/**
 * The songwriting assistant beside a shared song: the engine's state; suggestions for the caret's
 * line (in the writer's style when the API answered), which an editor puts in with one click and
 * anyone who may comment shares with the co-writers in the chat; a rhyme finder; "Learn my style
 * from this song"; and, for screen readers, what the editor's analysis gutter shows.
 *
 * Putting a suggestion in is the page's business (it owns the editor): `cs-use-suggestion` from the
 * suggestions bubbles out of this element.
 *
 * @fires cs-style-learned - the writer's style now includes this song: suggestions may be asked again
 */
export class CsSongAssistantPanel extends LitElement {
  static override properties = {
    session: { attribute: false },
    comments: { attribute: false },
    engine: { attribute: false },
    styled: { attribute: false },
    styledPending: { type: Boolean },
    caretLine: { attribute: false },
    canEdit: { attribute: false },
    canAskServer: { attribute: false },
    songTitle: { attribute: false },
    notice: { state: true },
    learning: { state: true },
    learnStatus: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
      }
      h3 {
        font-size: 1rem;
        margin: 0;
      }
      p {
        margin: 0;
      }
      .muted {
        color: var(--cs-color-text-muted, #5b5868);
      }
      .learn {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        justify-items: start;
      }
    `,
  ];

  declare session: ProjectSession | null;
  declare comments: CommentsSession | null;
  declare engine: LyricsWorkerClient | null;
  declare styled: LineSuggestionSet | null;
  /** The API is working out suggestions in the writer's style for the caret's line. */
  declare styledPending: boolean;
  /** The caret's line (0-based): what the suggestions are for. */
  declare caretLine: number;
  declare canEdit: boolean;
  /** Online with a real session: the writer's style (on the server) can be taught. */
  declare canAskServer: boolean;
  declare songTitle: string;
  /** What the last share did, announced politely. */
  declare notice: string;
  declare learning: boolean;
  declare learnStatus: string;

  readonly #i18n = new LocaleController(this);
  readonly #user = new ServiceController(this, sessionContext);
  readonly #engine = new EngineController(this);
  #client: ApiClient | undefined;

  constructor() {
    super();
    this.session = null;
    this.comments = null;
    this.engine = null;
    this.styled = null;
    this.styledPending = false;
    this.caretLine = 0;
    this.canEdit = false;
    this.canAskServer = false;
    this.songTitle = '';
    this.notice = '';
    this.learning = false;
    this.learnStatus = '';
    new ContextConsumer(this, { context: apiContext, callback: (client) => (this.#client = client) });
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#engine.follow(this.engine);
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const engine = this.engine;
    const status = !engine || engine.status === EngineStatus.loading ? 'lyrics.engine.loading' : engine.status === EngineStatus.failed ? 'lyrics.engine.failed' : 'lyrics.engine.ready';
    return html`<p class="muted" role="status" id="assistant-status">${t(status)}</p>
      <ul class="visually-hidden" aria-label=${t('lyrics.pad.analysis')}>
        ${(engine?.lines ?? []).map((line) => html`<li>${describeLine(t, line)}</li>`)}
      </ul>
      <h3>${t('lyrics.suggestions.heading')}</h3>
      <cs-line-suggestions
        .engine=${engine}
        .styled=${this.styled}
        .line=${this.caretLine}
        ?busy=${this.styledPending}
        ?can-use=${this.canEdit}
        ?can-share=${this.comments?.canWrite ?? false}
        @cs-share-suggestion=${this.#share}
      ></cs-line-suggestions>
      <p class="muted" role="status" id="assistant-shared">${this.notice}</p>
      <h3>${t('lyrics.rhymes.heading')}</h3>
      <cs-rhyme-finder .engine=${engine}></cs-rhyme-finder>
      ${this.canAskServer
        ? html`<div class="learn">
            <button class="button secondary small" type="button" id="learn-style" ?disabled=${this.learning} @click=${this.#learnStyle}>${t('projects.assistant.learn')}</button>
            <p class="muted" role="status" id="learn-status">${this.learnStatus}</p>
          </div>`
        : nothing}`;
  }

  /** Pushes a suggestion to everyone on the song: a chat message that names the line it is for (and follows it). */
  readonly #share = (event: CustomEvent<{ text: string; line: number }>): void => {
    const user = this.#user.available ? this.#user.value.user : null;
    const session = this.session;
    if (!user || !session || !this.comments) return;
    const line = event.detail.line;
    const at = markLine(session.doc, line);
    this.comments.shareSuggestion({ id: user.id, displayName: user.displayName }, event.detail.text, at ? { kind: 'line', line, at } : { kind: 'line', line });
    this.notice = this.#i18n.t('projects.assistant.shared', { line: line + 1 });
  };

  /**
   * Teaches the writer's style profile from this song's lyrics, as a writing session of their own
   * (`project-<id>`, so teaching it again replaces what this song taught before). Their choice: a
   * co-written song holds other people's lines too.
   */
  readonly #learnStyle = async (): Promise<void> => {
    const session = this.session;
    const client = this.#client;
    if (!session || !client) return;
    const t = (id: string): string => this.#i18n.t(id);
    const text = readLyrics(session.doc);
    if (!text.trim()) {
      this.learnStatus = t('projects.assistant.learnEmpty');
      return;
    }
    this.learning = true;
    try {
      const body = { id: `project-${session.projectId}`, title: this.songTitle || t('projects.untitled'), text };
      await client.request({ method: 'POST', path: '/api/ai/save-progress', body, authenticated: true });
      this.learnStatus = t('projects.assistant.learned');
      this.dispatchEvent(new CustomEvent('cs-style-learned', { bubbles: true, composed: true }));
    } catch (error) {
      this.learnStatus = errorMessage(error, t);
    } finally {
      this.learning = false;
    }
  };
}

customElements.define('cs-song-assistant-panel', CsSongAssistantPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-song-assistant-panel': CsSongAssistantPanel;
  }
}
