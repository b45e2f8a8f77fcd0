import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { Beat } from '../../../shared/schemas/beats.ts';
import { formatPrice, genreLabel, keyLabel, moodLabel } from './beat-labels.ts';
import { PAUSE_PATH, PLAY_PATH } from './marketplace-styles.ts';

export interface BeatCardOptions {
  t: (id: string, values?: Record<string, unknown>) => string;
  locale: string;
  playing: boolean;
  onPlay: () => void;
}

/**
 * One beat in a list: play button, title (links to the beat page), producer (links to the
 * storefront), facts and price. A template rather than an element so the list stays one shadow root
 * (and one tab order) with its page.
 */
export function beatCard(beat: Beat, options: BeatCardOptions): TemplateResult {
  const { t } = options;
  const playable = beat.audio !== null && beat.status === 'published';
  return html`<article class="beat-card" aria-labelledby="beat-${beat.id}">
    <button
      class="play"
      type="button"
      aria-label=${options.playing ? t('marketplace.beat.pause', { title: beat.title }) : t('marketplace.beat.play', { title: beat.title })}
      aria-pressed=${options.playing ? 'true' : 'false'}
      ?disabled=${!playable}
      @click=${options.onPlay}
    >
      <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">${svg`<path d=${options.playing ? PAUSE_PATH : PLAY_PATH} />`}</svg>
    </button>
    <div class="beat-main">
      <h2 class="beat-title" id="beat-${beat.id}"><a href="/beats/${encodeURIComponent(beat.id)}">${beat.title}</a></h2>
      <a class="beat-producer" href="/producers/${encodeURIComponent(beat.producerId)}">${t('marketplace.beat.by', { producer: beat.producerName })}</a>
      <ul class="chips">
        <li class="chip accent">${genreLabel(beat.genre, t)}</li>
        ${beat.bpm !== null ? html`<li class="chip">${t('marketplace.beat.bpm', { bpm: beat.bpm })}</li>` : nothing}
        ${beat.musicalKey !== null ? html`<li class="chip">${keyLabel(beat.musicalKey, t)}</li>` : nothing}
        ${beat.mood !== null ? html`<li class="chip">${moodLabel(beat.mood, t)}</li>` : nothing}
        ${beat.freeDownload ? html`<li class="chip success">${t('marketplace.beat.freeDownload')}</li>` : nothing}
        ${beat.status === 'draft' ? html`<li class="chip">${t('marketplace.beat.draft')}</li>` : nothing}
      </ul>
    </div>
    <p class="price"><span class="visually-hidden">${t('marketplace.beat.priceLabel')}</span> ${formatPrice(beat.price, options.locale)}</p>
  </article>`;
}

export const beatCardStyles = css`
  .beat-list {
    display: grid;
    gap: var(--cs-space-3, 0.75rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .beat-card {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--cs-space-3, 0.75rem);
    padding: var(--cs-space-3, 0.75rem) var(--cs-space-4, 1rem);
    border: 1px solid var(--cs-color-border, #dedbe9);
    border-radius: var(--cs-radius, 12px);
    background: var(--cs-color-surface, #fff);
  }

  .beat-main {
    display: grid;
    gap: 0.2rem;
    min-width: 0;
  }

  .beat-title {
    font-size: 1.05rem;
    overflow-wrap: anywhere;
  }

  .beat-title a {
    color: var(--cs-color-text, #17151f);
    text-decoration: none;
  }

  .beat-title a:hover {
    color: var(--cs-color-accent, #6b2fd6);
    text-decoration: underline;
  }

  .beat-producer {
    font-size: 0.9rem;
    color: var(--cs-color-text-muted, #5b5868);
    justify-self: start;
  }
`;
