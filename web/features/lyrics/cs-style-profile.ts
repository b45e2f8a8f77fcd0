import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { UserPatternsResponse } from '../../../shared/schemas/ai.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext, connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { SessionStatus } from '../auth/session-service.ts';
import { describeTrait } from './style-traits-text.ts';

/** Words of the profile shown: enough to recognise oneself. */
const SHOWN_WORDS = 8;

/**
 * What the songwriting assistant has learned about the signed-in writer (`GET /api/ai/user-patterns`):
 * line lengths, rhythm, rhyme habits, mood, language, favourite scheme and form, and the words they
 * reach for, each worded through the catalogs. Reloaded when `version` changes (after a save).
 */
export class CsStyleProfile extends LitElement {
  static override properties = {
    version: { type: Number },
    patterns: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      p {
        margin: 0;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.1rem;
        display: grid;
        gap: 0.25rem;
      }
      .muted {
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.9rem;
      }
    `,
  ];

  /** Bump to reload (the writer saved a draft, so the profile changed). */
  declare version: number;
  declare patterns: UserPatternsResponse | null;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  #api: ApiClient | undefined;
  #loadedFor = '';

  constructor() {
    super();
    this.version = 0;
    this.patterns = null;
    this.error = '';
    new ContextConsumer(this, { context: apiContext, callback: (api) => ((this.#api = api), this.requestUpdate()) });
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const userId = this.#userId();
    const online = this.#connectivity.available && this.#connectivity.value.online;
    const key = userId && online && this.#api ? `${userId}/${this.version}` : '';
    if (key && key !== this.#loadedFor) {
      this.#loadedFor = key;
      void this.#load(key);
    }
    if (!userId) this.patterns = null;
  }

  #userId(): string | null {
    if (!this.#session.available) return null;
    const state = this.#session.value.state;
    return state.status === SessionStatus.signedIn && !state.offline ? state.user.id : null;
  }

  async #load(key: string): Promise<void> {
    try {
      const patterns = await this.#api!.request({ method: 'GET', path: '/api/ai/user-patterns', authenticated: true, schema: UserPatternsResponse });
      if (key !== this.#loadedFor) return;
      this.patterns = patterns;
      this.error = '';
    } catch (error) {
      if (key !== this.#loadedFor) return;
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
      // Try again on the next render that has the network.
      this.#loadedFor = '';
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#session.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const state = this.#session.value.state;
    if (state.status !== SessionStatus.signedIn) return html`<p class="muted">${t('ai.style.signIn')}</p>`;
    const patterns = this.patterns;
    if (!patterns) {
      if (!this.#connectivity.value.online || state.offline) return html`<p class="muted">${t('ai.style.offline')}</p>`;
      return this.error ? html`<p class="muted" role="status">${this.error}</p>` : nothing;
    }
    if (patterns.sessions === 0) return html`<p class="muted">${t('ai.style.empty')}</p>`;
    const percent = new Intl.NumberFormat(this.#i18n.locale, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(this.#i18n.locale, { maximumFractionDigits: 1 });
    const format = { number: (value: number) => decimal.format(value), percent: (share: number) => percent.format(share) };
    const sentences = patterns.traits.map((trait) => describeTrait(t, format, trait)).filter((sentence): sentence is string => sentence !== null);
    const words = patterns.summary.topWords.slice(0, SHOWN_WORDS);
    return html`<p class="muted">${t('ai.style.lead')}</p>
      <ul aria-label=${t('ai.style.title')}>
        ${sentences.map((sentence) => html`<li>${sentence}</li>`)}
      </ul>
      ${words.length ? html`<p>${t('ai.style.words', { words: new Intl.ListFormat(this.#i18n.locale, { type: 'conjunction' }).format(words) })}</p>` : nothing}
      <p class="muted">${t('ai.style.sessions', { count: patterns.sessions })}</p>`;
  }
}

customElements.define('cs-style-profile', CsStyleProfile);

declare global {
  interface HTMLElementTagNameMap {
    'cs-style-profile': CsStyleProfile;
  }
}
