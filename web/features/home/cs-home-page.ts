import { css, html, LitElement, nothing } from 'lit';
import type { User } from '../../../shared/schemas/auth.ts';
import { sessionContext } from '../../app/contexts.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import '../../ui/cs-avatar.ts';
import { SessionStatus } from '../auth/session-service.ts';
import { roleLabelId } from '../profile/roles.ts';

const HIGHLIGHTS = [
  {
    icon: 'offline',
    title: messageId('home.highlight.offline.title'),
    body: messageId('home.highlight.offline.body'),
  },
  {
    icon: 'language',
    title: messageId('home.highlight.languages.title'),
    body: messageId('home.highlight.languages.body'),
  },
  {
    icon: 'roles',
    title: messageId('home.highlight.roles.title'),
    body: messageId('home.highlight.roles.body'),
  },
] as const;

const ICONS = {
  offline: html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M7 18a5 5 0 0 1-.5-9.97A6 6 0 0 1 18 9a4.5 4.5 0 0 1-.5 9H7z" /><path d="m9.5 13.5 2 2 4-4" />
  </svg>`,
  language: html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M4 5h9M8.5 3v2M6 5c.8 3.4 3 6 6 7.5M11 5c-.8 3.6-3.3 6.6-7 8" /><path d="m12 21 4.5-10L21 21M13.6 17.5h5.8" />
  </svg>`,
  roles: html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M9 18V6l11-2v12" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" />
  </svg>`,
};

/** The landing page: a pitch and a way in for guests, a personal overview for members. */
export class CsHomePage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        padding-block: clamp(1.5rem, 1rem + 3vw, 4rem);
      }

      .wrap {
        display: grid;
        gap: clamp(2rem, 1.5rem + 3vw, 4rem);
        width: min(100% - 2rem, var(--cs-content-width, 72rem));
        margin-inline: auto;
      }

      .hero {
        display: grid;
        gap: var(--cs-space-6, 2rem);
        align-items: center;
      }

      .hero-text {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        justify-items: start;
      }

      .eyebrow {
        display: inline-block;
        padding: 0.25rem 0.75rem;
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-accent-soft, #eee7fd);
        color: var(--cs-color-accent, #6b2fd6);
        font-size: 0.85rem;
        font-weight: 700;
      }

      h1 {
        font-size: clamp(2.1rem, 1.4rem + 3.6vw, 3.6rem);
        letter-spacing: -0.03em;
        line-height: 1.05;
      }

      .gradient {
        background: linear-gradient(90deg, var(--cs-color-accent, #6b2fd6), var(--cs-color-highlight, #e0457b));
        -webkit-background-clip: text;
        background-clip: text;
        color: transparent;
      }

      .lead {
        font-size: clamp(1.05rem, 1rem + 0.4vw, 1.25rem);
        max-width: 36rem;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-3, 0.75rem);
        margin-top: var(--cs-space-2, 0.5rem);
      }

      .visual {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 6px;
        height: clamp(9rem, 6rem + 12vw, 17rem);
        padding: var(--cs-space-5, 1.5rem);
        border-radius: var(--cs-radius-lg, 20px);
        background:
          radial-gradient(circle at 20% 10%, color-mix(in srgb, var(--cs-color-highlight, #e0457b) 30%, transparent), transparent 55%),
          radial-gradient(circle at 90% 90%, color-mix(in srgb, var(--cs-color-accent, #6b2fd6) 45%, transparent), transparent 60%),
          var(--cs-color-surface, #fff);
        border: 1px solid var(--cs-color-border, #dedbe9);
        box-shadow: var(--cs-shadow, none);
        overflow: hidden;
      }

      .visual span {
        flex: 1;
        max-width: 14px;
        border-radius: 999px;
        background: linear-gradient(180deg, var(--cs-color-highlight, #e0457b), var(--cs-color-accent, #6b2fd6));
        opacity: 0.9;
      }

      .visual span:nth-child(6n + 1) { height: 24%; }
      .visual span:nth-child(6n + 2) { height: 52%; }
      .visual span:nth-child(6n + 3) { height: 80%; }
      .visual span:nth-child(6n + 4) { height: 40%; }
      .visual span:nth-child(6n + 5) { height: 66%; }
      .visual span:nth-child(6n) { height: 30%; }
      .visual span:nth-child(7n) { height: 92%; }

      .highlights {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .highlight {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        align-content: start;
      }

      .icon {
        display: grid;
        place-items: center;
        width: 2.75rem;
        height: 2.75rem;
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-accent-soft, #eee7fd);
        color: var(--cs-color-accent, #6b2fd6);
      }

      .icon svg {
        width: 1.4rem;
        height: 1.4rem;
      }

      .highlight p,
      .muted {
        color: var(--cs-color-text-muted, #5b5868);
      }

      .profile-card {
        display: grid;
        gap: var(--cs-space-4, 1rem);
      }

      .who {
        display: flex;
        align-items: center;
        gap: var(--cs-space-4, 1rem);
        --cs-avatar-size: 64px;
      }

      .who h2 {
        font-size: 1.25rem;
        overflow-wrap: anywhere;
      }

      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .chips li {
        padding: 0.2rem 0.7rem;
        border-radius: 999px;
        background: var(--cs-color-surface-muted, #efedf7);
        font-size: 0.875rem;
        font-weight: 600;
      }

      .member {
        display: grid;
        gap: var(--cs-space-4, 1rem);
      }

      @media (min-width: 760px) {
        .hero {
          grid-template-columns: 1.15fr 1fr;
        }
        .highlights {
          grid-template-columns: repeat(3, 1fr);
        }
        .member {
          grid-template-columns: 1.4fr 1fr;
          align-items: start;
        }
      }
    `,
  ];

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    if (!this.#i18n.available || !this.#session.available) return nothing;
    const state = this.#session.value.state;
    return html`<div class="wrap">
      ${state.status === SessionStatus.signedIn ? this.#renderMember(state.user, state.isNewAccount === true) : this.#renderGuest(state.status)}
    </div>`;
  }

  #renderGuest(status: SessionStatus) {
    const t = (id: string): string => this.#i18n.t(id);
    return html`<section class="hero" aria-labelledby="page-heading">
        <div class="hero-text">
          <span class="eyebrow">${t('home.hero.eyebrow')}</span>
          <h1 id="page-heading" tabindex="-1">
            ${t('home.hero.titleStart')} <span class="gradient">${t('home.hero.titleEnd')}</span>
          </h1>
          <p class="lead">${t('home.hero.lead')}</p>
          ${status === SessionStatus.signedOut
            ? html`<div class="actions">
                <a class="button" href="/sign-up">${t('home.hero.cta')}</a>
                <a class="button secondary" href="/sign-in">${t('home.hero.signIn')}</a>
              </div>`
            : nothing}
        </div>
        <div class="visual" aria-hidden="true">${Array.from({ length: 21 }, () => html`<span></span>`)}</div>
      </section>
      <section aria-labelledby="highlights-heading">
        <h2 id="highlights-heading" class="visually-hidden">${t('home.highlights.title')}</h2>
        <ul class="highlights">
          ${HIGHLIGHTS.map(
            (item) => html`<li class="card highlight">
              <span class="icon">${ICONS[item.icon]}</span>
              <h3>${t(item.title)}</h3>
              <p>${t(item.body)}</p>
            </li>`,
          )}
        </ul>
      </section>`;
  }

  #renderMember(user: User, isNewAccount: boolean) {
    const i18n = this.#i18n;
    return html`<section class="hero-text" aria-labelledby="page-heading">
        <h1 id="page-heading" tabindex="-1">
          ${isNewAccount ? i18n.t('home.welcome.newTitle', { name: user.displayName }) : i18n.t('home.welcome.title', { name: user.displayName })}
        </h1>
        <p class="lead">${isNewAccount ? i18n.t('home.welcome.newLead') : i18n.t('home.welcome.lead')}</p>
      </section>
      <div class="member">
        <section class="card profile-card" aria-labelledby="profile-heading">
          <div class="who">
            <cs-avatar .name=${user.displayName} .src=${user.avatarUrl}></cs-avatar>
            <div>
              <h2 id="profile-heading">${user.displayName}</h2>
              <p class="muted">${i18n.t('profile.memberSince', { date: i18n.formatDate(user.createdAt) })}</p>
            </div>
          </div>
          ${user.roles.length
            ? html`<ul class="chips" aria-label=${i18n.t('profile.field.roles')}>
                ${user.roles.map((role) => html`<li>${i18n.t(roleLabelId(role))}</li>`)}
              </ul>`
            : html`<p class="muted">${i18n.t('home.profile.noRoles')}</p>`}
          <div class="actions"><a class="button" href="/profile">${i18n.t('home.profile.edit')}</a></div>
        </section>
        <section class="card stack" aria-labelledby="settings-heading">
          <h2 id="settings-heading">${i18n.t('home.settings.title')}</h2>
          <p class="muted">${i18n.t('home.settings.body')}</p>
          <div class="actions"><a class="button secondary" href="/settings">${i18n.t('home.settings.open')}</a></div>
        </section>
      </div>`;
  }
}

customElements.define('cs-home-page', CsHomePage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-home-page': CsHomePage;
  }
}
