import { css, html, LitElement, nothing } from 'lit';
import { baseStyles } from '../../ui/base-styles.ts';
import type { PadLine } from './lyrics-protocol.ts';
import { FAMILY_SHAPES, familySlot, familyStyles } from './rhyme-family-style.ts';

export interface PadInputDetail {
  readonly text: string;
  readonly caretLine: number;
}

/**
 * The pad's text: a plain textarea (native editing, undo, IME, screen readers) laid over a mirror
 * of the same text that draws the rhyme marks, with a gutter per line for the syllable count and
 * the scheme letter. The mirror lines set the height, so wrapped lines and the gutter stay aligned.
 *
 * @fires cs-pad-input - text changed; detail: {@link PadInputDetail}
 * @fires cs-pad-caret - the caret moved to another line; detail: {@link PadInputDetail}
 * @cssprop --cs-rhyme-0 … --cs-rhyme-5 - the six rhyme family colours
 */
export class CsPadEditor extends LitElement {
  static override properties = {
    value: {},
    lines: { attribute: false },
    label: {},
    gutterLabel: { attribute: false },
    describe: { attribute: false },
  };

  static override styles = [
    baseStyles,
    familyStyles,
    css`
      :host {
        display: block;
        --gutter: 4.25rem;
      }
      .sheet {
        position: relative;
        min-block-size: 16rem;
        border: 1px solid var(--cs-color-border-strong, #8e8a9e);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
        padding-block: 0.75rem;
      }
      .sheet:focus-within {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }
      .line,
      textarea {
        font: 1.05rem/1.6 var(--cs-font-sans, system-ui, sans-serif);
        letter-spacing: normal;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .line {
        display: grid;
        grid-template-columns: var(--gutter) 1fr;
      }
      .gutter {
        display: flex;
        justify-content: flex-end;
        gap: 0.35rem;
        padding-inline-end: 0.6rem;
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
        user-select: none;
      }
      .letter {
        min-inline-size: 1.9em;
        color: var(--family, inherit);
        font-weight: 700;
        text-align: start;
      }
      .mirror {
        color: transparent;
        padding-inline-end: 0.75rem;
        min-block-size: 1.6em;
      }
      mark {
        color: transparent;
        background: color-mix(in srgb, var(--family) 22%, transparent);
        border-radius: 3px;
        text-decoration: underline var(--family-line) var(--family);
        text-decoration-thickness: 2px;
        text-underline-offset: 3px;
      }
      textarea {
        position: absolute;
        inset: 0.75rem 0 0.75rem var(--gutter);
        inline-size: calc(100% - var(--gutter));
        margin: 0;
        padding: 0 0.75rem 0 0;
        border: 0;
        background: transparent;
        color: var(--cs-color-text, #17151f);
        caret-color: var(--cs-color-accent, #6b2fd6);
        resize: none;
        overflow: hidden;
        outline: none;
      }
    `,
  ];

  declare value: string;
  declare lines: readonly PadLine[];
  /** Accessible name of the text area. */
  declare label: string;
  /** Screen-reader summary of a line ("Line 2: 8 syllables, rhyme A"), from the page's catalog. */
  declare describe: (line: PadLine) => string;
  declare gutterLabel: string;
  #caretLine = 0;

  constructor() {
    super();
    this.value = '';
    this.lines = [];
    this.label = '';
    this.gutterLabel = '';
    this.describe = () => '';
  }

  override focus(): void {
    this.renderRoot.querySelector('textarea')?.focus();
  }

  /**
   * Replaces text line `line` (0-based) with `text` as if the writer typed it: the textarea's own
   * undo takes it back, and `cs-pad-input` fires as for any edit.
   */
  putLine(line: number, text: string): void {
    const textarea = this.renderRoot.querySelector('textarea');
    if (!textarea) return;
    const lines = textarea.value.split('\n');
    const index = Math.min(Math.max(0, Math.floor(line)), lines.length - 1);
    const start = lines.slice(0, index).reduce((offset, before) => offset + before.length + 1, 0);
    const end = start + (lines[index] ?? '').length;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    // insertText is the one edit a script can make that lands on the native undo stack (Ctrl+Z).
    // Where a browser refuses it, the text still goes in, without undo.
    if (!document.execCommand('insertText', false, text)) {
      textarea.setRangeText(text, start, end, 'end');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  override render() {
    const rawLines = this.value.split('\n');
    const bySource = new Map(this.lines.map((line) => [line.sourceLine, line]));
    return html`<div class="sheet">
      ${rawLines.map((raw, index) => this.#renderLine(raw, bySource.get(index)))}
      <textarea
        aria-label=${this.label}
        aria-describedby="analysis"
        spellcheck="false"
        autocapitalize="sentences"
        .value=${this.value}
        @input=${this.#onInput}
        @keyup=${this.#onCaret}
        @click=${this.#onCaret}
        @focus=${this.#onCaret}
      ></textarea>
    </div>
    <ol id="analysis" class="visually-hidden" aria-label=${this.gutterLabel}>
      ${this.lines.map((line) => html`<li>${this.describe(line)}</li>`)}
    </ol>`;
  }

  #renderLine(raw: string, line: PadLine | undefined) {
    const slot = line?.family === null || line?.family === undefined ? null : familySlot(line.family);
    const end = line?.endWord;
    const text =
      end && slot !== null && end.end <= raw.length
        ? html`${raw.slice(0, end.start)}<mark class="family-${slot}">${raw.slice(end.start, end.end)}</mark>${raw.slice(end.end)}`
        : raw || '\u200b';
    return html`<div class="line">
      <span class="gutter" aria-hidden="true"
        >${line ? html`<span class="count">${line.syllables}</span>` : nothing}<span class="letter ${slot === null ? '' : `family-${slot}`}"
          >${slot === null ? '' : `${FAMILY_SHAPES[slot]}${line?.schemeLetter ?? ''}`}</span
        ></span
      ><span class="mirror" aria-hidden="true">${text}</span>
    </div>`;
  }

  #onInput(event: Event): void {
    const textarea = event.target as HTMLTextAreaElement;
    this.value = textarea.value;
    this.#caretLine = caretLine(textarea);
    this.dispatchEvent(new CustomEvent<PadInputDetail>('cs-pad-input', { detail: { text: textarea.value, caretLine: this.#caretLine }, bubbles: true, composed: true }));
  }

  #onCaret(event: Event): void {
    const textarea = event.target as HTMLTextAreaElement;
    const line = caretLine(textarea);
    if (line === this.#caretLine && event.type !== 'focus') return;
    this.#caretLine = line;
    this.dispatchEvent(new CustomEvent<PadInputDetail>('cs-pad-caret', { detail: { text: textarea.value, caretLine: line }, bubbles: true, composed: true }));
  }
}

function caretLine(textarea: HTMLTextAreaElement): number {
  return textarea.value.slice(0, textarea.selectionStart).split('\n').length - 1;
}

customElements.define('cs-pad-editor', CsPadEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-pad-editor': CsPadEditor;
  }
}
