/** The part of workbox-window's Workbox used here (tests pass a fake). */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  register(): Promise<unknown>;
  messageSkipWaiting(): void;
}

export interface AppUpdatesOptions {
  /** The built service worker (vite-plugin-pwa compiles sw/sw.ts to /sw.js). */
  scriptUrl: string;
  /** False in the dev server, where there is no built service worker. */
  enabled: boolean;
  container: ServiceWorkerContainer | undefined;
  reload: () => void;
  reportError: (error: unknown) => void;
  /** Creates the Workbox for a script URL; by default workbox-window, loaded after the first screen. */
  createWorkbox?: (scriptUrl: string) => Promise<WorkboxLike>;
}

async function createWindowWorkbox(scriptUrl: string): Promise<WorkboxLike> {
  const { Workbox } = await import('workbox-window');
  return new Workbox(scriptUrl, { scope: '/' });
}

/**
 * Service worker registration and the "update available" flow: when a new worker is installed and
 * waiting, `updateReady` turns true (the shell shows a toast); `applyUpdate()` tells it to skip
 * waiting and reloads once it controls the page. Fires `change`.
 */
export class AppUpdates extends EventTarget {
  readonly #options: AppUpdatesOptions;
  #workbox: WorkboxLike | null = null;
  #updateReady = false;

  constructor(options: AppUpdatesOptions) {
    super();
    this.#options = options;
  }

  get updateReady(): boolean {
    return this.#updateReady;
  }

  async register(): Promise<void> {
    if (!this.#options.enabled || !this.#options.container) return;
    try {
      const workbox = await (this.#options.createWorkbox ?? createWindowWorkbox)(this.#options.scriptUrl);
      workbox.addEventListener('waiting', () => this.#setUpdateReady(true));
      this.#workbox = workbox;
      await workbox.register();
    } catch (error) {
      this.#options.reportError(new Error('Service worker registration failed', { cause: error }));
    }
  }

  applyUpdate(): void {
    const workbox = this.#workbox;
    if (!workbox) return;
    workbox.addEventListener('controlling', () => this.#options.reload());
    workbox.messageSkipWaiting();
  }

  dismiss(): void {
    this.#setUpdateReady(false);
  }

  #setUpdateReady(ready: boolean): void {
    if (this.#updateReady === ready) return;
    this.#updateReady = ready;
    this.dispatchEvent(new Event('change'));
  }
}
