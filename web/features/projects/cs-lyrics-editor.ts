import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightSpecialChars, keymap, placeholder } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { css, LitElement, type PropertyValues } from 'lit';
import { ySync, ySyncFacet, YSyncConfig } from 'y-codemirror.next';
import { projectParts } from '../../../shared/project/project-document.ts';
import { familyStyles } from '../lyrics/rhyme-family-style.ts';
import type { ProjectSession } from './project-session.ts';
import { remoteCursors } from './remote-cursors.ts';

/**
 * The extension slot where the lyrics engine's overlays (syllable counts, rhyme colours, scheme
 * letters, suggestions) plug in. Set `overlays` on the element; it is reconfigured in place, so
 * overlays can be swapped without rebuilding the editor or losing the cursor.
 */
export const lyricsOverlaySlot = new Compartment();

/** Where the caret is: `line` is the 0-based index of its lyric line, `lines` how many lines there are. */
export interface CaretLine {
  line: number;
  lines: number;
}

/**
 * The lyrics studio's text: CodeMirror 6 bound to the song's `lyrics` Y.Text, with everyone's
 * cursors. Undo and redo go through the session's Y.UndoManager, so they undo only this person's
 * edits (never a collaborator's).
 *
 * @fires cs-caret-line - `CustomEvent<CaretLine>` when the caret moves to another line or the line count changes
 */
export class CsLyricsEditor extends LitElement {
  static override properties = {
    session: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    overlays: { attribute: false },
    label: {},
    placeholderText: { attribute: false },
  };

  static override styles = [
    // The overlays' rhyme colours and line styles (see lyrics-overlays.ts).
    familyStyles,
    css`
      :host {
        display: block;
        min-height: 18rem;
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
        overflow: hidden;
      }

      :host(:focus-within) {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }

      .cm-editor {
        min-height: 18rem;
        height: 100%;
      }
    `,
  ];

  declare session: ProjectSession | null;
  declare readOnly: boolean;
  /** The lyrics engine's overlay extensions (see `lyricsOverlaySlot`). */
  declare overlays: Extension;
  /** Accessible name of the text area. */
  declare label: string;
  declare placeholderText: string;

  #view: EditorView | null = null;
  readonly #editable = new Compartment();
  readonly #placeholder = new Compartment();

  constructor() {
    super();
    this.session = null;
    this.readOnly = false;
    this.overlays = [];
    this.label = '';
    this.placeholderText = '';
  }

  /** Moves the caret into the text. */
  override focus(): void {
    this.#view?.focus();
  }

  /** The caret's line (0-based) and the number of lines, or null before the editor exists. */
  get caretLine(): CaretLine | null {
    const state = this.#view?.state;
    if (!state) return null;
    return { line: state.doc.lineAt(state.selection.main.head).number - 1, lines: state.doc.lines };
  }

  /**
   * Puts the caret at the start of a line (0-based, clamped to the text), scrolls it into view and
   * focuses the editor when it is editable (a read-only editor cannot take focus; its active-line
   * highlight still shows where the caret went).
   */
  revealLine(line: number): void {
    const view = this.#view;
    if (!view) return;
    const target = view.state.doc.line(Math.min(Math.max(1, Math.floor(line) + 1), view.state.doc.lines));
    view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
    if (!this.readOnly) view.focus();
  }

  /**
   * Writes `text` as line `line` (0-based, clamped), replacing what is there, as the writer's own edit:
   * it syncs like typing and Ctrl+Z takes it back. Does nothing when the editor is read-only.
   */
  putLine(line: number, text: string): void {
    const view = this.#view;
    if (!view || this.readOnly) return;
    const target = view.state.doc.line(Math.min(Math.max(1, Math.floor(line) + 1), view.state.doc.lines));
    view.dispatch({
      changes: { from: target.from, to: target.to, insert: text },
      selection: { anchor: target.from + text.length },
      userEvent: 'input.suggestion',
      scrollIntoView: true,
    });
    view.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.destroy();
    this.#view = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#build();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#build();
    const view = this.#view;
    if (!view) return;
    const effects = [];
    if (changed.has('readOnly')) effects.push(this.#editable.reconfigure(this.#editableExtension()));
    if (changed.has('overlays')) effects.push(lyricsOverlaySlot.reconfigure(this.overlays));
    if (changed.has('placeholderText') || changed.has('label')) effects.push(this.#placeholder.reconfigure(this.#placeholderExtension()));
    if (effects.length) view.dispatch({ effects });
  }

  #editableExtension(): Extension {
    return [EditorState.readOnly.of(this.readOnly), EditorView.editable.of(!this.readOnly)];
  }

  #placeholderExtension(): Extension {
    return [
      placeholder(this.placeholderText),
      EditorView.contentAttributes.of({ 'aria-label': this.label, 'aria-multiline': 'true', spellcheck: 'true', autocapitalize: 'sentences' }),
    ];
  }

  #build(): void {
    this.#view?.destroy();
    this.#view = null;
    const session = this.session;
    if (!session) return;
    const ytext = projectParts.lyrics(session.doc);
    const syncConfig = new YSyncConfig(ytext, session.awareness);
    // CodeMirror's edits reach Yjs with this origin: the undo manager must treat them as this person's.
    session.undoManager.addTrackedOrigin(syncConfig);
    let lastCaret = '';
    const caretWatcher = EditorView.updateListener.of((update) => {
      if (!update.selectionSet && !update.docChanged) return;
      const caret = this.caretLine;
      const key = caret ? `${caret.line}/${caret.lines}` : '';
      if (!caret || key === lastCaret) return;
      lastCaret = key;
      this.dispatchEvent(new CustomEvent<CaretLine>('cs-caret-line', { detail: caret, bubbles: true, composed: true }));
    });
    const undoKeys = keymap.of([
      { key: 'Mod-z', run: () => (session.undo(), true), preventDefault: true },
      { key: 'Mod-y', mac: 'Mod-Shift-z', run: () => (session.redo(), true), preventDefault: true },
      { key: 'Mod-Shift-z', run: () => (session.redo(), true), preventDefault: true },
    ]);
    this.#view = new EditorView({
      parent: this.renderRoot as ShadowRoot,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          undoKeys,
          keymap.of(defaultKeymap),
          highlightSpecialChars(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          ySyncFacet.of(syncConfig),
          ySync,
          remoteCursors(),
          caretWatcher,
          this.#editable.of(this.#editableExtension()),
          this.#placeholder.of(this.#placeholderExtension()),
          lyricsOverlaySlot.of(this.overlays),
          lyricsTheme,
        ],
      }),
    });
  }
}

const lyricsTheme = EditorView.theme({
  '&': {
    color: 'var(--cs-color-text, #17151f)',
    backgroundColor: 'transparent',
    fontSize: '1.05rem',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--cs-font-sans, system-ui, sans-serif)',
    lineHeight: '1.75',
    padding: '0.75rem 0',
  },
  '.cm-content': { padding: '0 1rem', caretColor: 'var(--cs-color-accent, #6b2fd6)' },
  '.cm-line': { padding: '0' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--cs-color-accent, #6b2fd6) 6%, transparent)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--cs-color-accent, #6b2fd6)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--cs-color-accent, #6b2fd6) 22%, transparent)',
  },
  '.cm-placeholder': { color: 'var(--cs-color-text-muted, #5b5868)' },
});

customElements.define('cs-lyrics-editor', CsLyricsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-lyrics-editor': CsLyricsEditor;
  }
  interface HTMLElementEventMap {
    'cs-caret-line': CustomEvent<CaretLine>;
  }
}
