import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Beat } from '../../../shared/schemas/beats.ts';
import { FreeDownloadRequest, type BeatLicences, type DownloadLink, type LicenceTier } from '../../../shared/schemas/commerce.ts';
import { ApiError } from '../../api/api-error.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { matchRoute } from '../../app/router.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { fieldMessageText } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { validateForm, type FieldMessage } from '../../ui/form-validation.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice, genreLabel, keyLabel, moodLabel } from './beat-labels.ts';
import { BeatsApi } from './beats-api.ts';
import { createDexieCatalogCache, type CatalogCache } from './catalog-cache.ts';
import { cartOf } from './cart.ts';
import { cartLink } from './cart-link.ts';
import { CommerceApi } from './commerce-api.ts';
import { beatTrack } from './cs-beats-page.ts';
import './cs-waveform.ts';
import { capLines, fileLabel, tierLabel } from './licence-labels.ts';
import { MessagesApi } from '../messages/messages-api.ts';
import { PAUSE_PATH, PLAY_PATH, marketplaceStyles } from './marketplace-styles.ts';
import { followUrl, navigate } from './navigation.ts';
import { formatClock } from './player-queue.ts';
import { PlayerController } from './shared-player.ts';

/**
 * /beats/:id: one beat. Details, the waveform player, every licence tier with its terms (files and
 * usage caps) readable before buying, a coupon field and Buy (which follows the checkout URL the
 * API returns), a free download for an e-mail when the producer allows it, "Message the producer"
 * and a link to the producer's storefront. The beat is saved on the device, so it opens offline.
 */
export class CsBeatPage extends LitElement {
  static override properties = {
    beat: { state: true },
    licences: { state: true },
    tier: { state: true },
    coupon: { state: true },
    email: { state: true },
    emailError: { state: true },
    links: { state: true },
    loading: { state: true },
    offlineCopy: { state: true },
    error: { state: true },
    status: { state: true },
    busy: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    marketplaceStyles,
    css`
      :host {
        --cs-page-width: 56rem;
      }

      .hero {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: var(--cs-space-4, 1rem);
        align-items: center;
      }

      .hero .play {
        width: 64px;
        height: 64px;
      }

      .waveform {
        --cs-waveform-height: 72px;
      }

      .tiers {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      }

      .tier {
        position: relative;
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        align-content: start;
        padding: var(--cs-space-4, 1rem);
        border: 2px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
        font-weight: 400;
        cursor: pointer;
      }

      .tier:has(input:checked) {
        border-color: var(--cs-color-accent, #6b2fd6);
        background: var(--cs-color-accent-soft, #eee7fd);
      }

      .tier:has(input:focus-visible) {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }

      .tier:has(input:disabled) {
        opacity: 0.55;
        cursor: not-allowed;
      }

      .tier input {
        position: absolute;
        inset: 0;
        opacity: 0;
        margin: 0;
        cursor: inherit;
      }

      .tier-head {
        display: flex;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
        font-weight: 700;
      }

      .terms {
        margin: 0;
        padding-inline-start: 1.1rem;
        font-size: 0.9rem;
        color: var(--cs-color-text-muted, #5b5868);
      }

      .buy {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--cs-space-3, 0.75rem);
      }

      .buy .field {
        flex: 1 1 12rem;
      }

      .links {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .description {
        white-space: pre-line;
      }
    `,
  ];

  declare beat: Beat | null;
  declare licences: BeatLicences | null;
  declare tier: LicenceTier | null;
  declare coupon: string;
  declare email: string;
  declare emailError: FieldMessage | undefined;
  declare links: DownloadLink[];
  declare loading: boolean;
  declare offlineCopy: boolean;
  declare error: string;
  declare status: string;
  declare busy: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #beats = new ApiController(this, (client) => new BeatsApi(client));
  readonly #commerce = new ApiController(this, (client) => new CommerceApi(client));
  readonly #messages = new ApiController(this, (client) => new MessagesApi(client));
  readonly #player = new PlayerController(this);
  readonly #cache: CatalogCache = createDexieCatalogCache();
  #loadedId = '';

  constructor() {
    super();
    this.beat = null;
    this.licences = null;
    this.tier = null;
    this.coupon = '';
    this.email = '';
    this.emailError = undefined;
    this.links = [];
    this.loading = true;
    this.offlineCopy = false;
    this.error = '';
    this.status = '';
    this.busy = false;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  get #beatId(): string {
    return matchRoute([{ path: '/beats/:id' }], location.pathname)?.params['id'] ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The same element may be reused for another beat (links between beats): load when the id changes.
    // No id: the URL already left this page (a re-render while the next page loads).
    const id = this.#beatId;
    if (this.#beats.available && id && id !== this.#loadedId) void this.#load();
  }

  async #load(): Promise<void> {
    const id = this.#beatId;
    this.#loadedId = id;
    this.loading = true;
    this.error = '';
    this.links = [];
    const saved = await this.#cache.loadBeat(id).catch(() => null);
    if (saved && this.#loadedId === id) {
      this.beat = saved.beat;
      this.offlineCopy = true;
    }
    try {
      const beat = await this.#beats.value.get(id);
      if (this.#loadedId !== id) return;
      this.beat = beat;
      this.offlineCopy = false;
      void this.#cache.saveBeat(beat, Date.now()).catch((error: unknown) => console.warn(error));
    } catch (error) {
      if (this.#loadedId !== id) return;
      if (!saved || !(error instanceof ApiError && error.isNetworkError)) {
        this.beat = null;
        this.error = errorMessage(error, (key) => this.#i18n.t(key));
      }
    } finally {
      if (this.#loadedId === id) this.loading = false;
    }
    await this.#loadLicences(id);
  }

  async #loadLicences(id: string): Promise<void> {
    try {
      const licences = await this.#commerce.value.licences(id);
      if (this.#loadedId !== id) return;
      this.licences = licences;
      const available = licences.tiers.filter((tier) => tier.enabled && !(tier.tier === 'exclusive' && licences.exclusiveSold));
      if (!this.tier || !available.some((tier) => tier.tier === this.tier)) this.tier = available[0]?.tier ?? null;
    } catch (error) {
      if (this.#loadedId !== id) return;
      this.licences = null;
      if (!(error instanceof ApiError && error.isNetworkError)) console.warn(new Error(`Could not load the licences of ${id}`, { cause: error }));
    }
  }

  get #isMine(): boolean {
    return !!this.beat && this.#session.available && this.#session.value.user?.id === this.beat.producerId;
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const beat = this.beat;
    if (!beat) {
      return html`<div class="page" aria-busy=${this.loading ? 'true' : 'false'}>
        <a href="/beats">${t('marketplace.beatPage.back')}</a>
        <h1 tabindex="-1">${this.loading ? t('marketplace.beatPage.loading') : t('marketplace.beatPage.notFound')}</h1>
        <div class="live" role="status" aria-live="polite">${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}</div>
      </div>`;
    }
    const player = this.#player.value;
    const current = player?.track?.id === beat.id;
    const playing = player?.isPlaying(beat.id) ?? false;
    const playable = beat.audio !== null && beat.status === 'published';
    // What plays is the tagged preview, which may be shorter than the master (capped by the server).
    const previewSeconds = beat.audio?.preview?.durationSeconds ?? beat.audio?.durationSeconds ?? 0;
    const duration = current ? (player?.duration ?? 0) : previewSeconds;
    const position = current ? (player?.currentTime ?? 0) : 0;
    return html`<div class="page">
      <a href="/beats">${t('marketplace.beatPage.back')}</a>
      <header class="page-header">
        <h1 tabindex="-1">${beat.title}</h1>
        <p class="lead"><a href="/producers/${encodeURIComponent(beat.producerId)}">${t('marketplace.beat.by', { producer: beat.producerName })}</a></p>
        <ul class="chips">
          <li class="chip accent">${genreLabel(beat.genre, t)}</li>
          ${beat.bpm !== null ? html`<li class="chip">${t('marketplace.beat.bpm', { bpm: beat.bpm })}</li>` : nothing}
          ${beat.musicalKey !== null ? html`<li class="chip">${keyLabel(beat.musicalKey, t)}</li>` : nothing}
          ${beat.mood !== null ? html`<li class="chip">${moodLabel(beat.mood, t)}</li>` : nothing}
          ${beat.tags.map((tag) => html`<li class="chip">#${tag}</li>`)}
          ${beat.status === 'draft' ? html`<li class="chip">${t('marketplace.beat.draft')}</li>` : nothing}
        </ul>
      </header>
      <div class="live" role="status" aria-live="polite">
        ${this.offlineCopy ? html`<p class="notice warning">${t('marketplace.beatPage.offlineCopy')}</p>` : nothing}
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <section class="panel hero" aria-label=${t('marketplace.beatPage.listen')}>
        <button
          class="play"
          type="button"
          ?disabled=${!playable}
          aria-label=${playing ? t('marketplace.beat.pause', { title: beat.title }) : t('marketplace.beat.play', { title: beat.title })}
          aria-pressed=${playing ? 'true' : 'false'}
          @click=${this.#play}
        >
          <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">${svg`<path d=${playing ? PAUSE_PATH : PLAY_PATH} />`}</svg>
        </button>
        <div class="waveform">
          <cs-waveform
            .peaks=${beat.audio?.peaks ?? null}
            .currentTime=${position}
            .duration=${duration}
            .label=${t('marketplace.player.position', { title: beat.title })}
            .valueText=${t('marketplace.player.clock', { current: formatClock(position), total: formatClock(duration) })}
            @cs-seek=${this.#seek}
          ></cs-waveform>
          <p class="muted">${t('marketplace.beatPage.previewNote', { duration: formatClock(previewSeconds) })}</p>
        </div>
      </section>
      ${beat.description ? html`<p class="description">${beat.description}</p>` : nothing} ${this.#renderLicences(beat)}
      ${beat.freeDownload && !this.#isMine ? this.#renderFreeDownload(beat) : nothing}
      <div class="row">
        ${this.#isMine
          ? html`<a class="button secondary" href="/studio?beat=${encodeURIComponent(beat.id)}">${t('marketplace.beatPage.editInStudio')}</a>`
          : html`<button class="button secondary" type="button" ?disabled=${this.busy} @click=${this.#messageProducer}>${t('marketplace.beatPage.message')}</button>`}
        <a class="button quiet" href="/producers/${encodeURIComponent(beat.producerId)}">${t('marketplace.beatPage.storefront', { producer: beat.producerName })}</a>
      </div>
    </div>`;
  }

  #renderLicences(beat: Beat) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const licences = this.licences;
    if (!licences) return nothing;
    const locale = this.#i18n.locale;
    const online = this.#connectivity.value.online;
    const tiers = licences.tiers.filter((tier) => tier.enabled);
    return html`<section class="stack" aria-labelledby="licences-heading">
      <h2 id="licences-heading">${t('marketplace.beatPage.licences')}</h2>
      ${licences.exclusiveSold ? html`<p class="notice warning">${t('marketplace.beatPage.exclusiveSold')}</p>` : nothing}
      <form class="stack" @submit=${this.#buy}>
        <fieldset>
          <legend class="visually-hidden">${t('marketplace.beatPage.chooseLicence')}</legend>
          <div class="tiers">
            ${tiers.map((terms) => {
              const soldOut = terms.tier === 'exclusive' && licences.exclusiveSold;
              return html`<label class="tier">
                <input type="radio" name="tier" value=${terms.tier} .checked=${live(this.tier === terms.tier)} ?disabled=${soldOut} @change=${() => (this.tier = terms.tier)} />
                <span class="tier-head"><span>${tierLabel(terms.tier, t)}</span><span class="price">${formatPrice(terms.price, locale)}</span></span>
                <span class="muted">${t('marketplace.beatPage.files', { files: terms.files.map((file) => fileLabel(file, t)).join(', ') })}</span>
                <ul class="terms">
                  ${capLines(terms.caps, t, (value) => this.#i18n.formatNumber(value)).map((line) => html`<li>${line}</li>`)}
                </ul>
              </label>`;
            })}
          </div>
        </fieldset>
        ${this.#isMine
          ? nothing
          : html`<div class="buy">
              <div class="field">
                <label for="coupon">${t('marketplace.beatPage.coupon')}</label>
                <input id="coupon" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" .value=${live(this.coupon)} @input=${(event: Event) => (this.coupon = (event.target as HTMLInputElement).value)} />
              </div>
              <button class="button" type="submit" ?disabled=${this.busy || !this.tier || !online || beat.status !== 'published'}>
                ${this.tier ? t('marketplace.beatPage.buy', { tier: tierLabel(this.tier, t) }) : t('marketplace.beatPage.buyNone')}
              </button>
              <button class="button secondary" type="button" id="add-to-cart" ?disabled=${!this.tier || beat.status !== 'published'} @click=${() => this.#addToCart(beat)}>
                ${t('marketplace.cart.add')}
              </button>
            </div>
            ${cartLink(this.#session.available ? this.#session.value.user?.id : undefined, t)}`}
        ${online ? nothing : html`<p class="muted">${t('marketplace.beatPage.buyOffline')}</p>`}
      </form>
    </section>`;
  }

  #renderFreeDownload(beat: Beat) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const error = fieldMessageText(this.emailError, t);
    return html`<section class="panel" aria-labelledby="free-heading">
      <h2 id="free-heading">${t('marketplace.beatPage.freeTitle')}</h2>
      ${this.links.length
        ? html`<ul class="links">
            ${this.links.map((link) => html`<li><a class="button secondary" href=${link.url} download>${t('marketplace.download.file', { file: fileLabel(link.file, t) })}</a></li>`)}
          </ul>`
        : html`<form class="buy" novalidate @submit=${(event: Event) => this.#freeDownload(event, beat)}>
            <div class="field">
              <label for="free-email">${t('marketplace.beatPage.freeEmail')}</label>
              <input
                id="free-email"
                type="email"
                autocomplete="email"
                .value=${live(this.email)}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby="free-email-error"
                @input=${(event: Event) => {
                  this.email = (event.target as HTMLInputElement).value;
                  this.emailError = undefined;
                }}
              />
              <p class="field-error" id="free-email-error">${error ?? ''}</p>
            </div>
            <button class="button secondary" type="submit" ?disabled=${this.busy}>${t('marketplace.beatPage.freeSubmit')}</button>
          </form>`}
    </section>`;
  }

  readonly #play = (): void => {
    if (this.beat) this.#player.value?.playQueue([beatTrack(this.beat)], 0);
  };

  readonly #seek = (event: CustomEvent<{ seconds: number }>): void => {
    const player = this.#player.value;
    if (!player || !this.beat) return;
    if (player.track?.id !== this.beat.id) player.playQueue([beatTrack(this.beat)], 0);
    player.seek(event.detail.seconds);
  };

  async #run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      await action();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  }

  #requireSignIn(): boolean {
    if (this.#session.value.user) return true;
    navigate(this, `/sign-in?${new URLSearchParams({ next: location.pathname })}`);
    return false;
  }

  #addToCart(beat: Beat): void {
    const tier = this.tier;
    const terms = this.licences?.tiers.find((entry) => entry.tier === tier);
    if (!tier || !terms || !this.#requireSignIn()) return;
    const added = cartOf(this.#session.value.user!.id).add({ beatId: beat.id, tier, title: beat.title, producerName: beat.producerName, price: terms.price });
    const values = { title: beat.title, tier: tierLabel(tier, (id) => this.#i18n.t(id)) };
    this.error = added === 'full' ? this.#i18n.t('marketplace.cart.full') : '';
    this.status = added === 'full' ? '' : this.#i18n.t(added === 'added' ? messageId('marketplace.cart.added') : messageId('marketplace.cart.replaced'), values);
  }

  readonly #buy = (event: Event): void => {
    event.preventDefault();
    const beat = this.beat;
    const tier = this.tier;
    if (!beat || !tier || !this.#requireSignIn()) return;
    void this.#run(async () => {
      const checkout = await this.#commerce.value.purchase(beat.id, tier, this.coupon.trim() || undefined);
      followUrl(this, checkout.checkoutUrl);
    });
  };

  #freeDownload(event: Event, beat: Beat): void {
    event.preventDefault();
    const result = validateForm(FreeDownloadRequest, { email: this.email.trim() });
    if (!result.success) {
      this.emailError = result.errors['email'];
      this.renderRoot.querySelector<HTMLInputElement>('#free-email')?.focus();
      return;
    }
    void this.#run(async () => {
      this.links = [await this.#commerce.value.freeDownload(beat.id, result.data.email)];
      this.status = this.#i18n.t('marketplace.beatPage.freeReady');
    });
  }

  readonly #messageProducer = (): void => {
    const beat = this.beat;
    if (!beat || !this.#requireSignIn()) return;
    void this.#run(async () => {
      const conversation = await this.#messages.value.start(beat.producerId, beat.id);
      navigate(this, `/messages/${encodeURIComponent(conversation.id)}`);
    });
  };
}

customElements.define('cs-beat-page', CsBeatPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-beat-page': CsBeatPage;
  }
}
