import { LIVE_PROTOCOL_VERSION, LiveEvent } from '../../../shared/schemas/messages.ts';

export interface LiveConnectionOptions {
  /** A fresh single-use ticket for each attempt. */
  ticket: () => Promise<string>;
  /** `ws(s)://host/api/messages/live?ticket=…` for a ticket. */
  url: (ticket: string) => string;
  createSocket: (url: string) => WebSocket;
  onEvent: (event: LiveEvent) => void;
  /** The socket opened (true) or dropped (false): the page may reload what it missed. */
  onStatus: (connected: boolean) => void;
  reportError: (error: unknown) => void;
}

/** Waits before reconnecting: 1 s, 2 s, 4 s… up to 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

/**
 * The messages live socket: listens only (sending goes through REST), reconnects with backoff while
 * wanted, and stops on `close()` or when the browser goes offline (the page calls `open()` again
 * when it comes back).
 */
export class LiveConnection {
  readonly #options: LiveConnectionOptions;
  #socket: WebSocket | null = null;
  #wanted = false;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LiveConnectionOptions) {
    this.#options = options;
  }

  open(): void {
    this.#wanted = true;
    if (!this.#socket) void this.#connect();
  }

  close(): void {
    this.#wanted = false;
    clearTimeout(this.#timer);
    this.#socket?.close(1000);
    this.#socket = null;
  }

  async #connect(): Promise<void> {
    clearTimeout(this.#timer);
    let ticket: string;
    try {
      ticket = await this.#options.ticket();
    } catch (error) {
      this.#options.reportError(new Error('Could not get a ticket for the live messages socket', { cause: error }));
      this.#retry();
      return;
    }
    if (!this.#wanted) return;
    const socket = this.#options.createSocket(this.#options.url(ticket));
    this.#socket = socket;
    socket.addEventListener('message', (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch (error) {
        this.#options.reportError(new Error('Unreadable live message frame', { cause: error }));
        return;
      }
      const parsed = LiveEvent.safeParse(data);
      if (!parsed.success) return;
      if (parsed.data.type === 'ready') {
        if (parsed.data.version !== LIVE_PROTOCOL_VERSION) return;
        this.#attempt = 0;
        this.#options.onStatus(true);
      }
      this.#options.onEvent(parsed.data);
    });
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#options.onStatus(false);
      this.#retry();
    });
  }

  #retry(): void {
    if (!this.#wanted) return;
    this.#timer = setTimeout(() => void this.#connect(), reconnectDelay(this.#attempt++));
  }
}
