import { css, html, LitElement, nothing } from 'lit';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import type { PadSuggestion } from './lyrics-protocol.ts';
import { EngineController } from './engine-controller.ts';
import { EngineStatus, type LyricsWorkerClient } from './lyrics-worker-client.ts';
import { keepWhileFinding, suggestionsToShow } from './shown-suggestions.ts';
import type { LineSuggestionSet } from './style-suggestions.ts';

/** How long after the pointer last moved in the list it still counts as reaching for a button. */
const POINTER_REST_MS = 1500;

/**
 * Suggestions for the line the caret is on — in the writer's own style from the API when it has
 * answered, otherwise the engine's on the device: each with its syllable count and the line
 * it rhymes with. Where the writer may change the text, each also has a "Use" button that asks the
 * host to put it on that line (the engine suggests the line the caret is on, from the lines before).
 *
 * Where there are co-writers, a "Share" button asks the host to show the suggestion to them.
 *
 * Only answers for the caret's line can be used; the list for the line before stays, dimmed and inert,
 * until they come, so the panel does not jump. While the writer is reaching for a button (focus in
 * the list, or the pointer moving in it) the list stays put (see `shown-suggestions.ts`); `busy`
 * marks it while the API's answer is on its way.
 *
 * @fires cs-use-suggestion - `CustomEvent<{ text: string; line: number }>`: put this suggestion on the line it was made for (the caret's)
 * @fires cs-share-suggestion - `CustomEvent<{ text: string; line: number }>`: show this suggestion to the co-writers
 */
export class CsLineSuggestions extends LitElement {
  static override properties = {
    engine: { attribute: false },
    styled: { attribute: false },
    canUse: { type: Boolean, attribute: 'can-use' },
    canShare: { type: Boolean, attribute: 'can-share' },
    line: { attribute: false },
    busy: { type: Boolean },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      li {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        align-items: start;
        justify-content: space-between;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-1, 0.25rem);
        justify-content: end;
      }
      .text {
        display: grid;
        gap: 0.15rem;
      }
      .badge {
        justify-self: start;
        margin: 0;
        padding: 0.1rem 0.6rem;
        border-radius: 999px;
        font-size: 0.8rem;
        font-weight: 650;
        background: color-mix(in srgb, var(--cs-color-accent, #6b2fd6) 14%, transparent);
      }
      ul.kept {
        opacity: 0.5;
      }
      .status,
      small {
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.9rem;
      }
    `,
  ];

  declare engine: LyricsWorkerClient | null;
  /** Suggestions from the API in the writer's style; the engine's are shown while there are none. */
  declare styled: LineSuggestionSet | null;
  /** The writer may change the text, so suggestions can be used. */
  declare canUse: boolean;
  /** The suggestions can be shared with co-writers (in a project's chat). */
  declare canShare: boolean;
  /** The caret's line (0-based) the suggestions are for; null where the host does not follow the caret. */
  declare line: number | null;
  /** The API is working out suggestions in the writer's style (they will replace the device's). */
  declare busy: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #engine = new EngineController(this);
  #onScreen: LineSuggestionSet | null = null;
  #pointerInside = false;
  #pointerMovedAt = 0;
  #pointerRestTimer: ReturnType<typeof setTimeout> | undefined;
  #focusInside = false;

  constructor() {
    super();
    this.engine = null;
    this.styled = null;
    this.canUse = false;
    this.canShare = false;
    this.line = null;
    this.busy = false;
    // Touch pointers leave when the finger lifts, so a tapped list does not stay held.
    this.addEventListener('pointerenter', () => {
      this.#pointerInside = true;
      this.#pointerMoved();
    });
    this.addEventListener('pointermove', () => this.#pointerMoved());
    // Leaving the list lets what arrived meanwhile take its place.
    this.addEventListener('pointerleave', () => {
      this.#pointerInside = false;
      this.requestUpdate();
    });
    this.addEventListener('focusin', () => (this.#focusInside = true));
    this.addEventListener('focusout', (event) => {
      const to = event.relatedTarget as Node | null;
      if (this.contains(to) || this.renderRoot.contains(to)) return;
      this.#focusInside = false;
      this.requestUpdate();
    });
  }

  /**
   * A pointer moving in the list is reaching for a button; one parked there while the writer types
   * is not, so after a rest the list follows the answers again.
   */
  #pointerMoved(): void {
    this.#pointerMovedAt = performance.now();
    clearTimeout(this.#pointerRestTimer);
    this.#pointerRestTimer = setTimeout(() => this.requestUpdate(), POINTER_REST_MS);
  }

  /** The writer is about to press one of the buttons; without buttons there is nothing to protect. */
  #reaching(): boolean {
    if (!this.canUse && !this.canShare) return false;
    return this.#focusInside || (this.#pointerInside && performance.now() - this.#pointerMovedAt < POINTER_REST_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#pointerRestTimer);
  }

  protected override willUpdate(): void {
    this.#engine.follow(this.engine);
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const engine = this.engine;
    const device: LineSuggestionSet | null = engine
      ? { suggestions: engine.suggestions, targetSyllables: engine.targetSyllables, personalized: false, caretLine: engine.suggestionsLine ?? -1 }
      : null;
    const fresh = suggestionsToShow({ styled: this.styled, device, caretLine: this.line, onScreen: this.#onScreen, inUse: this.#reaching() });
    const answerComing = this.busy || (engine !== null && engine.status !== EngineStatus.failed);
    const kept = !fresh && keepWhileFinding(this.#onScreen, device, this.line, answerComing);
    const shown = fresh ?? (kept ? this.#onScreen : null);
    this.#onScreen = shown;
    if (!shown) {
      // Lines exist but the answer for the caret's line is still coming: say so rather than "write more".
      const coming = this.busy || (device?.suggestions.length ?? 0) > 0 || (this.styled?.suggestions.length ?? 0) > 0;
      return html`<p class="status">${coming ? t('lyrics.suggestions.finding') : t('lyrics.suggestions.empty')}</p>`;
    }
    // Notes are said below the list, so their coming and going never moves a button. A kept list
    // (made for the line before) is inert: seen, not pressed, not read out.
    const note = kept ? t('lyrics.suggestions.finding') : this.busy && shown !== this.styled ? t('lyrics.suggestions.coming') : '';
    return html`${shown.personalized ? html`<p class="badge" id="your-style">${t('lyrics.suggestions.yourStyle')}</p>` : nothing}
      ${shown.targetSyllables === null ? nothing : html`<p class="status">${t('lyrics.suggestions.target', { count: shown.targetSyllables })}</p>`}
      <ul aria-label=${t('lyrics.suggestions.heading')} aria-busy=${this.busy || kept ? 'true' : 'false'} class=${kept ? 'kept' : ''} ?inert=${kept}>
        ${shown.suggestions.map((suggestion) => this.#renderSuggestion(t, suggestion, shown.caretLine))}
      </ul>
      ${note ? html`<p class="status" id="suggestions-note">${note}</p>` : nothing}`;
  }

  #renderSuggestion(t: (id: string, values?: Record<string, unknown>) => string, suggestion: PadSuggestion, line: number) {
    return html`<li>
      <span class="text">
        <span>${suggestion.text}</span>
        <small
          >${t('lyrics.suggestions.syllables', { count: suggestion.syllables })}${suggestion.rhymesWith
            ? html` · ${t('lyrics.suggestions.rhymesWith', { line: suggestion.rhymesWith.trim() })}`
            : nothing}</small
        >
      </span>
      <span class="actions">
      ${this.canShare
        ? html`<button
            class="button quiet small"
            type="button"
            aria-label=${t('lyrics.suggestions.shareNamed', { text: suggestion.text })}
            @click=${() => this.dispatchEvent(new CustomEvent('cs-share-suggestion', { detail: { text: suggestion.text, line }, bubbles: true, composed: true }))}
          >
            ${t('lyrics.suggestions.share')}
          </button>`
        : nothing}
      ${this.canUse
        ? html`<button
            class="button secondary small"
            type="button"
            aria-label=${t('lyrics.suggestions.useNamed', { text: suggestion.text, line: line + 1 })}
            @click=${() => this.dispatchEvent(new CustomEvent('cs-use-suggestion', { detail: { text: suggestion.text, line }, bubbles: true, composed: true }))}
          >
            ${t('lyrics.suggestions.use')}
          </button>`
        : nothing}
      </span>
    </li>`;
  }
}

customElements.define('cs-line-suggestions', CsLineSuggestions);

declare global {
  interface HTMLElementTagNameMap {
    'cs-line-suggestions': CsLineSuggestions;
  }
  interface HTMLElementEventMap {
    'cs-use-suggestion': CustomEvent<{ text: string; line?: number }>;
    'cs-share-suggestion': CustomEvent<{ text: string; line: number }>;
  }
}
