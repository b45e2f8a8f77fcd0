import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext, connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import './cs-line-suggestions.ts';
import { describeLine } from './describe-line.ts';
import './cs-pad-editor.ts';
import './cs-rhyme-finder.ts';
import './cs-style-profile.ts';
import type { PadInputDetail } from './cs-pad-editor.ts';
import { SessionStatus } from '../auth/session-service.ts';
import { createDexieDraftStore } from './dexie-draft-store.ts';
import { StyleSuggestions, suggestOnServer } from './style-suggestions.ts';
import { DraftBook, SaveState } from './draft-book.ts';
import type { PadLine } from './lyrics-protocol.ts';
import { EngineStatus, LyricsWorkerClient } from './lyrics-worker-client.ts';
import { downloadLyricSheet } from '../projects/download-lyric-sheet.ts';

/** Analysis follows typing closely; suggestions (the engine's slowest call) wait for a pause. */
const ANALYZE_DELAY_MS = 120;
const SUGGEST_DELAY_MS = 450;

const SAVE_STATE_IDS: Record<SaveState, string> = {
  idle: messageId('lyrics.save.idle'),
  queued: messageId('lyrics.save.queued'),
  sending: messageId('lyrics.save.sending'),
  saved: messageId('lyrics.save.saved'),
  failed: messageId('lyrics.save.failed'),
};

/**
 * The lyrics pad (/lyrics): one writer's drafts, kept on the device, with live syllable counts,
 * rhyme families, scheme letters, a rhyme finder and line suggestions from the engine in a Web
 * Worker. Works offline; "Save" sends the draft to the API, or queues it until the network is back.
 */
export class CsLyricsPage extends LitElement {
  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    css`
      :host {
        /* The pad and its side panels need more room than a form page. */
        --cs-page-width: 68rem;
      }
      .layout {
        display: grid;
        gap: var(--cs-space-4, 1rem);
      }
      @media (min-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr) 20rem;
          align-items: start;
        }
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--cs-space-3, 0.75rem);
      }
      .toolbar label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
        flex: 1 1 10rem;
      }
      .toolbar select,
      .toolbar input {
        min-block-size: 2.5rem;
        font: inherit;
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--cs-color-border-strong, #8e8a9e);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: inherit;
      }
      .status {
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.9rem;
      }
      .side {
        display: grid;
        gap: var(--cs-space-4, 1rem);
      }
      .side section {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
    `,
  ];

  readonly #i18n = new LocaleController(this);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #session = new ServiceController(this, sessionContext);
  #api: ApiClient | undefined;
  #book: DraftBook | null = null;
  #style: StyleSuggestions | null = null;
  #savedCount = 0;
  #lastSaveState: SaveState = SaveState.idle;
  /** The account whose drafts the book holds (null: a guest's). */
  #bookOwner: string | null = null;
  #engine: LyricsWorkerClient | null = null;
  #analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  #suggestTimer: ReturnType<typeof setTimeout> | undefined;
  #caretLine = 0;
  #wasOnline = true;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: apiContext,
      subscribe: true,
      callback: (api) => {
        this.#api = api;
        this.#style?.removeEventListener('change', this.#onStyleChange);
        this.#style = new StyleSuggestions(suggestOnServer(api));
        this.#style.addEventListener('change', this.#onStyleChange);
      },
    });
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const engine = new LyricsWorkerClient(new Worker(new URL('../../workers/lyrics-worker.ts', import.meta.url), { type: 'module' }));
    engine.addEventListener('change', () => this.requestUpdate());
    this.#engine = engine;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#analyzeTimer);
    clearTimeout(this.#suggestTimer);
    this.#engine?.close();
    this.#engine = null;
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available || !this.#session.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const session = this.#session.value.state;
    // Whose drafts to show is known once the start-up session restore is done.
    if (session.status === SessionStatus.restoring) return nothing;
    const owner = session.status === SessionStatus.signedIn ? session.user.id : null;
    if (!this.#book || this.#bookOwner !== owner) {
      this.#bookOwner = owner;
      this.#book = this.#createBook(t, owner);
    }
    const online = this.#connectivity.value.online;
    if (online && !this.#wasOnline) void this.#book.flush();
    this.#wasOnline = online;
    const book = this.#book;
    const draft = book.current;
    const engine = this.#engine;
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('lyrics.title')}</h1>
        <p class="lead">${t('lyrics.lead')}</p>
      </header>
      <section class="card toolbar" aria-label=${t('lyrics.drafts.label')}>
        <label
          >${t('lyrics.drafts.choose')}
          <select
            @change=${(event: Event) => {
              book.select((event.target as HTMLSelectElement).value);
              this.#analyzeSoon();
            }}
          >
            ${book.drafts.map((item) => html`<option value=${item.id} ?selected=${item.id === book.currentId}>${item.title || t('lyrics.drafts.untitled')}</option>`)}
          </select></label
        >
        <label
          >${t('lyrics.drafts.title')}
          <input type="text" maxlength="120" .value=${draft?.title ?? ''} @input=${(event: Event) => draft && void book.edit(draft.id, { title: (event.target as HTMLInputElement).value })}
        /></label>
        <button class="button secondary" type="button" @click=${() => void book.create(t('lyrics.drafts.untitled')).then(() => this.#analyzeSoon())}>${t('lyrics.drafts.new')}</button>
        <button class="button quiet" type="button" ?disabled=${!draft} @click=${() => draft && void book.remove(draft.id).then(() => this.#analyzeSoon())}>${t('lyrics.drafts.delete')}</button>
        <button class="button" type="button" ?disabled=${!draft} @click=${() => draft && void book.save(draft.id, this.#connectivity.value.online)}>${t('lyrics.save.button')}</button>
        <button class="button secondary" type="button" ?disabled=${!draft} @click=${() => draft && downloadLyricSheet({ title: draft.title, lyrics: draft.text }, t)}>${t('projects.downloadLyrics')}</button>
        <p class="status" role="status">${this.#saveStatus(t, book)}</p>
      </section>
      <div class="layout">
        <section class="card" aria-labelledby="pad-heading">
          <h2 id="pad-heading">${t('lyrics.pad.heading')}</h2>
          <p class="status" role="status">${this.#engineStatus(t, engine)}</p>
          <cs-pad-editor
            .value=${draft?.text ?? ''}
            .lines=${engine?.lines ?? []}
            .label=${t('lyrics.pad.label')}
            .gutterLabel=${t('lyrics.pad.analysis')}
            .describe=${(line: PadLine) => describeLine(t, line)}
            @cs-pad-input=${(event: CustomEvent<PadInputDetail>) => this.#onInput(event.detail)}
            @cs-pad-caret=${(event: CustomEvent<PadInputDetail>) => this.#onCaret(event.detail)}
          ></cs-pad-editor>
        </section>
        <div class="side">
          <section class="card" aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">${t('lyrics.suggestions.heading')}</h2>
            <cs-line-suggestions
              .engine=${engine}
              .styled=${this.#style?.current ?? null}
              .line=${this.#caretLine}
              ?busy=${this.#style?.pending ?? false}
              ?can-use=${!!draft}
              @cs-use-suggestion=${this.#onUseSuggestion}
            ></cs-line-suggestions>
          </section>
          <section class="card" aria-labelledby="rhymes-heading">
            <h2 id="rhymes-heading">${t('lyrics.rhymes.heading')}</h2>
            <cs-rhyme-finder .engine=${engine}></cs-rhyme-finder>
          </section>
          <section class="card" aria-labelledby="style-heading">
            <h2 id="style-heading">${t('ai.style.title')}</h2>
            <cs-style-profile .version=${this.#savedCount}></cs-style-profile>
          </section>
        </div>
      </div>
    </div>`;
  }

  override firstUpdated(): void {
    void this.updateComplete.then(() => this.#analyzeSoon());
  }

  #createBook(t: (id: string) => string, owner: string | null): DraftBook {
    const book = new DraftBook({
      store: createDexieDraftStore(owner),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      save: async (request) => {
        if (!this.#api) throw new Error('ApiClient not provided');
        await this.#api.request({ method: 'POST', path: '/api/ai/save-progress', body: request, authenticated: true });
      },
      isNetworkError: (error) => error instanceof ApiError && error.isNetworkError,
      untitled: t('lyrics.drafts.untitled'),
    });
    book.addEventListener('change', () => {
      // Each save teaches the profile: the style panel reloads it, and the suggestions are asked again in it.
      if (book.saveState === SaveState.saved && this.#lastSaveState !== SaveState.saved) {
        this.#savedCount++;
        this.#suggest(book.current?.text ?? '');
      }
      this.#lastSaveState = book.saveState;
      this.requestUpdate();
    });
    void book.load().then(() => this.#analyzeSoon());
    return book;
  }

  #saveStatus(t: (id: string, values?: Record<string, unknown>) => string, book: DraftBook): string {
    if (book.saveState === SaveState.failed) return `${t(SAVE_STATE_IDS.failed)} ${errorMessage(book.saveError, t)}`;
    if (book.saveState === SaveState.queued) return t(SAVE_STATE_IDS.queued, { count: book.pendingCount });
    return t(SAVE_STATE_IDS[book.saveState]);
  }

  #engineStatus(t: (id: string) => string, engine: LyricsWorkerClient | null): string {
    if (!engine || engine.status === EngineStatus.loading) return t('lyrics.engine.loading');
    if (engine.status === EngineStatus.failed) return t('lyrics.engine.failed');
    return t('lyrics.engine.ready');
  }

  #onInput(detail: PadInputDetail): void {
    const draft = this.#book?.current;
    if (!draft) return;
    this.#caretLine = detail.caretLine;
    void this.#book?.edit(draft.id, { text: detail.text });
    this.#analyzeSoon();
  }

  /** Puts a suggestion on the line it was made for, as the writer's own edit (Ctrl+Z takes it back). */
  readonly #onUseSuggestion = (event: CustomEvent<{ text: string; line?: number }>): void => {
    this.renderRoot.querySelector('cs-pad-editor')?.putLine(event.detail.line ?? this.#caretLine, event.detail.text);
  };

  #onCaret(detail: PadInputDetail): void {
    this.#caretLine = detail.caretLine;
    // The suggestions panel follows the caret's line (it shows only answers made for it).
    this.requestUpdate();
    clearTimeout(this.#suggestTimer);
    this.#suggestTimer = setTimeout(() => this.#suggest(detail.text), SUGGEST_DELAY_MS);
  }

  /** The device's suggestions always; the writer's-style ones from the API too when signed in and online. */
  #suggest(text: string): void {
    this.#engine?.suggest(text, this.#caretLine);
    const session = this.#session.available ? this.#session.value.state : null;
    const signedIn = session?.status === SessionStatus.signedIn && !session.offline;
    if (signedIn && this.#connectivity.value.online) this.#style?.request(text, this.#caretLine);
    else this.#style?.clear();
  }

  readonly #onStyleChange = (): void => this.requestUpdate();

  #analyzeSoon(): void {
    clearTimeout(this.#analyzeTimer);
    clearTimeout(this.#suggestTimer);
    this.#analyzeTimer = setTimeout(() => this.#engine?.analyze(this.#book?.current?.text ?? ''), ANALYZE_DELAY_MS);
    this.#suggestTimer = setTimeout(() => this.#suggest(this.#book?.current?.text ?? ''), SUGGEST_DELAY_MS);
  }
}

customElements.define('cs-lyrics-page', CsLyricsPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-lyrics-page': CsLyricsPage;
  }
}
