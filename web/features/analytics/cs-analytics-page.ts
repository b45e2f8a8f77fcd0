import { css, html, LitElement, nothing } from 'lit';
import type { AnalyticsSummary, AnalyticsTimeSeries, AnalyticsTopBeats, AnalyticsTopCountries } from '../../../shared/schemas/analytics.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { formatPrice } from '../marketplace/beat-labels.ts';
import { marketplaceStyles } from '../marketplace/marketplace-styles.ts';
import { studioStyles } from '../marketplace/studio-styles.ts';
import { AnalyticsApi, lastDays, type DayRange } from './analytics-api.ts';
import './cs-analytics-chart.ts';
import { saveBlob } from '../../ui/save-blob.ts';

const RANGES = [7, 30, 90] as const;

/**
 * /studio/analytics: the producer's numbers for the chosen range. Summary cards, a uPlot chart of
 * plays, sales and revenue per day (with the same numbers as a table), top beats, top countries,
 * and the per-beat-per-day CSV.
 */
export class CsAnalyticsPage extends LitElement {
  static override properties = {
    days: { state: true },
    summary: { state: true },
    series: { state: true },
    topBeats: { state: true },
    countries: { state: true },
    loading: { state: true },
    error: { state: true },
    status: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    marketplaceStyles,
    studioStyles,
    css`
      :host {
        --cs-page-width: 64rem;
      }

      .cards {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .stat {
        display: grid;
        gap: 0.15rem;
        padding: var(--cs-space-3, 0.75rem) var(--cs-space-4, 1rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
      }

      .stat .label {
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.85rem;
        font-weight: 600;
      }

      .stat .value {
        font-size: 1.5rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }

      .two {
        display: grid;
        gap: var(--cs-space-4, 1rem);
      }

      td.number,
      th.number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }

      summary {
        cursor: pointer;
        font-weight: 600;
      }

      .toolbar {
        align-items: flex-end;
      }

      .toolbar select {
        width: auto;
      }

      @media (min-width: 760px) {
        .two {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  declare days: (typeof RANGES)[number];
  declare summary: AnalyticsSummary | null;
  declare series: AnalyticsTimeSeries | null;
  declare topBeats: AnalyticsTopBeats | null;
  declare countries: AnalyticsTopCountries | null;
  declare loading: boolean;
  declare error: string;
  declare status: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new AnalyticsApi(client));
  #loadedFor = 0;
  #request = 0;

  constructor() {
    super();
    this.days = 30;
    this.summary = null;
    this.series = null;
    this.topBeats = null;
    this.countries = null;
    this.loading = true;
    this.error = '';
    this.status = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  get #range(): DayRange {
    return lastDays(this.days, new Date());
  }

  protected override willUpdate(): void {
    if (this.#api.available && this.#loadedFor !== this.days) {
      this.#loadedFor = this.days;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const request = ++this.#request;
    const range = this.#range;
    this.loading = true;
    this.error = '';
    try {
      const api = this.#api.value;
      const [summary, series, topBeats, countries] = await Promise.all([api.summary(range), api.timeSeries(range), api.topBeats(range), api.topCountries(range)]);
      if (request !== this.#request) return;
      this.summary = summary;
      this.series = series;
      this.topBeats = topBeats;
      this.countries = countries;
    } catch (error) {
      if (request === this.#request) this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  readonly #export = async (): Promise<void> => {
    this.error = '';
    try {
      const range = this.#range;
      saveBlob(await this.#api.value.exportCsv(range), `creatorsync-analytics-${range.from}-${range.to}.csv`);
      this.status = this.#i18n.t('analytics.exported');
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  };

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const number = (value: number) => this.#i18n.formatNumber(value);
    const money = (value: number) => formatPrice(value, this.#i18n.locale);
    const summary = this.summary;
    const dayFormat = new Intl.DateTimeFormat(this.#i18n.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const countryNames = new Intl.DisplayNames([this.#i18n.locale], { type: 'region' });
    const country = (code: string) => {
      if (code === 'unknown') return t('analytics.unknownCountry');
      try {
        return countryNames.of(code) ?? code;
      } catch {
        // Not a region code Intl knows: show it as sent.
        return code;
      }
    };
    return html`<div class="page">
      <header class="page-header">
        <a href="/studio">${t('analytics.back')}</a>
        <h1 tabindex="-1">${t('analytics.title')}</h1>
        <div class="row toolbar">
          <div class="field">
            <label for="range">${t('analytics.range')}</label>
            <select id="range" @change=${(event: Event) => (this.days = Number((event.target as HTMLSelectElement).value) as (typeof RANGES)[number])}>
              ${RANGES.map((days) => html`<option value=${days} ?selected=${this.days === days}>${t('analytics.lastDays', { days })}</option>`)}
            </select>
          </div>
          <button class="button secondary" type="button" @click=${() => void this.#export()}>${t('analytics.exportCsv')}</button>
        </div>
      </header>
      <div class="live" role="status" aria-live="polite">
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <section aria-labelledby="summary-heading" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="summary-heading" class="visually-hidden">${t('analytics.summary')}</h2>
        ${summary
          ? html`<ul class="cards">
              ${[
                [t('analytics.plays'), number(summary.plays), 'stat-plays'],
                [t('analytics.listeners'), number(summary.uniqueListeners), 'stat-listeners'],
                [t('analytics.downloads'), number(summary.downloads), 'stat-downloads'],
                [t('analytics.sales'), number(summary.sales), 'stat-sales'],
                [t('analytics.revenue'), money(summary.revenue), 'stat-revenue'],
                [t('analytics.conversion'), new Intl.NumberFormat(this.#i18n.locale, { style: 'percent', maximumFractionDigits: 1 }).format(summary.conversion), 'stat-conversion'],
              ].map(([label, value, id]) => html`<li class="stat"><span class="label" id=${id ?? ''}>${label}</span><span class="value" aria-describedby=${id ?? ''}>${value}</span></li>`)}
            </ul>`
          : nothing}
      </section>
      ${this.series
        ? html`<section class="panel" aria-labelledby="chart-heading">
            <h2 id="chart-heading">${t('analytics.perDay')}</h2>
            <cs-analytics-chart
              .days=${this.series.days}
              .labels=${{
                day: t('analytics.day'),
                plays: t('analytics.plays'),
                sales: t('analytics.sales'),
                revenue: t('analytics.revenue'),
                formatMoney: money,
                formatCount: number,
                formatDay: (seconds: number) => dayFormat.format(new Date(seconds * 1000)),
              }}
            ></cs-analytics-chart>
            <details>
              <summary>${t('analytics.asTable')}</summary>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t('analytics.day')}</th>
                      <th scope="col" class="number">${t('analytics.plays')}</th>
                      <th scope="col" class="number">${t('analytics.sales')}</th>
                      <th scope="col" class="number">${t('analytics.revenue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.series.days.map(
                      (day) => html`<tr>
                        <th scope="row">${dayFormat.format(new Date(`${day.date}T00:00:00Z`))}</th>
                        <td class="number">${number(day.plays)}</td>
                        <td class="number">${number(day.sales)}</td>
                        <td class="number">${money(day.revenue)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
            </details>
          </section>`
        : nothing}
      <div class="two">
        <section class="panel" aria-labelledby="top-beats-heading">
          <h2 id="top-beats-heading">${t('analytics.topBeats')}</h2>
          ${this.topBeats?.beats.length
            ? html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t('analytics.beat')}</th>
                      <th scope="col" class="number">${t('analytics.plays')}</th>
                      <th scope="col" class="number">${t('analytics.sales')}</th>
                      <th scope="col" class="number">${t('analytics.revenue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.topBeats.beats.map(
                      (beat) => html`<tr>
                        <th scope="row"><a href="/beats/${encodeURIComponent(beat.beatId)}">${beat.title}</a></th>
                        <td class="number">${number(beat.plays)}</td>
                        <td class="number">${number(beat.sales)}</td>
                        <td class="number">${money(beat.revenue)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : html`<p class="muted">${t('analytics.nothingYet')}</p>`}
        </section>
        <section class="panel" aria-labelledby="countries-heading">
          <h2 id="countries-heading">${t('analytics.topCountries')}</h2>
          ${this.countries?.countries.length
            ? html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t('analytics.country')}</th>
                      <th scope="col" class="number">${t('analytics.plays')}</th>
                      <th scope="col" class="number">${t('analytics.listeners')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.countries.countries.map(
                      (row) => html`<tr>
                        <th scope="row">${country(row.country)}</th>
                        <td class="number">${number(row.plays)}</td>
                        <td class="number">${number(row.uniqueListeners)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : html`<p class="muted">${t('analytics.nothingYet')}</p>`}
        </section>
      </div>
    </div>`;
  }
}

customElements.define('cs-analytics-page', CsAnalyticsPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-analytics-page': CsAnalyticsPage;
  }
}
