import { ContextProvider } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { isSupportedLocale } from '../../shared/i18n/locales.ts';
import { SessionStatus } from '../features/auth/session-service.ts';
import { baseStyles } from '../ui/base-styles.ts';
import { apiContext, appUpdatesContext, connectivityContext, localeContext, sessionContext, type AppServices } from './contexts.ts';
import './cs-site-header.ts';
import './cs-toast.ts';
import { errorMessage } from './error-message.ts';
import { chooseLocale } from './locale-sync.ts';
import { messageId } from './message-id.ts';
import { clearPrivateCaches } from './private-caches.ts';
import { RouteController } from './route-controller.ts';
import { APP_ROUTES, NOT_FOUND_ROUTE } from './routes.ts';

/** A toast message: a catalog id (translated at render, so it follows language switches), API text, or both. */
interface Notice {
  id?: string;
  values?: Record<string, unknown>;
  text?: string;
}

export interface NavigateDetail {
  to: string;
  replace?: boolean;
}

/**
 * The application shell: provides the services to every element, hosts the router (RouteController),
 * the landmarks, the skip link, route announcements and the toasts.
 *
 * @listens cs-navigate - `{ to, replace? }` from any page: go to an in-app path.
 * @listens cs-locale-select - `{ locale }` from a language switcher.
 * @listens cs-sign-out - from the header or settings.
 * @listens cs-account-deleted - from settings, once the account is deleted and signed out.
 */
export class CsApp extends LitElement {
  static override properties = {
    services: { attribute: false },
    announcement: { state: true },
    notice: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        min-height: 100dvh;
      }

      .skip-link {
        position: absolute;
        top: var(--cs-space-2, 0.5rem);
        left: var(--cs-space-2, 0.5rem);
        z-index: 100;
        padding: var(--cs-space-2, 0.5rem) var(--cs-space-4, 1rem);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-accent, #6b2fd6);
        color: var(--cs-color-accent-text, #fff);
        font-weight: 650;
        transform: translateY(-200%);
      }

      .skip-link:focus {
        transform: none;
      }

      main {
        flex: 1;
        outline: none;
      }

      .offline-banner {
        width: min(100% - 2rem, var(--cs-content-width, 72rem));
        margin: var(--cs-space-4, 1rem) auto 0;
      }

      .status-page {
        display: grid;
        justify-items: center;
        gap: var(--cs-space-4, 1rem);
        padding: var(--cs-space-7, 3rem) var(--cs-space-4, 1rem);
        text-align: center;
        color: var(--cs-color-text-muted, #5b5868);
      }

      .spinner {
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        border: 3px solid var(--cs-color-border, #dedbe9);
        border-top-color: var(--cs-color-accent, #6b2fd6);
        animation: spin 0.8s linear infinite;
      }

      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }

      footer {
        padding: var(--cs-space-5, 1.5rem) var(--cs-space-4, 1rem) calc(var(--cs-space-5, 1.5rem) + env(safe-area-inset-bottom));
        border-top: 1px solid var(--cs-color-border, #dedbe9);
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.875rem;
        text-align: center;
      }

      .toasts {
        position: fixed;
        inset-inline: 0;
        bottom: calc(var(--cs-space-4, 1rem) + env(safe-area-inset-bottom));
        z-index: 50;
        display: grid;
        justify-items: center;
        gap: var(--cs-space-2, 0.5rem);
        padding-inline: var(--cs-space-4, 1rem);
        pointer-events: none;
      }

      .toasts > * {
        pointer-events: auto;
      }
    `,
  ];

  declare services: AppServices;
  declare announcement: string;
  /** A transient message (e.g. "Signed out") shown as a toast. */
  declare notice: Notice | null;

  #providers: ContextProvider<never>[] = [];
  readonly #router = new RouteController(this, {
    routes: APP_ROUTES,
    notFound: NOT_FOUND_ROUTE,
    sessionStatus: () => this.services.session.state.status,
    onPageShown: () => {
      this.#updateTitle();
      this.announcement = this.#pageTitle();
    },
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('main'),
    loadCatalogPart: (part) => this.services.locale.loadPart(part),
  });
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.announcement = '';
    this.notice = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#providers.length === 0) this.#provideServices();
    this.addEventListener('cs-navigate', this.#onNavigate as EventListener);
    this.addEventListener('cs-locale-select', this.#onLocaleSelect as EventListener);
    this.addEventListener('cs-sign-out', this.#onSignOut);
    this.addEventListener('cs-account-deleted', this.#onAccountDeleted);
    this.services.session.addEventListener('change', this.#onSessionChange);
    this.services.locale.addEventListener('change', this.#onLocaleChange);
    this.services.updates.addEventListener('change', this.#onUpdatesChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('cs-navigate', this.#onNavigate as EventListener);
    this.removeEventListener('cs-locale-select', this.#onLocaleSelect as EventListener);
    this.removeEventListener('cs-sign-out', this.#onSignOut);
    this.removeEventListener('cs-account-deleted', this.#onAccountDeleted);
    this.services.session.removeEventListener('change', this.#onSessionChange);
    this.services.locale.removeEventListener('change', this.#onLocaleChange);
    this.services.updates.removeEventListener('change', this.#onUpdatesChange);
    clearTimeout(this.#noticeTimer);
  }

  /** Programmatic navigation within the app. */
  navigate(to: string, options: { replace?: boolean } = {}): void {
    this.#router.navigate(to, options);
  }

  override render() {
    const { session, updates } = this.services;
    const t = (id: string): string => this.services.locale.t(id);
    const state = session.state;
    return html`
      <a class="skip-link" href="#main" @click=${this.#skipToMain}>${t('shell.skipLink')}</a>
      <cs-site-header .currentPath=${location.pathname}></cs-site-header>
      ${state.status === SessionStatus.signedIn && state.offline
        ? html`<p class="notice warning offline-banner">${t('shell.offlineSession')}</p>`
        : nothing}
      <main id="main" tabindex="-1">${this.#renderPage()}</main>
      <!-- App-wide bars that outlive a page (the marketplace's audio player) are appended here, lazily. -->
      <slot name="dock"></slot>
      <footer>${t('shell.footer')}</footer>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <!-- Toasts come and go; their text is announced from this region, which is always in the tree. -->
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${updates.updateReady ? t('shell.update.message') : ''} ${this.notice ? this.#noticeText(this.notice) : ''}
      </div>
      <div class="toasts">
        ${updates.updateReady
          ? html`<cs-toast
              .message=${t('shell.update.message')}
              .actionLabel=${t('shell.update.reload')}
              .dismissLabel=${t('shell.update.later')}
              @cs-toast-action=${() => updates.applyUpdate()}
              @cs-toast-dismiss=${() => updates.dismiss()}
            ></cs-toast>`
          : nothing}
        ${this.notice
          ? html`<cs-toast .message=${this.#noticeText(this.notice)} .dismissLabel=${t('shell.notice.dismiss')} @cs-toast-dismiss=${this.#clearNotice}></cs-toast>`
          : nothing}
      </div>
    `;
  }

  #renderPage() {
    const t = (id: string): string => this.services.locale.t(id);
    switch (this.#router.state) {
      case 'ready':
        return this.#router.page;
      case 'failed':
        return html`<div class="status-page">
          <p>${t('shell.pageLoadFailed')}</p>
          <button class="button" type="button" @click=${() => this.#router.retry()}>${t('shell.retry')}</button>
        </div>`;
      case 'loading':
        return html`<div class="status-page" aria-busy="true">
          <div class="spinner"></div>
          <p>${t('shell.loading')}</p>
        </div>`;
    }
  }

  #provideServices(): void {
    const { locale, session, connectivity, updates, api } = this.services;
    this.#providers = [
      new ContextProvider(this, { context: localeContext, initialValue: locale }),
      new ContextProvider(this, { context: sessionContext, initialValue: session }),
      new ContextProvider(this, { context: connectivityContext, initialValue: connectivity }),
      new ContextProvider(this, { context: appUpdatesContext, initialValue: updates }),
      new ContextProvider(this, { context: apiContext, initialValue: api }),
    ] as ContextProvider<never>[];
  }

  #pageTitle(): string {
    return this.services.locale.t(this.#router.route?.titleId ?? messageId('home.title'));
  }

  #updateTitle(): void {
    const appName = this.services.locale.t(messageId('app.name'));
    document.title = this.#router.route?.path === '/' ? appName : `${this.#pageTitle()} · ${appName}`;
  }

  /** The last account signed in here, for clearing up after it once it is gone. */
  #lastUserId: string | null = null;

  #showNotice(notice: Notice): void {
    clearTimeout(this.#noticeTimer);
    this.notice = notice;
    this.#noticeTimer = setTimeout(this.#clearNotice, 6000);
  }

  #noticeText(notice: Notice): string {
    return [notice.id ? this.services.locale.t(notice.id, notice.values) : '', notice.text ?? ''].filter(Boolean).join(' ');
  }

  readonly #clearNotice = (): void => {
    clearTimeout(this.#noticeTimer);
    this.notice = null;
  };

  readonly #skipToMain = (event: Event): void => {
    // The fragment cannot reach into this shadow root, so move focus by hand.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  };

  readonly #onNavigate = (event: CustomEvent<NavigateDetail>): void => {
    this.navigate(event.detail.to, { replace: event.detail.replace ?? false });
  };

  readonly #onLocaleSelect = (event: CustomEvent<{ locale: string }>): void => {
    const locale = event.detail.locale;
    if (!isSupportedLocale(locale)) return;
    chooseLocale(locale, this.services).catch((error: unknown) => {
      this.#showNotice({ id: messageId('shell.localeNotSaved'), text: errorMessage(error, (id) => this.services.locale.t(id)) });
    });
  };

  readonly #onSignOut = (): void => {
    const userId = this.services.session.user?.id;
    this.services.session.signOut().then(
      () => {
        clearPrivateCaches().catch((error: unknown) => console.error(error));
        this.#showNotice({ id: messageId('shell.signedOut') });
        this.navigate('/');
        if (userId) void this.#forgetAccountData(userId, false);
      },
      (error: unknown) => this.#showNotice({ text: errorMessage(error, (id) => this.services.locale.t(id)) }),
    );
  };

  /**
   * Takes the account's songs and the conversations it read off this device after it signed out
   * (the project page has closed by then), keeping songs with changes the server does not have yet
   * (and saying so) and messages not sent yet.
   */
  async #forgetAccountData(userId: string, accountGone: boolean): Promise<void> {
    try {
      const [{ forgetSongsOnThisDevice }, { createDexieMessageStore }] = await Promise.all([
        import('../features/projects/forget-songs.ts'),
        import('../features/messages/message-store.ts'),
      ]);
      // A deleted account's unsent changes can never reach the server: nothing is kept for it.
      await createDexieMessageStore().forget(userId, { outboxToo: accountGone });
      const kept = await forgetSongsOnThisDevice(userId, { keepUnsent: !accountGone });
      if (kept.length > 0 && !accountGone) this.#showNotice({ id: messageId('shell.signedOutSongsKept'), values: { count: kept.length } });
    } catch (error) {
      console.error(new Error('Could not take the account’s songs and messages off this device', { cause: error }));
    }
  }

  /** The account is gone (already signed out): its data leaves this device too. */
  readonly #onAccountDeleted = (): void => {
    clearPrivateCaches().catch((error: unknown) => console.error(error));
    if (this.#lastUserId) void this.#forgetAccountData(this.#lastUserId, true);
    this.#showNotice({ id: messageId('shell.accountDeleted') });
    this.navigate('/');
  };

  readonly #onSessionChange = (): void => {
    const state = this.services.session.state;
    if (state.status === SessionStatus.signedIn) this.#lastUserId = state.user.id;
    // "Signed out" is stale news once someone signs in.
    const signedOutNotice = this.notice?.id === messageId('shell.signedOut') || this.notice?.id === messageId('shell.signedOutSongsKept');
    if (state.status === SessionStatus.signedIn && signedOutNotice) this.#clearNotice();
    // Signing in or out can change which page this URL shows (guards, redirects).
    this.requestUpdate();
    this.#router.refresh();
  };

  readonly #onLocaleChange = (): void => {
    this.#updateTitle();
    this.requestUpdate();
  };

  readonly #onUpdatesChange = (): void => {
    this.requestUpdate();
  };
}

customElements.define('cs-app', CsApp);

declare global {
  interface HTMLElementTagNameMap {
    'cs-app': CsApp;
  }
  interface HTMLElementEventMap {
    'cs-navigate': CustomEvent<NavigateDetail>;
    'cs-locale-select': CustomEvent<{ locale: string }>;
    'cs-sign-out': Event;
    'cs-account-deleted': Event;
  }
}
