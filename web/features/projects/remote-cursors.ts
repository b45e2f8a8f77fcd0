import { RangeSet, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { ySyncFacet } from 'y-codemirror.next';
import * as Y from 'yjs';

/**
 * Remote cursors and selections, drawn without style attributes.
 *
 * y-codemirror.next's own plugin colours each person with `style="background-color: …"` attributes,
 * which the app's CSP (`style-src 'self'`, no 'unsafe-inline') blocks and reports. Here a caret's
 * colour is set through the CSSOM (`element.style.setProperty`, which CSP allows), and selections
 * use one of 36 hue classes defined in the editor theme (a constructable stylesheet).
 */

const HUE_STEPS = 36;

/** The hue bucket (0–35) of a server-stamped colour such as `hsl(212 70% 45%)`; a hash for anything else. */
export function hueBucket(color: string): number {
  const match = /^hsla?\(\s*(-?\d+(?:\.\d+)?)/.exec(color);
  let hue: number;
  if (match) hue = Number(match[1]);
  else {
    let hash = 0;
    for (const ch of color) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
    hue = hash % 360;
  }
  return Math.round((((hue % 360) + 360) % 360) / (360 / HUE_STEPS)) % HUE_STEPS;
}

interface RemoteUser {
  name: string;
  color: string;
}

function remoteUser(state: Record<string, unknown>): RemoteUser {
  const user = (state['user'] ?? {}) as { name?: unknown; color?: unknown };
  return {
    name: typeof user.name === 'string' ? user.name : '',
    color: typeof user.color === 'string' ? user.color : 'hsl(260 70% 45%)',
  };
}

class RemoteCaret extends WidgetType {
  readonly user: RemoteUser;
  readonly clientId: number;

  constructor(user: RemoteUser, clientId: number) {
    super();
    this.user = user;
    this.clientId = clientId;
  }

  override toDOM(): HTMLElement {
    const caret = document.createElement('span');
    caret.className = 'cs-remote-caret';
    caret.dataset['client'] = String(this.clientId);
    caret.style.setProperty('--cs-remote-color', this.user.color);
    caret.append('\u2060');
    const label = document.createElement('span');
    label.className = 'cs-remote-name';
    label.textContent = this.user.name;
    caret.append(label, '\u2060');
    return caret;
  }

  override eq(other: RemoteCaret): boolean {
    return other.user.color === this.user.color && other.user.name === this.user.name && other.clientId === this.clientId;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

const remoteCursorTheme = EditorView.baseTheme({
  '.cs-remote-caret': {
    position: 'relative',
    borderLeft: '2px solid var(--cs-remote-color)',
    marginLeft: '-1px',
    marginRight: '-1px',
  },
  '.cs-remote-name': {
    position: 'absolute',
    bottom: '100%',
    left: '-2px',
    padding: '1px 5px',
    borderRadius: '4px 4px 4px 0',
    background: 'var(--cs-remote-color)',
    color: '#fff',
    font: '600 11px/1.3 system-ui, sans-serif',
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
    userSelect: 'none',
    zIndex: '5',
  },
  ...Object.fromEntries(
    Array.from({ length: HUE_STEPS }, (_, bucket) => [`.cs-remote-hue-${bucket}`, { backgroundColor: `hsl(${bucket * (360 / HUE_STEPS)} 70% 55% / 0.25)` }]),
  ),
});

class RemoteCursorsView {
  decorations: DecorationSet = RangeSet.of([]);
  readonly #view: EditorView;
  readonly #onAwareness: (change: { added: number[]; updated: number[]; removed: number[] }) => void;

  constructor(view: EditorView) {
    this.#view = view;
    const conf = view.state.facet(ySyncFacet);
    this.#onAwareness = ({ added, updated, removed }) => {
      const clientId = conf.awareness.doc.clientID;
      // Redraw from a microtask: awareness events can arrive while the view is mid-update.
      if ([...added, ...updated, ...removed].some((id) => id !== clientId)) queueMicrotask(() => this.#view.dispatch({}));
    };
    conf.awareness.on('change', this.#onAwareness);
  }

  destroy(): void {
    this.#view.state.facet(ySyncFacet).awareness.off('change', this.#onAwareness);
  }

  update(update: ViewUpdate): void {
    const conf = update.state.facet(ySyncFacet);
    const { ytext, awareness } = conf;
    const doc = ytext.doc!;
    const local = awareness.getLocalState();
    // Publish this person's selection (as relative positions, so it survives concurrent edits).
    if (local) {
      const hasFocus = update.view.hasFocus && update.view.dom.ownerDocument.hasFocus();
      if (hasFocus) {
        const selection = update.state.selection.main;
        const anchor = Y.createRelativePositionFromTypeIndex(ytext, selection.anchor);
        const head = Y.createRelativePositionFromTypeIndex(ytext, selection.head);
        const current = local['cursor'] as { anchor: unknown; head: unknown } | null | undefined;
        if (
          !current ||
          !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.anchor), anchor) ||
          !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.head), head)
        ) {
          awareness.setLocalStateField('cursor', { anchor, head });
        }
      }
    }
    const decorations: Range<Decoration>[] = [];
    const length = update.state.doc.length;
    awareness.getStates().forEach((state: Record<string, unknown>, clientId: number) => {
      if (clientId === awareness.doc.clientID) return;
      const cursor = state['cursor'] as { anchor?: unknown; head?: unknown } | null | undefined;
      if (!cursor?.anchor || !cursor.head) return;
      const anchor = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.anchor), doc);
      const head = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), doc);
      if (!anchor || !head || anchor.type !== ytext || head.type !== ytext) return;
      const user = remoteUser(state);
      const from = Math.min(anchor.index, head.index, length);
      const to = Math.min(Math.max(anchor.index, head.index), length);
      if (to > from) decorations.push(Decoration.mark({ class: `cs-remote-selection cs-remote-hue-${hueBucket(user.color)}` }).range(from, to));
      decorations.push(
        Decoration.widget({ side: head.index - anchor.index > 0 ? -1 : 1, widget: new RemoteCaret(user, clientId) }).range(Math.min(head.index, length)),
      );
    });
    this.decorations = Decoration.set(decorations, true);
  }
}

/** Other people's cursors (with their names) and selections, in their server-stamped colours. */
export function remoteCursors(): Extension {
  return [remoteCursorTheme, ViewPlugin.fromClass(RemoteCursorsView, { decorations: (value) => value.decorations })];
}
