/** The subset of `window` used here, so tests can pass a plain EventTarget. */
export interface ConnectivitySource extends EventTarget {
  navigator: { onLine: boolean };
}

/**
 * Online or offline, from navigator.onLine and the window's online/offline events. `onLine === true`
 * only means "some network": API failures are still handled where they happen. Fires `change`.
 */
export class Connectivity extends EventTarget {
  readonly #source: ConnectivitySource;
  #online: boolean;

  constructor(source: ConnectivitySource) {
    super();
    this.#source = source;
    this.#online = source.navigator.onLine;
    const update = (): void => {
      const online = this.#source.navigator.onLine;
      if (online === this.#online) return;
      this.#online = online;
      this.dispatchEvent(new Event('change'));
    };
    source.addEventListener('online', update);
    source.addEventListener('offline', update);
  }

  get online(): boolean {
    return this.#online;
  }
}
