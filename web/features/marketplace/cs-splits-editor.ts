import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { UpdateSplitsRequest } from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from './api-controller.ts';
import { CommerceApi } from './commerce-api.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { studioStyles } from './studio-styles.ts';

interface SplitRow {
  userId: string;
  displayName: string;
  percent: string;
}

/**
 * Who shares a beat's revenue: collaborator account ids and percentages that add up to 100
 * (checked with the API's schema before `PUT /api/beats/{id}/splits`).
 */
export class CsSplitsEditor extends LitElement {
  static override properties = {
    beatId: { attribute: false },
    rows: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
  };

  static override styles = [baseStyles, formStyles, marketplaceStyles, studioStyles];

  declare beatId: string;
  declare rows: SplitRow[];
  declare busy: boolean;
  declare error: string;
  declare status: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loadedFor = '';

  constructor() {
    super();
    this.beatId = '';
    this.rows = [];
    this.busy = false;
    this.error = '';
    this.status = '';
  }

  protected override willUpdate(): void {
    if (this.beatId && this.#api.available && this.#loadedFor !== this.beatId) {
      this.#loadedFor = this.beatId;
      void this.#load(this.beatId);
    }
  }

  async #load(beatId: string): Promise<void> {
    try {
      const splits = await this.#api.value.splits(beatId);
      if (beatId !== this.beatId) return;
      this.rows = splits.splits.map((split) => ({ userId: split.userId, displayName: split.displayName, percent: String(split.percent) }));
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  #update(index: number, change: Partial<SplitRow>): void {
    this.rows = this.rows.map((row, at) => (at === index ? { ...row, ...change } : row));
    this.status = '';
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const total = this.rows.reduce((sum, row) => sum + (Number(row.percent) || 0), 0);
    return html`<section class="panel" aria-labelledby="splits-heading">
      <h2 id="splits-heading">${t('marketplace.studio.splits')}</h2>
      <p class="muted">${t('marketplace.studio.splitsLead')}</p>
      <div class="live" role="status" aria-live="polite">
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <form class="stack" novalidate @submit=${this.#save}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${t('marketplace.studio.splitUser')}</th>
                <th scope="col">${t('marketplace.studio.splitPercent')}</th>
                <th scope="col"><span class="visually-hidden">${t('marketplace.studio.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.map(
                (row, index) => html`<tr>
                  <td>
                    ${row.displayName
                      ? html`<span>${row.displayName}</span>`
                      : html`<input
                          type="text"
                          aria-label=${t('marketplace.studio.splitUserOf', { row: index + 1 })}
                          .value=${live(row.userId)}
                          @input=${(event: Event) => this.#update(index, { userId: (event.target as HTMLInputElement).value.trim() })}
                        />`}
                  </td>
                  <td>
                    <input
                      type="number"
                      inputmode="decimal"
                      min="0.01"
                      max="100"
                      step="0.01"
                      aria-label=${t('marketplace.studio.splitPercentOf', { name: row.displayName || row.userId || index + 1 })}
                      .value=${live(row.percent)}
                      @input=${(event: Event) => this.#update(index, { percent: (event.target as HTMLInputElement).value })}
                    />
                  </td>
                  <td>
                    <button class="button quiet small" type="button" ?disabled=${this.rows.length <= 1} @click=${() => (this.rows = this.rows.filter((_, at) => at !== index))}>
                      ${t('marketplace.studio.remove')}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="muted">${t('marketplace.studio.splitTotal', { total: this.#i18n.formatNumber(Math.round(total * 100) / 100) })}</p>
        <div class="actions">
          <button class="button secondary" type="button" ?disabled=${this.rows.length >= 10} @click=${() => (this.rows = [...this.rows, { userId: '', displayName: '', percent: '' }])}>
            ${t('marketplace.studio.addSplit')}
          </button>
          <button class="button" type="submit" ?disabled=${this.busy || !this.rows.length}>${t('marketplace.studio.saveSplits')}</button>
        </div>
      </form>
    </section>`;
  }

  readonly #save = (event: Event): void => {
    event.preventDefault();
    if (this.busy) return;
    const parsed = UpdateSplitsRequest.safeParse({ splits: this.rows.map((row) => ({ userId: row.userId, percent: Number(row.percent.replace(',', '.')) })) });
    if (!parsed.success) {
      const total = parsed.error.issues.some((issue) => issue.message === 'splits_must_total_100');
      this.error = total ? this.#i18n.t('marketplace.studio.splitsTotalError') : this.#i18n.t('marketplace.studio.splitsInvalid');
      return;
    }
    this.busy = true;
    this.error = '';
    this.#api.value
      .updateSplits(this.beatId, parsed.data.splits)
      .then(
        (splits) => {
          this.rows = splits.splits.map((split) => ({ userId: split.userId, displayName: split.displayName, percent: String(split.percent) }));
          this.status = this.#i18n.t('marketplace.studio.splitsSaved');
        },
        (error: unknown) => {
          this.error = errorMessage(error, (id) => this.#i18n.t(id));
        },
      )
      .finally(() => {
        this.busy = false;
      });
  };
}

customElements.define('cs-splits-editor', CsSplitsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-splits-editor': CsSplitsEditor;
  }
}
