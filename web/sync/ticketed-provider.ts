import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/**
 * A y-websocket provider that opens every connection with a fresh single-use ticket. The stock
 * provider reconnects with the same URL, which our server refuses once the ticket is spent, so this
 * wrapper takes over reconnection: when a socket closes it stops the provider's own retry, asks for
 * a new ticket (with backoff while offline), and connects again.
 */
export interface TicketedProviderOptions {
  /** ws(s)://host/api/collab — the provider appends /<documentName>?ticket=… */
  serverUrl: string;
  documentName: string;
  doc: Y.Doc;
  /** Fetches a ticket; rejects with `{ permanent: true }` when the user may no longer open the document. */
  getTicket: () => Promise<string>;
  WebSocketPolyfill?: unknown;
  /** Cross-tab sync through BroadcastChannel (browsers only). */
  broadcastChannel?: boolean;
  maxBackoffMs?: number;
  onPermanentFailure?: (error: unknown) => void;
}

export function createTicketedProvider(options: TicketedProviderOptions) {
  const provider = new WebsocketProvider(options.serverUrl, options.documentName, options.doc, {
    connect: false,
    disableBc: !options.broadcastChannel,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
  });
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  let stopped = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connecting = false;

  async function connect(): Promise<void> {
    if (stopped || connecting) return;
    connecting = true;
    try {
      const ticket = await options.getTicket();
      if (stopped) return;
      provider.params = { ticket };
      provider.connect();
    } catch (error) {
      if ((error as { permanent?: boolean } | undefined)?.permanent) {
        stopped = true;
        options.onPermanentFailure?.(error);
        return;
      }
      scheduleRetry();
    } finally {
      connecting = false;
    }
  }

  function scheduleRetry() {
    if (stopped) return;
    clearTimeout(retryTimer);
    const delay = Math.min(maxBackoffMs, 250 * 2 ** Math.min(attempts++, 8));
    retryTimer = setTimeout(() => void connect(), delay);
  }

  provider.on('connection-close', () => {
    // Stop the provider's own retry (it would reuse the spent ticket); we reconnect with a new one.
    // (disconnect() here would re-enter the provider's close handling, which emits this event.)
    provider.shouldConnect = false;
    scheduleRetry();
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) attempts = 0;
  });

  void connect();

  return {
    provider,
    awareness: provider.awareness,
    /** Stops syncing; local edits stay in the document and go out on the next start. */
    destroy() {
      stopped = true;
      clearTimeout(retryTimer);
      provider.destroy();
    },
    /** Reconnect now (e.g. when the browser reports it is back online). */
    reconnect() {
      if (stopped) return;
      attempts = 0;
      clearTimeout(retryTimer);
      if (!provider.wsconnected && !provider.wsconnecting) void connect();
    },
  };
}

export type TicketedProvider = ReturnType<typeof createTicketedProvider>;
