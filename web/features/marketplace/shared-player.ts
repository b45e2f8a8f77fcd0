import type { ReactiveController, ReactiveControllerHost } from 'lit';
import './cs-player-bar.ts';
import type { CsPlayerBar } from './cs-player-bar.ts';
import type { PlayerService } from './player-service.ts';

/** The shell element whose `dock` slot holds app-wide bars (cs-app). */
function appShell(from: Element): Element | null {
  let node: Node = from;
  for (;;) {
    if (node instanceof Element && node.localName === 'cs-app') return node;
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) node = root.host;
    else if (node.parentNode) node = node.parentNode;
    else return null;
  }
}

/**
 * The app's one player bar, created on first use in the shell's `dock` slot: one player for every
 * page, so starting a preview elsewhere stops the previous one and playback survives navigation.
 */
export function sharedPlayer(from: Element): CsPlayerBar | null {
  const shell = appShell(from);
  if (!shell) return null;
  const existing = shell.querySelector<CsPlayerBar>(':scope > cs-player-bar');
  if (existing) return existing;
  const bar = document.createElement('cs-player-bar');
  bar.slot = 'dock';
  shell.append(bar);
  return bar;
}

/** Gives an element the shared player and re-renders it when playback changes (to flip play buttons). */
export class PlayerController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #player: PlayerService | null = null;
  readonly #onChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The player, once the host is connected inside the app. */
  get value(): PlayerService | null {
    return this.#player;
  }

  hostConnected(): void {
    this.#player = sharedPlayer(this.#host)?.player ?? null;
    this.#player?.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#player?.removeEventListener('change', this.#onChange);
  }
}
