import type { ApiClient } from '../../api/api-client.ts';
import { MessagesApi } from './messages-api.ts';

/** Fired on window by the messages page when it read or received messages: the badge asks again. */
export const UNREAD_CHANGED_EVENT = 'cs-unread-changed';

const POLL_MS = 60_000;

/**
 * The number behind the header's Messages badge: asked from `GET /api/messages/unread` when
 * started, every minute, when the window regains focus or the connection, and when the messages
 * page says something changed. Fires `change`. Loaded lazily by the header once someone signs in.
 */
export class UnreadCounter extends EventTarget {
  readonly #api: MessagesApi;
  #count = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Refreshes asked so far, and the newest one whose answer landed: an older answer arriving late is stale. */
  #asked = 0;
  #landed = 0;
  readonly #refresh = (): void => void this.refresh();

  constructor(client: ApiClient) {
    super();
    this.#api = new MessagesApi(client);
  }

  get count(): number {
    return this.#count;
  }

  start(): void {
    this.stop();
    void this.refresh();
    this.#timer = setInterval(this.#refresh, POLL_MS);
    window.addEventListener('focus', this.#refresh);
    window.addEventListener('online', this.#refresh);
    window.addEventListener(UNREAD_CHANGED_EVENT, this.#refresh);
  }

  stop(): void {
    clearInterval(this.#timer);
    window.removeEventListener('focus', this.#refresh);
    window.removeEventListener('online', this.#refresh);
    window.removeEventListener(UNREAD_CHANGED_EVENT, this.#refresh);
  }

  async refresh(): Promise<void> {
    if (navigator.onLine === false) return;
    const asked = ++this.#asked;
    try {
      const { unreadCount } = await this.#api.unread();
      // Two refreshes overlap (start-up and a new message, say): the older answer, if it lands last,
      // would put back a count from before the message.
      if (asked < this.#landed) return;
      this.#landed = asked;
      if (unreadCount === this.#count) return;
      this.#count = unreadCount;
      this.dispatchEvent(new Event('change'));
    } catch (error) {
      // The badge is a hint: a failed poll keeps the last number and the next one tries again.
      console.warn(new Error('Could not refresh the unread count', { cause: error }));
    }
  }
}
