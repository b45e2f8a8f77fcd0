import { css, html, LitElement, unsafeCSS, type PropertyValues } from 'lit';
import uPlot from 'uplot';
// uPlot's stylesheet as text, adopted by this shadow root as a constructable stylesheet: the CSP
// (style-src 'self') forbids <style> elements, and a document-level <link> would not reach in here.
import uPlotStyles from 'uplot/dist/uPlot.min.css?inline';
import type { AnalyticsDay } from '../../../shared/schemas/analytics.ts';
import { baseStyles } from '../../ui/base-styles.ts';

const WHOLE_INCREMENTS = Array.from({ length: 30 }, (_, index) => [1, 2, 5][index % 3]! * 10 ** Math.floor(index / 3));

export interface ChartLabels {
  /** The x series' name in the legend (uPlot's default is the English "Time"). */
  day: string;
  plays: string;
  sales: string;
  revenue: string;
  formatMoney: (value: number) => string;
  formatCount: (value: number) => string;
  formatDay: (epochSeconds: number) => string;
}

/**
 * Plays, sales and revenue per day as a uPlot line chart: counts on the left axis, money on the
 * right. Sized to its container (ResizeObserver); colours from the --cs-* tokens, so dark mode works.
 * The host page gives the same numbers as a table for screen readers.
 */
export class CsAnalyticsChart extends LitElement {
  static override properties = {
    days: { attribute: false },
    labels: { attribute: false },
  };

  static override styles = [
    baseStyles,
    unsafeCSS(uPlotStyles),
    css`
      :host {
        display: block;
        min-width: 0;
      }

      .chart {
        min-height: 280px;
      }

      .u-legend {
        color: var(--cs-color-text, #17151f);
        font-size: 0.85rem;
      }
    `,
  ];

  declare days: AnalyticsDay[];
  declare labels: ChartLabels | null;

  #plot: uPlot | null = null;
  #resize: ResizeObserver | null = null;

  constructor() {
    super();
    this.days = [];
    this.labels = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#fit());
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#plot?.destroy();
    this.#plot = null;
  }

  override render() {
    return html`<div class="chart" aria-hidden="true"></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('days') || changed.has('labels')) this.#draw();
  }

  #fit(): void {
    const width = Math.max(280, Math.floor(this.getBoundingClientRect().width));
    if (this.#plot && Math.abs(this.#plot.width - width) > 1) this.#plot.setSize({ width, height: 280 });
  }

  #draw(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.chart');
    const labels = this.labels;
    if (!container || !labels) return;
    this.#plot?.destroy();
    const style = getComputedStyle(this);
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const text = token('--cs-color-text-muted', '#5b5868');
    const grid = token('--cs-color-border', '#dedbe9');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const data: uPlot.AlignedData = [
      this.days.map((day) => Date.parse(`${day.date}T00:00:00Z`) / 1000),
      this.days.map((day) => day.plays),
      this.days.map((day) => day.sales),
      this.days.map((day) => day.revenue),
    ];
    const width = Math.max(280, Math.floor(this.getBoundingClientRect().width));
    this.#plot = new uPlot(
      {
        width,
        height: 280,
        scales: { x: { time: true }, count: { auto: true, range: (_plot, _min, max) => [0, Math.max(1, max)] }, money: { auto: true, range: (_plot, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { ...axis, values: (_plot, ticks) => ticks.map((tick) => labels.formatDay(tick)) },
          // Counts are whole: ticks at 1, 2, 5, 10, 20, 50… never 0.2.
          { ...axis, scale: 'count', incrs: WHOLE_INCREMENTS, values: (_plot, ticks) => ticks.map((tick) => labels.formatCount(tick)) },
          { ...axis, scale: 'money', side: 1, grid: { show: false }, values: (_plot, ticks) => ticks.map((tick) => labels.formatMoney(tick)) },
        ],
        series: [
          { label: labels.day, value: (_plot, value) => (value === null ? '' : labels.formatDay(value)) },
          { label: labels.plays, scale: 'count', stroke: token('--cs-color-accent', '#6b2fd6'), width: 2 },
          { label: labels.sales, scale: 'count', stroke: token('--cs-color-success', '#067647'), width: 2, points: { show: true } },
          { label: labels.revenue, scale: 'money', stroke: token('--cs-color-highlight', '#e0457b'), width: 2, dash: [6, 4], value: (_plot, value) => (value === null ? '' : labels.formatMoney(value)) },
        ],
      },
      data,
      container,
    );
  }
}

customElements.define('cs-analytics-chart', CsAnalyticsChart);

declare global {
  interface HTMLElementTagNameMap {
    'cs-analytics-chart': CsAnalyticsChart;
  }
}
