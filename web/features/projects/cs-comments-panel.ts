import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type * as Y from 'yjs';
import { COMMENT_MAX_LENGTH, type ChatMessage, type CommentAnchor, type ProjectComment } from '../../../shared/project/comments-document.ts';
import { markLine, resolveLines } from '../../../shared/project/line-anchor.ts';
import { projectParts } from '../../../shared/project/project-document.ts';
import { sessionContext } from '../../app/contexts.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { anchorLabel, parseSongTime, placeComments, samePlaces } from './comment-anchor.ts';
import { groupComments } from './comment-lists.ts';
import { CommentsArrivalEvent, type CommentAuthor, type CommentsSession } from './comments-session.ts';
import type { CaretLine } from './cs-lyrics-editor.ts';
import { projectStyles } from './project-styles.ts';
import { syncStatusLabel } from './sync-status-label.ts';

const TABS = ['comments', 'chat'] as const;
type Tab = (typeof TABS)[number];

const ANCHOR_KINDS = ['line', 'time', 'song'] as const;
type AnchorKind = (typeof ANCHOR_KINDS)[number];

const ANCHOR_CHOICE_IDS = {
  line: messageId('projects.comments.anchorLine'),
  time: messageId('projects.comments.anchorTime'),
  song: messageId('projects.comments.anchorSong'),
} as const satisfies Record<AnchorKind, string>;

type FieldError = { field: 'text' | 'line' | 'time'; id: string; values?: Record<string, unknown> } | null;

/**
 * The project's comments and chat, in two tabs. Comments point at a lyric line (the line field
 * follows the lyrics caret, and the comment follows its line as the lyrics change), a time in the
 * song or the whole song; they can be resolved, reopened
 * and deleted by their author or the project's owner. Resolved ones fold away. The chat is a short conversation, oldest
 * first, kept scrolled to the newest. Viewers read both; everyone else writes (commenters too,
 * although the song is read-only for them). What others add is announced in a polite live region.
 *
 * @fires cs-reveal-line - `CustomEvent<{ line: number }>` (0-based): show this lyric line in the editor
 */
export class CsCommentsPanel extends LitElement {
  static override properties = {
    session: { attribute: false },
    song: { attribute: false },
    names: { attribute: false },
    canUseSuggestions: { type: Boolean, attribute: 'can-use-suggestions' },
    caret: { attribute: false },
    tab: { state: true },
    anchorKind: { state: true },
    lineText: { state: true },
    timeText: { state: true },
    fieldError: { state: true },
    announcement: { state: true },
    unreadChat: { state: true },
  };

  static override styles = [
    baseStyles,
    projectStyles,
    css`
      :host {
        display: block;
      }

      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
      }

      [role='tablist'] {
        display: inline-flex;
        gap: 2px;
        padding: 3px;
        border-radius: 999px;
        background: var(--cs-color-surface-muted, #efedf7);
      }

      [role='tab'] {
        min-height: 36px;
        padding: 0.3rem 0.9rem;
        border: 0;
        border-radius: 999px;
        background: transparent;
        color: var(--cs-color-text-muted, #5b5868);
        font: inherit;
        font-size: 0.9rem;
        font-weight: 650;
        cursor: pointer;
      }

      [role='tab'][aria-selected='true'] {
        background: var(--cs-color-surface, #fff);
        color: var(--cs-color-accent, #6b2fd6);
        box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--cs-color-accent, #6b2fd6) 45%, transparent);
      }

      [role='tabpanel'] {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
      }

      [role='tabpanel'][hidden] {
        display: none;
      }

      form {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }

      label,
      legend {
        font-size: 0.85rem;
        font-weight: 650;
      }

      textarea {
        width: 100%;
        min-height: 4.5rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--cs-color-border-strong, var(--cs-color-border, #dedbe9));
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: var(--cs-color-text, #17151f);
        font: inherit;
        resize: vertical;
      }

      input[inputmode='numeric'] {
        width: 6.5rem;
        min-height: 40px;
      }

      [aria-invalid='true'] {
        border-color: var(--cs-color-danger, #b42318);
      }

      fieldset {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        margin: 0;
        padding: 0;
        border: 0;
      }

      .anchor-choice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
        min-height: 40px;
      }

      .anchor-choice > label {
        display: inline-flex;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
        font-weight: 500;
        font-size: 0.9rem;
      }

      .anchor-choice input[type='radio'] {
        width: 1.1rem;
        height: 1.1rem;
        accent-color: var(--cs-color-accent, #6b2fd6);
      }

      #line-hint {
        font-size: 0.8rem;
      }

      .field-error {
        margin: 0;
        color: var(--cs-color-danger, #b42318);
        font-size: 0.85rem;
        font-weight: 600;
      }

      .list {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .comment {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        padding: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        border-radius: var(--cs-radius, 12px);
        border: 1px solid var(--cs-color-border, #dedbe9);
        background: var(--cs-color-surface, #fff);
      }

      .comment.resolved {
        background: var(--cs-color-surface-muted, #efedf7);
      }

      .comment.resolved .text {
        color: var(--cs-color-text-muted, #5b5868);
      }

      .meta {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem var(--cs-space-2, 0.5rem);
        font-size: 0.8rem;
      }

      .meta strong {
        font-size: 0.9rem;
      }

      .text {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      button.anchor {
        min-height: 28px;
        padding: 0.1rem 0.55rem;
        border: 1px solid color-mix(in srgb, var(--cs-color-accent, #6b2fd6) 35%, transparent);
        border-radius: 999px;
        background: var(--cs-color-accent-soft, #eee7fd);
        color: var(--cs-color-accent, #6b2fd6);
        font: inherit;
        font-size: 0.78rem;
        font-weight: 650;
        cursor: pointer;
      }

      button.anchor:hover {
        text-decoration: underline;
      }

      details > summary {
        min-height: 36px;
        padding-block: 0.35rem;
        cursor: pointer;
        font-weight: 650;
        font-size: 0.9rem;
      }

      details > .list {
        margin-top: var(--cs-space-2, 0.5rem);
      }

      .messages {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        max-height: 22rem;
        min-height: 6rem;
        margin: 0;
        padding: var(--cs-space-2, 0.5rem);
        overflow-y: auto;
        list-style: none;
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface-muted, #efedf7);
        overscroll-behavior: contain;
      }

      .message {
        display: grid;
        gap: 0.1rem;
        max-width: 85%;
        justify-self: start;
        padding: 0.4rem 0.7rem;
        border-radius: 14px 14px 14px 4px;
        background: var(--cs-color-surface, #fff);
        border: 1px solid var(--cs-color-border, #dedbe9);
      }

      .message.mine {
        justify-self: end;
        border-radius: 14px 14px 4px 14px;
        border-color: transparent;
        background: var(--cs-color-accent, #6b2fd6);
        color: var(--cs-color-accent-text, #fff);
      }

      .message .meta {
        font-size: 0.75rem;
      }

      .message.mine .muted {
        color: inherit;
        opacity: 0.85;
      }

      .message .suggested-for {
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.04em;
        text-transform: uppercase;
      }

      .message.suggestion .text {
        font-style: italic;
      }

      .message button {
        justify-self: start;
        margin-top: 0.25rem;
      }

      .send {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        align-items: flex-end;
      }

      .send .field {
        flex: 1 1 auto;
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        min-width: 0;
      }
    `,
  ];

  declare session: CommentsSession | null;
  /** The song document: line comments are marked in its lyrics and follow their lines as they move. */
  declare song: Y.Doc | null;
  /**
   * Members' names as the server knows them (user id → name). Shown instead of the name an entry
   * carries: the server checks an entry's author id, but the name in it is whatever the writer's
   * client put there. Without the list (offline), and for people no longer on the project, the
   * entry's own name is shown.
   */
  declare names: ReadonlyMap<string, string>;
  /** The reader may change the song, so suggestions shared in the chat can be put in with one click. */
  declare canUseSuggestions: boolean;
  /** Where the lyrics caret is: the line field of a new comment follows it. */
  declare caret: CaretLine | null;
  declare tab: Tab;
  declare anchorKind: AnchorKind;
  declare lineText: string;
  declare timeText: string;
  declare fieldError: FieldError;
  declare announcement: string;
  declare unreadChat: number;

  readonly #i18n = new LocaleController(this);
  readonly #user = new ServiceController(this, sessionContext);
  #listening: CommentsSession | null = null;
  #watchedLyrics: Y.Text | null = null;
  /** The session's comments, line comments on the line they point at now. */
  #placed: ProjectComment[] = [];
  /** Lines of the shared suggestions as last drawn, to redraw when the lyrics move them. */
  #drawnSuggestionLines = '';
  #chatLength = 0;
  #stickToEnd = true;

  constructor() {
    super();
    this.session = null;
    this.song = null;
    this.names = new Map();
    this.canUseSuggestions = false;
    this.caret = null;
    this.tab = 'comments';
    this.anchorKind = 'line';
    this.lineText = '1';
    this.timeText = '';
    this.fieldError = null;
    this.announcement = '';
    this.unreadChat = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen(this.session);
    this.#watchLyrics(this.song);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listen(null);
    this.#watchLyrics(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#listen(this.session);
    if (changed.has('song')) this.#watchLyrics(this.song);
    if (changed.has('caret') && this.caret) this.lineText = String(this.caret.line + 1);
    this.#placed = placeComments(this.song, this.session?.comments ?? []);
    this.#drawnSuggestionLines = this.#suggestionLines();
  }

  protected override updated(): void {
    const length = this.session?.chat.length ?? 0;
    if (length !== this.#chatLength) {
      this.#chatLength = length;
      if (this.#stickToEnd) this.#scrollChatToEnd();
    }
  }

  #listen(session: CommentsSession | null): void {
    if (this.#listening === session) return;
    this.#listening?.removeEventListener('change', this.#onChange);
    this.#listening?.removeEventListener('arrival', this.#onArrival);
    this.#listening = session;
    session?.addEventListener('change', this.#onChange);
    session?.addEventListener('arrival', this.#onArrival);
  }

  #watchLyrics(song: Y.Doc | null): void {
    const lyrics = song && this.isConnected ? projectParts.lyrics(song) : null;
    if (this.#watchedLyrics === lyrics) return;
    this.#watchedLyrics?.unobserve(this.#onLyricsChange);
    this.#watchedLyrics = lyrics;
    lyrics?.observe(this.#onLyricsChange);
  }

  /** Someone edited the lyrics: redraw only when that moved a commented line or a shared suggestion's. */
  readonly #onLyricsChange = (): void => {
    const suggestions = this.#suggestionLines();
    if (!samePlaces(placeComments(this.song, this.session?.comments ?? []), this.#placed) || suggestions !== this.#drawnSuggestionLines) this.requestUpdate();
  };

  #suggestionLines(): string {
    return (this.session?.chat ?? [])
      .filter((message) => message.suggestionFor)
      .map((message) => this.#suggestedLine(message))
      .join(',');
  }

  readonly #onChange = (): void => {
    const list = this.renderRoot.querySelector<HTMLElement>('.messages');
    // Keep following the conversation unless the reader scrolled up to read older messages.
    this.#stickToEnd = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    this.requestUpdate();
  };

  readonly #onArrival = (event: Event): void => {
    if (!(event instanceof CommentsArrivalEvent)) return;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const me = this.#user.value.user?.id;
    const lines = [
      ...event.arrival.comments
        .filter((comment) => comment.authorId !== me)
        .map((comment) => placeComments(this.song, [comment])[0]!)
        .map((comment) => t('projects.comments.announce', { name: this.#nameOf(comment), anchor: this.#anchorText(comment.anchor), text: comment.text })),
      ...event.arrival.messages
        .filter((message) => message.authorId !== me)
        .map((message) => {
          const line = this.#suggestedLine(message);
          return line === undefined
            ? t('projects.chat.announce', { name: this.#nameOf(message), text: message.text })
            : t('projects.chat.announceSuggestion', { name: this.#nameOf(message), line: line + 1, text: message.text });
        }),
    ];
    if (this.tab !== 'chat') this.unreadChat += event.arrival.messages.filter((message) => message.authorId !== me).length;
    if (lines.length) this.announcement = lines.join(' ');
  };

  #author(): CommentAuthor | null {
    const user = this.#user.value.user;
    return user ? { id: user.id, displayName: user.displayName } : null;
  }

  /** The lyric line a shared suggestion is for, where its mark is now; undefined for an ordinary message. */
  #suggestedLine(message: ChatMessage): number | undefined {
    const anchor = message.suggestionFor;
    if (!anchor) return undefined;
    return (this.song ? resolveLines(this.song, [anchor.at])[0] : undefined) ?? anchor.line;
  }

  #nameOf(entry: { authorId: string; authorName: string }): string {
    return this.names.get(entry.authorId) ?? entry.authorName;
  }

  #anchorText(anchor: CommentAnchor): string {
    const label = anchorLabel(anchor);
    return this.#i18n.t(label.id, label.values);
  }

  #formatTime(iso: string): string {
    const date = new Date(iso);
    // The time comes from another client's clock and may be garbage; show nothing rather than throw.
    return Number.isNaN(date.getTime()) ? '' : this.#i18n.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
  }

  override render() {
    if (!this.#i18n.available || !this.#user.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const session = this.session;
    if (!session) return html`<p class="muted">${t('projects.opening')}</p>`;
    const openCount = groupComments(this.#placed).open.length;
    const label = syncStatusLabel(session.status.state);
    return html`<div class="stack">
      <div class="head">
        <div role="tablist" aria-label=${t('projects.comments.tabs')} @keydown=${this.#onTabKeydown}>
          ${TABS.map(
            (tab) => html`<button
              role="tab"
              type="button"
              id="${tab}-tab"
              aria-controls="${tab}-panel"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              tabindex=${this.tab === tab ? '0' : '-1'}
              @click=${() => this.#select(tab)}
            >
              ${tab === 'comments'
                ? openCount
                  ? t('projects.comments.tabCount', { count: openCount })
                  : t('projects.comments.tab')
                : this.unreadChat
                  ? t('projects.chat.tabUnread', { count: this.unreadChat })
                  : t('projects.chat.tab')}
            </button>`,
          )}
        </div>
        ${label.tone !== 'ok' ? html`<span class="badge ${label.tone}" id="comments-sync">${t(label.id, label.values)}</span>` : nothing}
      </div>
      <div class="visually-hidden" aria-live="polite" id="comments-announcer">${this.announcement}</div>
      <div role="tabpanel" id="comments-panel" aria-labelledby="comments-tab" ?hidden=${this.tab !== 'comments'}>${this.#renderComments(session)}</div>
      <div role="tabpanel" id="chat-panel" aria-labelledby="chat-tab" ?hidden=${this.tab !== 'chat'}>${this.#renderChat(session)}</div>
    </div>`;
  }

  #renderComments(session: CommentsSession) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const { open, resolved } = groupComments(this.#placed);
    return html`${session.canWrite ? this.#renderCommentForm() : html`<p class="muted" id="comments-read-only">${t('projects.comments.readOnly')}</p>`}
      ${open.length
        ? html`<ul class="list" aria-label=${t('projects.comments.openList')}>
            ${open.map((comment) => this.#renderComment(session, comment))}
          </ul>`
        : html`<p class="muted">${resolved.length ? t('projects.comments.allResolved') : t('projects.comments.empty')}</p>`}
      ${resolved.length
        ? html`<details id="resolved-comments">
            <summary>${t('projects.comments.resolvedCount', { count: resolved.length })}</summary>
            <ul class="list" aria-label=${t('projects.comments.resolvedList')}>
              ${resolved.map((comment) => this.#renderComment(session, comment))}
            </ul>
          </details>`
        : nothing}`;
  }

  #renderCommentForm() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const error = this.fieldError;
    const errorFor = (field: NonNullable<FieldError>['field']) =>
      error?.field === field ? html`<p class="field-error" id="${field}-error">${t(error.id, error.values)}</p>` : nothing;
    const invalid = (field: NonNullable<FieldError>['field']) => (error?.field === field ? 'true' : 'false');
    return html`<form @submit=${this.#addComment} novalidate>
      <label for="comment-text">${t('projects.comments.text')}</label>
      <textarea
        id="comment-text"
        name="text"
        maxlength=${COMMENT_MAX_LENGTH}
        placeholder=${t('projects.comments.placeholder')}
        aria-invalid=${invalid('text')}
        aria-describedby=${error?.field === 'text' ? 'text-error' : nothing}
        @keydown=${this.#submitOnModEnter}
      ></textarea>
      ${errorFor('text')}
      <fieldset>
        <legend>${t('projects.comments.anchorLegend')}</legend>
        ${ANCHOR_KINDS.map(
          (kind) => html`<div class="anchor-choice">
            <label>
              <input
                type="radio"
                name="anchor"
                value=${kind}
                .checked=${live(this.anchorKind === kind)}
                @change=${() => (this.anchorKind = kind)}
              />
              ${t(ANCHOR_CHOICE_IDS[kind])}
            </label>
            ${kind === 'line' && this.anchorKind === 'line'
              ? html`<label class="visually-hidden" for="comment-line">${t('projects.comments.lineNumber')}</label>
                  <input
                    id="comment-line"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    .value=${live(this.lineText)}
                    aria-invalid=${invalid('line')}
                    aria-describedby=${error?.field === 'line' ? 'line-error' : 'line-hint'}
                    @input=${(event: Event) => (this.lineText = (event.target as HTMLInputElement).value)}
                  />
                  <span class="muted" id="line-hint">${t('projects.comments.lineHint')}</span>`
              : nothing}
            ${kind === 'time' && this.anchorKind === 'time'
              ? html`<label class="visually-hidden" for="comment-time">${t('projects.comments.timeInput')}</label>
                  <input
                    id="comment-time"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="0:00"
                    .value=${live(this.timeText)}
                    aria-invalid=${invalid('time')}
                    aria-describedby=${error?.field === 'time' ? 'time-error' : nothing}
                    @input=${(event: Event) => (this.timeText = (event.target as HTMLInputElement).value)}
                  />`
              : nothing}
          </div>`,
        )}
        ${errorFor('line')} ${errorFor('time')}
      </fieldset>
      <div>
        <button class="button small" type="submit">${t('projects.comments.add')}</button>
      </div>
    </form>`;
  }

  #renderComment(session: CommentsSession, comment: ProjectComment) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const me = this.#user.value.user?.id;
    const mine = comment.authorId === me;
    const anchor = this.#anchorText(comment.anchor);
    const line = comment.anchor.kind === 'line' ? comment.anchor.line : null;
    return html`<li class="comment ${comment.resolved ? 'resolved' : ''}" data-comment-id=${comment.id}>
      <div class="meta">
        <strong>${mine ? t('projects.comments.you') : this.#nameOf(comment)}</strong>
        <time class="muted" datetime=${comment.createdAt}>${this.#formatTime(comment.createdAt)}</time>
        ${line !== null
          ? html`<button class="anchor" type="button" aria-label=${t('projects.comments.showLine', { line: line + 1 })} @click=${() => this.#reveal(line)}>
              ${anchor}
            </button>`
          : html`<span class="chip">${anchor}</span>`}
      </div>
      <p class="text">${comment.text}</p>
      ${session.canWrite
        ? html`<div class="row-actions">
            <button
              class="button secondary small"
              type="button"
              aria-label=${comment.resolved
                ? t('projects.comments.reopenNamed', { name: this.#nameOf(comment), anchor })
                : t('projects.comments.resolveNamed', { name: this.#nameOf(comment), anchor })}
              @click=${() => session.setResolved(comment.id, !comment.resolved)}
            >
              ${comment.resolved ? t('projects.comments.reopen') : t('projects.comments.resolve')}
            </button>
            ${mine || session.role === 'owner'
              ? html`<button
                  class="button quiet small"
                  type="button"
                  aria-label=${mine ? t('projects.comments.deleteNamed', { anchor }) : t('projects.comments.deleteOthersNamed', { name: this.#nameOf(comment), anchor })}
                  @click=${() => this.#delete(session, comment)}
                >
                  ${t('projects.comments.delete')}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  #renderChat(session: CommentsSession) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const me = this.#user.value.user?.id;
    return html`${session.chat.length
        ? html`<ol class="messages" aria-label=${t('projects.chat.list')} tabindex="0" @scroll=${this.#onChatScroll}>
            ${session.chat.map((message: ChatMessage) => {
              const mine = message.authorId === me;
              const suggestedLine = this.#suggestedLine(message);
              return html`<li class="message ${mine ? 'mine' : ''} ${suggestedLine === undefined ? '' : 'suggestion'}">
                <span class="meta">
                  <strong>${mine ? t('projects.comments.you') : this.#nameOf(message)}</strong>
                  <time class="muted" datetime=${message.createdAt}>${this.#formatTime(message.createdAt)}</time>
                </span>
                ${suggestedLine === undefined ? nothing : html`<span class="suggested-for">${t('projects.chat.suggestedFor', { line: suggestedLine + 1 })}</span>`}
                <span class="text">${message.text}</span>
                ${suggestedLine !== undefined && this.canUseSuggestions
                  ? html`<button
                      class="button secondary small"
                      type="button"
                      aria-label=${t('lyrics.suggestions.useNamed', { text: message.text, line: suggestedLine + 1 })}
                      @click=${() =>
                        this.dispatchEvent(new CustomEvent('cs-use-suggestion', { detail: { text: message.text, line: suggestedLine }, bubbles: true, composed: true }))}
                    >
                      ${t('lyrics.suggestions.use')}
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ol>`
        : html`<p class="muted">${t('projects.chat.empty')}</p>`}
      ${session.canWrite
        ? html`<form class="send" @submit=${this.#send}>
            <div class="field">
              <label for="chat-message">${t('projects.chat.message')}</label>
              <input id="chat-message" name="message" type="text" autocomplete="off" maxlength=${COMMENT_MAX_LENGTH} placeholder=${t('projects.chat.placeholder')} />
            </div>
            <button class="button small" type="submit">${t('projects.chat.send')}</button>
          </form>`
        : html`<p class="muted" id="chat-read-only">${t('projects.chat.readOnly')}</p>`}`;
  }

  #select(tab: Tab, focus = false): void {
    this.tab = tab;
    if (tab === 'chat') {
      this.unreadChat = 0;
      this.#stickToEnd = true;
      void this.updateComplete.then(() => this.#scrollChatToEnd());
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${tab}-tab`)?.focus());
  }

  /** Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern, automatic activation). */
  readonly #onTabKeydown = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(this.tab);
    const next =
      event.key === 'ArrowRight' ? TABS[(index + 1) % TABS.length] :
      event.key === 'ArrowLeft' ? TABS[(index - 1 + TABS.length) % TABS.length] :
      event.key === 'Home' ? TABS[0] :
      event.key === 'End' ? TABS[TABS.length - 1] :
      undefined;
    if (!next) return;
    event.preventDefault();
    this.#select(next, true);
  };

  readonly #onChatScroll = (event: Event): void => {
    const list = event.currentTarget as HTMLElement;
    this.#stickToEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
  };

  #scrollChatToEnd(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  #reveal(line: number): void {
    this.dispatchEvent(new CustomEvent('cs-reveal-line', { detail: { line }, bubbles: true, composed: true }));
  }

  #delete(session: CommentsSession, comment: ProjectComment): void {
    session.deleteComment(comment.id);
    // The focused button went away with its comment: keep keyboard users in the panel.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#comments-tab')?.focus());
  }

  readonly #submitOnModEnter = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  /** The anchor the form describes, or the field error to show. */
  #readAnchor(): { anchor: CommentAnchor } | { error: NonNullable<FieldError> } {
    if (this.anchorKind === 'song') return { anchor: { kind: 'song' } };
    if (this.anchorKind === 'time') {
      const seconds = parseSongTime(this.timeText);
      return seconds === null ? { error: { field: 'time', id: messageId('projects.comments.invalidTime') } } : { anchor: { kind: 'time', seconds } };
    }
    const lines = this.caret?.lines ?? Number.POSITIVE_INFINITY;
    const line = /^\s*\d+\s*$/.test(this.lineText) ? Number(this.lineText) : NaN;
    if (!(line >= 1 && line <= lines)) {
      return { error: { field: 'line', id: messageId('projects.comments.invalidLine'), values: { lines: Number.isFinite(lines) ? lines : 1 } } };
    }
    // The mark keeps the comment on this line as the lyrics change; without one (an empty song, or
    // lyrics not loaded yet) the number alone places it.
    const at = this.song ? markLine(this.song, line - 1) : undefined;
    return { anchor: at ? { kind: 'line', line: line - 1, at } : { kind: 'line', line: line - 1 } };
  }

  readonly #addComment = (event: SubmitEvent): void => {
    event.preventDefault();
    const session = this.session;
    const author = this.#author();
    if (!session || !author) return;
    const form = event.currentTarget as HTMLFormElement;
    const textarea = form.querySelector<HTMLTextAreaElement>('#comment-text')!;
    const text = textarea.value.trim();
    const read = this.#readAnchor();
    this.fieldError = !text ? { field: 'text', id: messageId('projects.comments.invalidText') } : 'error' in read ? read.error : null;
    if (this.fieldError) {
      const field = this.fieldError.field;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#comment-${field}`)?.focus());
      return;
    }
    if (!('anchor' in read)) return;
    session.addComment(author, text, read.anchor);
    textarea.value = '';
    this.timeText = '';
  };

  readonly #send = (event: SubmitEvent): void => {
    event.preventDefault();
    const session = this.session;
    const author = this.#author();
    const input = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#chat-message')!;
    if (!session || !author || !input.value.trim()) return;
    session.sendMessage(author, input.value);
    input.value = '';
    this.#stickToEnd = true;
  };
}

customElements.define('cs-comments-panel', CsCommentsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-comments-panel': CsCommentsPanel;
  }
  interface HTMLElementEventMap {
    'cs-reveal-line': CustomEvent<{ line: number }>;
  }
}
