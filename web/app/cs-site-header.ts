import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import type { ApiClient } from '../api/api-client.ts';
import { SessionStatus } from '../features/auth/session-service.ts';
import type { UnreadCounter } from '../features/messages/unread-counter.ts';
import { baseStyles } from '../ui/base-styles.ts';
import '../ui/cs-logo.ts';
import { apiContext, connectivityContext, sessionContext } from './contexts.ts';
import './cs-language-select.ts';
import './cs-online-status.ts';
import { LocaleController } from './locale-controller.ts';
import { ServiceController } from './service-controller.ts';

/**
 * Site header: brand, main navigation (what a guest or member can do), connection status, language
 * switcher and sign-out. On phones the navigation wraps onto its own row.
 *
 * @fires cs-sign-out - The sign-out button was pressed (the shell performs it).
 */
export class CsSiteHeader extends LitElement {
  static override properties = {
    /** The current path, to mark the current navigation link. */
    currentPath: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        position: sticky;
        top: 0;
        z-index: 20;
        background: color-mix(in srgb, var(--cs-color-bg, #f6f5fb) 88%, transparent);
        backdrop-filter: saturate(1.4) blur(12px);
        border-bottom: 1px solid var(--cs-color-border, #dedbe9);
        padding-top: env(safe-area-inset-top);
      }

      .bar {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        grid-template-areas:
          'brand tools'
          'nav nav';
        align-items: center;
        gap: var(--cs-space-2, 0.5rem) var(--cs-space-4, 1rem);
        width: min(100% - 1.5rem, var(--cs-content-width, 72rem));
        margin-inline: auto;
        padding-block: var(--cs-space-2, 0.5rem);
      }

      .brand {
        grid-area: brand;
        display: inline-flex;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
        min-height: 44px;
        color: var(--cs-color-text, #17151f);
        font-weight: 800;
        font-size: 1.1rem;
        letter-spacing: -0.02em;
        text-decoration: none;
      }

      .brand:hover {
        color: var(--cs-color-text, #17151f);
      }

      .tools {
        grid-area: tools;
        display: flex;
        align-items: center;
        justify-content: flex-end;
        gap: var(--cs-space-2, 0.5rem);
      }

      nav {
        grid-area: nav;
        min-width: 0;
      }

      ul {
        /* Contains the visually hidden labels (position: absolute) so they scroll with the row instead of widening the page. */
        position: relative;
        display: flex;
        align-items: center;
        gap: var(--cs-space-1, 0.25rem);
        margin: 0 -0.25rem;
        padding: 0.25rem;
        list-style: none;
        overflow-x: auto;
        scrollbar-width: none;
      }

      li.push {
        margin-inline-start: auto;
      }

      .nav-link {
        display: inline-flex;
        align-items: center;
        min-height: 40px;
        padding: 0.4rem 0.75rem;
        border-radius: var(--cs-radius-sm, 8px);
        color: var(--cs-color-text-muted, #5b5868);
        font-weight: 600;
        text-decoration: none;
        white-space: nowrap;
      }

      .nav-link:hover {
        color: var(--cs-color-text, #17151f);
        background: var(--cs-color-surface-muted, #efedf7);
      }

      .nav-link[aria-current='page'] {
        color: var(--cs-color-accent, #6b2fd6);
        background: var(--cs-color-accent-soft, #eee7fd);
      }

      .unread {
        min-width: 1.25rem;
        margin-inline-start: 0.35rem;
        padding: 0 0.35rem;
        border-radius: 999px;
        background: var(--cs-color-highlight, #e0457b);
        color: #fff;
        font-size: 0.75rem;
        font-weight: 750;
        line-height: 1.25rem;
        text-align: center;
      }

      .button {
        min-height: 40px;
        padding: 0.4rem 0.9rem;
        white-space: nowrap;
      }

      .sign-out svg {
        width: 1.1rem;
        height: 1.1rem;
        flex: none;
      }

      @media (max-width: 479px) {
        .bar {
          column-gap: var(--cs-space-2, 0.5rem);
        }
        .nav-link {
          padding-inline: 0.55rem;
        }
        .button {
          padding-inline: 0.75rem;
        }
        /* On phones the logo is the way home; the row keeps room for the other links in every language. */
        li.home {
          display: none;
        }
        /* A guest's settings are only the language, which the header already offers. */
        li.guest-settings {
          display: none;
        }
        /* The wider "Offline" badge takes the wordmark's place; the logo (and the link's name) remain. */
        .bar.offline .brand-name {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
        /* Four items do not fit a 360 px row in every language: the sign-out button keeps only its icon. */
        .sign-out {
          padding-inline: 0.65rem;
        }
        .sign-out .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }

      /* Signed in, the row holds eight links: below very wide screens the logo is the way home and sign-out keeps only its icon. */
      @media (max-width: 1439px) {
        ul.member li.home {
          display: none;
        }
        .sign-out {
          padding-inline: 0.65rem;
        }
        .sign-out .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }

      @media (min-width: 760px) {
        .bar {
          grid-template-columns: auto minmax(0, 1fr) auto;
          grid-template-areas: 'brand nav tools';
          padding-block: var(--cs-space-3, 0.75rem);
        }

        ul {
          justify-content: flex-start;
        }
      }
    `,
  ];

  declare currentPath: string;
  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  #client: ApiClient | undefined;
  /** The Messages badge's source, loaded (a separate chunk) once someone is signed in. */
  #unread: UnreadCounter | null = null;
  #unreadLoading = false;

  constructor() {
    super();
    this.currentPath = '/';
    new ContextConsumer(this, { context: apiContext, callback: (client) => (this.#client = client) });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unread?.stop();
  }

  protected override willUpdate(): void {
    const state = this.#session.available ? this.#session.value.state : null;
    const signedIn = state?.status === SessionStatus.signedIn && !state.offline;
    if (signedIn && !this.#unread && !this.#unreadLoading && this.#client) {
      this.#unreadLoading = true;
      const client = this.#client;
      import('../features/messages/unread-counter.ts').then(
        ({ UnreadCounter: Counter }) => {
          this.#unreadLoading = false;
          this.#unread = new Counter(client);
          this.#unread.addEventListener('change', () => this.requestUpdate());
          this.#unread.start();
        },
        (error: unknown) => {
          this.#unreadLoading = false;
          console.warn(new Error('Could not load the unread counter', { cause: error }));
        },
      );
    } else if (!signedIn && state?.status === SessionStatus.signedOut && this.#unread) {
      this.#unread.stop();
      this.#unread = null;
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#session.available || !this.#connectivity.available) return nothing;
    const t = (id: string): string => this.#i18n.t(id);
    const status = this.#session.value.state.status;
    const link = (href: string, label: string, className = '') =>
      html`<li class=${className}><a class="nav-link" href=${href} aria-current=${this.currentPath === href ? 'page' : 'false'}>${label}</a></li>`;
    const online = this.#connectivity.value.online;
    return html`<header class="bar ${online ? '' : 'offline'}">
      <a class="brand" href="/"><cs-logo></cs-logo><span class="brand-name">${t('app.name')}</span></a>
      <nav aria-label=${t('shell.nav.label')}>
        <ul class=${status === SessionStatus.signedIn ? 'member' : ''}>
          ${link('/', t('shell.nav.home'), 'home')}
          ${link('/beats', t('shell.nav.beats'))}
          ${status === SessionStatus.signedIn ? link('/studio', t('shell.nav.studio')) : nothing}
          ${status === SessionStatus.signedIn ? link('/library', t('shell.nav.library')) : nothing}
          ${status === SessionStatus.signedIn ? this.#messagesLink(t) : nothing}
          ${status === SessionStatus.signedIn ? link('/projects', t('shell.nav.projects')) : nothing}
          ${status === SessionStatus.signedIn ? link('/profile', t('shell.nav.profile')) : nothing}
          ${link('/settings', t('shell.nav.settings'), status === SessionStatus.signedIn ? '' : 'guest-settings')}
          ${status === SessionStatus.signedIn
            ? html`<li class="push">
                <button class="button secondary sign-out" type="button" ?disabled=${!online} @click=${this.#signOut}>
                  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
                    <path d="M9 20H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h3M16 17l5-5-5-5M21 12H9" />
                  </svg>
                  <span class="label">${t('shell.signOut')}</span>
                </button>
              </li>`
            : status === SessionStatus.signedOut
              ? html`${link('/sign-in', t('shell.nav.signIn'))}
                  <li class="push"><a class="button" href="/sign-up">${t('shell.nav.signUp')}</a></li>`
              : nothing}
        </ul>
      </nav>
      <div class="tools">
        <cs-online-status></cs-online-status>
        <cs-language-select compact></cs-language-select>
      </div>
    </header>`;
  }

  #messagesLink(t: (id: string, values?: Record<string, unknown>) => string) {
    const count = this.#unread?.count ?? 0;
    const current = this.currentPath === '/messages' || this.currentPath.startsWith('/messages/');
    return html`<li>
      <a class="nav-link" href="/messages" aria-current=${current ? 'page' : 'false'}>
        ${t('shell.nav.messages')}${count
          ? html`<span class="unread" aria-hidden="true">${count}</span><span class="visually-hidden">${t('shell.nav.unread', { count })}</span>`
          : nothing}
      </a>
    </li>`;
  }

  #signOut(): void {
    this.dispatchEvent(new Event('cs-sign-out', { bubbles: true, composed: true }));
  }
}

customElements.define('cs-site-header', CsSiteHeader);

declare global {
  interface HTMLElementTagNameMap {
    'cs-site-header': CsSiteHeader;
  }
}
