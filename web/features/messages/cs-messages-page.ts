import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { MESSAGE_BODY_MAX, REPORT_REASONS, type Conversation, type LiveEvent, type Message, type ReportReason } from '../../../shared/schemas/messages.ts';
import { ApiError } from '../../api/api-error.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { matchRoute } from '../../app/router.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { marketplaceStyles } from '../marketplace/marketplace-styles.ts';
import { navigate } from '../marketplace/navigation.ts';
import { LiveConnection } from './live-connection.ts';
import { createDexieMessageStore, type MessageStore, type QueuedMessage } from './message-store.ts';
import './cs-message-email-toggle.ts';
import { MessagesApi } from './messages-api.ts';
import { applyIncoming, mergeMessages } from './thread.ts';
import { REPORT_REASON_IDS } from './report-labels.ts';
import { UNREAD_CHANGED_EVENT } from './unread-counter.ts';


/**
 * /messages and /messages/:id: conversations with unread counts, one thread, and a composer. A
 * message written offline goes to the Dexie outbox, shows as "waiting to send" and is sent when
 * the connection returns (its clientId makes a retry land once). While online, the live socket
 * pushes new messages and read receipts. Block and report are in the thread's header.
 */
export class CsMessagesPage extends LitElement {
  static override properties = {
    conversations: { state: true },
    thread: { state: true },
    pending: { state: true },
    draft: { state: true },
    loading: { state: true },
    savedOnly: { state: true },
    liveConnected: { state: true },
    error: { state: true },
    status: { state: true },
    reporting: { state: true },
    reportReason: { state: true },
    reportDetails: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    marketplaceStyles,
    css`
      :host {
        --cs-page-width: 64rem;
      }

      .layout {
        display: grid;
        gap: var(--cs-space-4, 1rem);
      }

      .conversations {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
        align-content: start;
      }

      .conversation {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.15rem var(--cs-space-2, 0.5rem);
        padding: var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: var(--cs-color-text, #17151f);
        text-decoration: none;
      }

      .conversation[aria-current='page'] {
        border-color: var(--cs-color-accent, #6b2fd6);
        background: var(--cs-color-accent-soft, #eee7fd);
      }

      .conversation .who {
        font-weight: 700;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .conversation .preview {
        grid-column: 1 / -1;
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.9rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .removed {
        font-style: italic;
      }

      .unread {
        min-width: 1.5rem;
        padding: 0 0.45rem;
        border-radius: 999px;
        background: var(--cs-color-accent, #6b2fd6);
        color: var(--cs-color-accent-text, #fff);
        font-size: 0.8rem;
        font-weight: 750;
        text-align: center;
        align-self: center;
      }

      .thread {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        align-content: start;
        min-width: 0;
      }

      .messages {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: var(--cs-space-3, 0.75rem);
        list-style: none;
        min-height: 12rem;
        max-height: 60vh;
        overflow-y: auto;
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
      }

      .bubble {
        display: grid;
        gap: 0.15rem;
        max-width: min(80%, 32rem);
        padding: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface-muted, #efedf7);
        overflow-wrap: anywhere;
        white-space: pre-line;
      }

      .bubble.mine {
        justify-self: end;
        background: var(--cs-color-accent-soft, #eee7fd);
      }

      .bubble .meta {
        font-size: 0.75rem;
        color: var(--cs-color-text-muted, #5b5868);
      }

      .bubble.waiting {
        border: 1px dashed var(--cs-color-warning, #8a5300);
      }

      .composer {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }

      .composer textarea {
        min-height: 4.5rem;
      }

      .thread-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
      }

      .live-dot {
        font-size: 0.8rem;
      }

      @media (max-width: 759px) {
        /* On phones one column at a time: the thread when one is open, else the list. */
        .layout.has-thread .list-column {
          display: none;
        }
      }

      @media (min-width: 760px) {
        .layout {
          grid-template-columns: 18rem minmax(0, 1fr);
        }
        .back {
          display: none;
        }
      }
    `,
  ];

  declare conversations: Conversation[];
  declare thread: Message[];
  declare pending: QueuedMessage[];
  declare draft: string;
  declare loading: boolean;
  declare savedOnly: boolean;
  declare liveConnected: boolean;
  declare error: string;
  declare status: string;
  declare reporting: boolean;
  declare reportReason: ReportReason;
  declare reportDetails: string;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ApiController(this, (client) => new MessagesApi(client));
  readonly #store: MessageStore = createDexieMessageStore();
  readonly #live = new LiveConnection({
    ticket: async () => (await this.#api.value.liveTicket()).ticket,
    url: (ticket) => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/messages/live?${new URLSearchParams({ ticket })}`,
    createSocket: (url) => new WebSocket(url),
    onEvent: (event) => this.#onLiveEvent(event),
    onStatus: (connected) => {
      this.liveConnected = connected;
      // Reconnected: fetch what arrived while the socket was down.
      if (connected) void this.#refresh();
    },
    reportError: (error) => console.warn(error),
  });
  #refreshes = 0;
  #refreshing = 0;
  #started: string | null = null;
  #threadFor: string | null = null;
  #flushing = false;

  constructor() {
    super();
    this.conversations = [];
    this.thread = [];
    this.pending = [];
    this.draft = '';
    this.loading = true;
    this.savedOnly = false;
    this.liveConnected = false;
    this.error = '';
    this.status = '';
    this.reporting = false;
    this.reportReason = 'spam';
    this.reportDetails = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    window.addEventListener('popstate', this.#onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    window.removeEventListener('popstate', this.#onPopState);
    this.#live.close();
    this.#started = null;
  }

  get #me(): string | null {
    return this.#session.available ? (this.#session.value.user?.id ?? null) : null;
  }

  get #openId(): string | null {
    return matchRoute([{ path: '/messages/:id' }], location.pathname)?.params['id'] ?? null;
  }

  get #open(): Conversation | null {
    const id = this.#openId;
    return this.conversations.find((conversation) => conversation.id === id) ?? null;
  }

  protected override willUpdate(): void {
    const me = this.#me;
    if (!me || !this.#api.available || !this.#connectivity.available) return;
    if (this.#started !== me) {
      this.#started = me;
      void this.#start(me);
    } else if (this.#threadFor !== this.#openId) {
      void this.#loadThread();
    }
  }

  async #start(me: string): Promise<void> {
    this.pending = await this.#store.queued(me).catch(() => []);
    const saved = await this.#store.loadConversations(me).catch(() => null);
    if (saved) this.conversations = saved;
    await this.#loadThread();
    if (this.#connectivity.value.online) {
      this.#live.open();
      await this.#refresh();
      void this.#flush();
    } else {
      this.savedOnly = saved !== null;
      this.loading = false;
    }
  }

  /** Reloads the list (and the open thread) from the server. */
  async #refresh(): Promise<void> {
    const me = this.#me;
    if (!me) return;
    // Start-up and the live socket's (re)connection both refresh; only the latest answer may land,
    // or a slow earlier one would put back a list from before a message that arrived in between.
    const generation = ++this.#refreshes;
    this.#refreshing += 1;
    try {
      const page = await this.#api.value.conversations();
      if (generation !== this.#refreshes) return;
      // Messages that came while the live socket was away show up here: the header's badge asks again.
      if (unreadTotal(page.conversations) !== unreadTotal(this.conversations)) window.dispatchEvent(new Event(UNREAD_CHANGED_EVENT));
      this.conversations = page.conversations;
      this.savedOnly = false;
      void this.#store.saveConversations(me, page.conversations).catch((error: unknown) => console.warn(error));
      await this.#loadThread({ fromServer: true });
    } catch (error) {
      this.#report(error);
    } finally {
      this.#refreshing -= 1;
      this.loading = false;
    }
  }

  async #loadThread(options: { fromServer?: boolean } = {}): Promise<void> {
    const me = this.#me;
    const id = this.#openId;
    const changed = this.#threadFor !== id;
    this.#threadFor = id;
    if (changed) {
      this.thread = [];
      this.reporting = false;
    }
    if (!me || !id) return;
    if (changed) {
      const saved = await this.#store.loadThread(me, id).catch(() => null);
      if (saved && this.#openId === id) this.thread = saved;
    }
    if (!this.#connectivity.value.online && !options.fromServer) return;
    try {
      if (!this.#open) {
        // Opened from a link (Message the producer): not in the list yet.
        const conversation = await this.#api.value.conversation(id);
        this.conversations = [conversation, ...this.conversations.filter((item) => item.id !== id)];
      }
      const page = await this.#api.value.messages(id);
      if (this.#openId !== id) return;
      this.thread = mergeMessages(this.thread, page.messages);
      void this.#store.saveThread(me, id, this.thread).catch((error: unknown) => console.warn(error));
      await this.#markRead(id);
      this.#scrollToEnd();
    } catch (error) {
      this.#report(error);
    }
  }

  async #markRead(id: string): Promise<void> {
    const conversation = this.conversations.find((item) => item.id === id);
    if (!conversation || conversation.unreadCount === 0) return;
    await this.#api.value.markRead(id);
    this.conversations = this.conversations.map((item) => (item.id === id ? { ...item, unreadCount: 0 } : item));
    window.dispatchEvent(new Event(UNREAD_CHANGED_EVENT));
  }

  /** Network failures while offline are expected (the page says it is offline); others are shown. */
  #report(error: unknown): void {
    if (error instanceof ApiError && error.isNetworkError) {
      this.savedOnly = true;
      return;
    }
    this.error = errorMessage(error, (id) => this.#i18n.t(id));
  }

  #onLiveEvent(event: LiveEvent): void {
    const me = this.#me;
    if (!me) return;
    if (event.type === 'message') {
      const message = event.message;
      if (message.conversationId === this.#openId) {
        this.thread = mergeMessages(this.thread, [message]);
        this.pending = this.pending.filter((item) => item.clientId !== message.clientId);
        void this.#store.saveThread(me, message.conversationId, this.thread).catch((error: unknown) => console.warn(error));
        if (message.senderId !== me) void this.#api.value.markRead(message.conversationId, message.id).catch((error: unknown) => console.warn(error));
        this.#scrollToEnd();
      }
      const updated = applyIncoming(this.conversations, message, { me, openConversationId: this.#openId });
      // A list request still on its way may have been answered before this message: ask again.
      if (updated && this.#refreshing === 0) this.conversations = updated;
      else void this.#refresh();
      window.dispatchEvent(new Event(UNREAD_CHANGED_EVENT));
    } else if (event.type === 'read') {
      this.conversations = this.conversations.map((item) => (item.id === event.conversationId && event.readerId !== me ? { ...item, otherReadAt: event.readAt } : item));
    } else if (event.type === 'message-removed') {
      // Replaced where it shows, without moving the conversation or counting it as unread.
      const removed = event.message;
      if (removed.conversationId === this.#openId) {
        this.thread = this.thread.map((message) => (message.id === removed.id ? removed : message));
        void this.#store.saveThread(me, removed.conversationId, this.thread).catch((error: unknown) => console.warn(error));
      }
      this.conversations = this.conversations.map((item) => (item.lastMessage?.id === removed.id ? { ...item, lastMessage: removed } : item));
    } else if (event.type === 'signed-out') {
      // The account was signed out everywhere: stop reconnecting and let the session find out (its
      // refresh fails), which takes the app to the signed-out state.
      this.#live.close();
      if (this.#session.available) void this.#session.value.restore();
    }
  }

  /** Sends what the outbox holds, oldest first; stops at the first network failure (still offline). */
  async #flush(): Promise<void> {
    const me = this.#me;
    if (!me || this.#flushing) return;
    this.#flushing = true;
    try {
      for (const queued of await this.#store.queued(me)) {
        try {
          const message = await this.#api.value.send(queued.conversationId, queued.clientId, queued.body);
          await this.#store.unqueue(queued.clientId);
          this.pending = this.pending.filter((item) => item.clientId !== queued.clientId);
          if (queued.conversationId === this.#openId) this.thread = mergeMessages(this.thread, [message]);
          const updated = applyIncoming(this.conversations, message, { me, openConversationId: this.#openId });
          if (updated) this.conversations = updated;
        } catch (error) {
          if (error instanceof ApiError && (error.isNetworkError || error.status === 429 || error.status >= 500)) break;
          // Refused for good (blocked, too long): drop it from the outbox and say why.
          await this.#store.unqueue(queued.clientId);
          this.pending = this.pending.filter((item) => item.clientId !== queued.clientId);
          this.error = errorMessage(error, (id) => this.#i18n.t(id));
        }
      }
      const openId = this.#openId;
      if (openId) void this.#store.saveThread(me, openId, this.thread).catch((error: unknown) => console.warn(error));
    } finally {
      this.#flushing = false;
    }
  }

  #scrollToEnd(): void {
    void this.updateComplete.then(() => {
      const list = this.renderRoot.querySelector('.messages');
      if (list) list.scrollTop = list.scrollHeight;
    });
  }

  readonly #onOnline = (): void => {
    this.#live.open();
    void this.#refresh().then(() => this.#flush());
  };

  readonly #onOffline = (): void => {
    this.#live.close();
    this.liveConnected = false;
  };

  readonly #onPopState = (): void => {
    this.requestUpdate();
  };

  readonly #send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const me = this.#me;
    const conversationId = this.#openId;
    const body = this.draft.trim();
    if (!me || !conversationId || !body) return;
    if (body.length > MESSAGE_BODY_MAX) {
      this.error = this.#i18n.t('messages.tooLong', { max: MESSAGE_BODY_MAX });
      return;
    }
    const queued: QueuedMessage = { clientId: crypto.randomUUID(), userId: me, conversationId, body, createdAt: new Date().toISOString() };
    this.error = '';
    this.draft = '';
    this.pending = [...this.pending, queued];
    this.#scrollToEnd();
    try {
      await this.#store.queue(queued);
    } catch (error) {
      console.warn(new Error('Could not keep the message on the device', { cause: error }));
    }
    if (this.#connectivity.value.online) await this.#flush();
    else this.status = this.#i18n.t('messages.queuedStatus');
  };

  #block(conversation: Conversation, block: boolean): void {
    void (async () => {
      try {
        if (block) await this.#api.value.block(conversation.with.id);
        else await this.#api.value.unblock(conversation.with.id);
        this.conversations = this.conversations.map((item) => (item.id === conversation.id ? { ...item, blockedByMe: block } : item));
        this.status = this.#i18n.t(block ? messageId('messages.blocked') : messageId('messages.unblocked'), { name: conversation.with.displayName });
      } catch (error) {
        this.error = errorMessage(error, (id) => this.#i18n.t(id));
      }
    })();
  }

  readonly #submitReport = async (event: Event): Promise<void> => {
    event.preventDefault();
    const conversation = this.#open;
    if (!conversation) return;
    try {
      await this.#api.value.report(conversation.id, this.reportReason, this.reportDetails.trim());
      this.reporting = false;
      this.reportDetails = '';
      this.status = this.#i18n.t('messages.report.sent');
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  };

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const online = this.#connectivity.value.online;
    const openId = this.#openId;
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('messages.title')}</h1>
        <cs-message-email-toggle></cs-message-email-toggle>
      </header>
      <div class="live" role="status" aria-live="polite">
        ${!online || this.savedOnly ? html`<p class="notice warning">${t('messages.offline')}</p>` : nothing}
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <div class="layout ${openId ? 'has-thread' : ''}">
        <nav class="list-column" aria-label=${t('messages.conversations')} aria-busy=${this.loading ? 'true' : 'false'}>
          ${this.conversations.length
            ? html`<ul class="conversations">
                ${this.conversations.map((conversation) => this.#renderConversation(conversation, conversation.id === openId))}
              </ul>`
            : this.loading
              ? nothing
              : html`<p class="empty">${t('messages.empty')}</p>`}
        </nav>
        ${openId ? this.#renderThread(openId) : nothing}
      </div>
    </div>`;
  }

  #renderConversation(conversation: Conversation, current: boolean) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const last = conversation.lastMessage;
    return html`<li>
      <a
        class="conversation"
        href="/messages/${encodeURIComponent(conversation.id)}"
        aria-current=${current ? 'page' : 'false'}
        @click=${(event: Event) => {
          event.preventDefault();
          navigate(this, `/messages/${encodeURIComponent(conversation.id)}`);
        }}
      >
        <span class="who">${conversation.with.displayName}${conversation.beat?.title ? html` · <span class="muted">${conversation.beat.title}</span>` : nothing}</span>
        ${conversation.unreadCount
          ? html`<span class="unread" aria-label=${t('messages.unreadCount', { count: conversation.unreadCount })}>${conversation.unreadCount}</span>`
          : html`<span></span>`}
        <span class="preview ${last?.removed ? 'removed' : ''}">${last ? (last.removed ? t('messages.removed') : last.body) : t('messages.noMessages')}</span>
      </a>
    </li>`;
  }

  #renderThread(openId: string) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const conversation = this.#open;
    const me = this.#me;
    const pending = this.pending.filter((item) => item.conversationId === openId);
    const blocked = conversation ? conversation.blockedByMe || conversation.blockedMe : false;
    const time = (iso: string) => this.#i18n.formatDate(iso, { hour: '2-digit', minute: '2-digit' });
    const lastMine = [...this.thread].reverse().find((message) => message.senderId === me);
    const seen = !!(lastMine && conversation?.otherReadAt && conversation.otherReadAt >= lastMine.createdAt);
    return html`<section class="thread" aria-labelledby="thread-heading">
      <a class="back" href="/messages">${t('messages.back')}</a>
      <div class="thread-head">
        <h2 id="thread-heading">${conversation ? t('messages.with', { name: conversation.with.displayName }) : t('messages.thread')}</h2>
        <span class="chip live-dot ${this.liveConnected ? 'success' : ''}">${this.liveConnected ? t('messages.liveOn') : t('messages.liveOff')}</span>
      </div>
      ${conversation?.beat
        ? html`<p class="muted">
            ${conversation.beat.title
              ? html`${t('messages.about')} <a href="/beats/${encodeURIComponent(conversation.beat.id)}">${conversation.beat.title}</a>`
              : t('messages.aboutDeleted')}
          </p>`
        : nothing}
      <ol class="messages" aria-label=${t('messages.threadLabel')}>
        ${this.thread.map(
          (message) => html`<li class="bubble ${message.senderId === me ? 'mine' : ''}">
            <span class="visually-hidden">${message.senderId === me ? t('messages.you') : (conversation?.with.displayName ?? '')}:</span>
            ${message.removed ? html`<span class="body removed">${t('messages.removed')}</span>` : html`<span class="body">${message.body}</span>`}
            <span class="meta">${time(message.createdAt)}</span>
          </li>`,
        )}
        ${pending.map(
          (message) => html`<li class="bubble mine waiting">
            <span class="body">${message.body}</span>
            <span class="meta">${t('messages.waiting')}</span>
          </li>`,
        )}
      </ol>
      ${seen ? html`<p class="muted">${t('messages.seen')}</p>` : nothing}
      ${conversation?.blockedByMe ? html`<p class="notice warning">${t('messages.youBlocked', { name: conversation.with.displayName })}</p>` : nothing}
      ${conversation?.blockedMe ? html`<p class="notice warning">${t('messages.blockedYou')}</p>` : nothing}
      <form class="composer" @submit=${this.#send}>
        <label for="compose">${t('messages.compose')}</label>
        <textarea
          id="compose"
          maxlength=${MESSAGE_BODY_MAX}
          ?disabled=${blocked}
          .value=${live(this.draft)}
          @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            // Ctrl/Cmd+Enter sends; Enter alone makes a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) (event.target as HTMLTextAreaElement).form?.requestSubmit();
          }}
        ></textarea>
        <div class="row">
          <button class="button" type="submit" ?disabled=${blocked || !this.draft.trim()}>${t('messages.send')}</button>
          <span class="muted">${t('messages.sendHint')}</span>
        </div>
      </form>
      ${conversation
        ? html`<div class="row">
            <button class="button secondary small" type="button" @click=${() => this.#block(conversation, !conversation.blockedByMe)}>
              ${conversation.blockedByMe ? t('messages.unblock', { name: conversation.with.displayName }) : t('messages.block', { name: conversation.with.displayName })}
            </button>
            <button class="button quiet small" type="button" aria-expanded=${this.reporting ? 'true' : 'false'} aria-controls="report-form" @click=${() => (this.reporting = !this.reporting)}>
              ${t('messages.report.open')}
            </button>
          </div>
          ${this.reporting ? this.#renderReport() : nothing}`
        : nothing}
    </section>`;
  }

  #renderReport() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<form id="report-form" class="panel" @submit=${this.#submitReport}>
      <div class="field">
        <label for="report-reason">${t('messages.report.reason')}</label>
        <select id="report-reason" @change=${(event: Event) => (this.reportReason = (event.target as HTMLSelectElement).value as ReportReason)}>
          ${REPORT_REASONS.map((reason) => html`<option value=${reason} ?selected=${this.reportReason === reason}>${t(REPORT_REASON_IDS[reason])}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="report-details">${t('messages.report.details')}</label>
        <textarea id="report-details" maxlength="2000" .value=${live(this.reportDetails)} @input=${(event: Event) => (this.reportDetails = (event.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="actions"><button class="button danger" type="submit">${t('messages.report.submit')}</button></div>
    </form>`;
  }
}

/** Unread messages over the conversations listed. */
function unreadTotal(conversations: ReadonlyArray<{ unreadCount: number }>): number {
  return conversations.reduce((total, conversation) => total + conversation.unreadCount, 0);
}

customElements.define('cs-messages-page', CsMessagesPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-messages-page': CsMessagesPage;
  }
}
