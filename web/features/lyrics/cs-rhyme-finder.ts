import { css, html, LitElement, nothing } from 'lit';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import type { RhymeFinderType } from './lyrics-protocol.ts';
import { EngineController } from './engine-controller.ts';
import type { LyricsWorkerClient } from './lyrics-worker-client.ts';

const RHYME_TYPE_IDS: Record<RhymeFinderType, string> = {
  perfect: messageId('lyrics.rhymes.perfect'),
  multisyllabic: messageId('lyrics.rhymes.multisyllabic'),
  slant: messageId('lyrics.rhymes.slant'),
};

/** The rhyme finder: a word in, the engine's perfect, multisyllabic and slant rhymes out, by syllable count. */
export class CsRhymeFinder extends LitElement {
  static override properties = {
    engine: { attribute: false },
  };

  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      form {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        align-items: end;
      }
      label {
        display: grid;
        gap: 0.25rem;
        flex: 1;
      }
      input {
        min-block-size: 2.5rem;
        font: inherit;
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--cs-color-border-strong, #8e8a9e);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: inherit;
      }
      h3 {
        font-size: 1rem;
        margin: 0;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
      }
      .status {
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.9rem;
      }
    `,
  ];

  declare engine: LyricsWorkerClient | null;

  readonly #i18n = new LocaleController(this);
  readonly #engine = new EngineController(this);

  constructor() {
    super();
    this.engine = null;
  }

  protected override willUpdate(): void {
    this.#engine.follow(this.engine);
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<form @submit=${this.#find}>
        <label>${t('lyrics.rhymes.word')} <input name="word" type="text" autocomplete="off" required /></label>
        <button class="button secondary" type="submit">${t('lyrics.rhymes.find')}</button>
      </form>
      ${this.#renderResults(t)}`;
  }

  #renderResults(t: (id: string, values?: Record<string, unknown>) => string) {
    const engine = this.engine;
    const groups = engine?.rhymeGroups;
    if (!engine || !groups) return nothing;
    const found = groups.filter((group) => group.bySyllables.length > 0);
    if (found.length === 0) return html`<p class="status" role="status">${t('lyrics.rhymes.none', { word: engine.rhymeWord })}</p>`;
    return html`<div role="status" class="visually-hidden">${t('lyrics.rhymes.found', { word: engine.rhymeWord })}</div>
      ${found.map(
        (group) =>
          html`<h3>${t(RHYME_TYPE_IDS[group.type])}</h3>
            ${group.bySyllables.map(
              (bucket) =>
                html`<p class="status">${t('lyrics.suggestions.syllables', { count: bucket.syllables })}</p>
                  <ul aria-label=${`${t(RHYME_TYPE_IDS[group.type])}, ${t('lyrics.suggestions.syllables', { count: bucket.syllables })}`}>
                    ${bucket.words.map((word) => html`<li>${word}</li>`)}
                  </ul>`,
            )}`,
      )}`;
  }

  readonly #find = (event: SubmitEvent): void => {
    event.preventDefault();
    const word = new FormData(event.target as HTMLFormElement).get('word');
    if (typeof word === 'string' && word.trim()) this.engine?.findRhymes(word.trim());
  };
}

customElements.define('cs-rhyme-finder', CsRhymeFinder);

declare global {
  interface HTMLElementTagNameMap {
    'cs-rhyme-finder': CsRhymeFinder;
  }
}
