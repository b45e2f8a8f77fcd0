import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import type { LicenceTerms } from '../../../shared/project/licence-terms.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { capLines, fileLabel, tierLabel } from '../marketplace/licence-labels.ts';
import { projectStyles } from './project-styles.ts';
import { saveBlob } from '../../ui/save-blob.ts';

/**
 * The licence a song was started from (read from the song document, so it shows offline): beat,
 * producer, tier, files and usage caps, the licence id, the contract PDF and a link that opens the
 * beat's audio in Mixmaster1. The contract and the audio need the buyer's (or producer's) session.
 */
export class CsLicenceTerms extends LitElement {
  static override properties = {
    terms: { attribute: false },
    online: { type: Boolean },
    busy: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    projectStyles,
    css`
      :host {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      p,
      ul {
        margin: 0;
      }
      .terms {
        padding-inline-start: 1.1rem;
        font-size: 0.9rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-1, 0.25rem);
        padding: 0;
        list-style: none;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare terms: LicenceTerms | null;
  declare online: boolean;
  declare busy: boolean;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  #client: ApiClient | null = null;

  constructor() {
    super();
    this.terms = null;
    this.online = true;
    this.busy = false;
    this.error = '';
    new ContextConsumer(this, { context: apiContext, callback: (client) => (this.#client = client) });
  }

  override render() {
    const terms = this.terms;
    if (!this.#i18n.available || !terms) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const mixer = `/mixer?${new URLSearchParams({ licence: terms.licenceId, name: terms.beatTitle }).toString()}`;
    return html`<p id="licence-summary">${t('projects.licence.summary', { beat: terms.beatTitle, producer: terms.producerName, tier: tierLabel(terms.tier, t) })}</p>
      <ul class="chips" aria-label=${t('projects.licence.files')}>
        ${terms.files.map((file) => html`<li class="chip">${fileLabel(file, t)}</li>`)}
      </ul>
      <ul class="terms" aria-label=${t('projects.licence.usage')}>
        ${capLines(terms.caps, t, (value) => this.#i18n.formatNumber(value)).map((line) => html`<li>${line}</li>`)}
      </ul>
      <p class="muted">${t('projects.licence.id', { id: terms.licenceId })}</p>
      <p class="muted">${t('projects.licence.note')}</p>
      <div class="row-actions">
        <button class="button secondary small" type="button" ?disabled=${this.busy || !this.online} @click=${this.#downloadContract}>${t('projects.licence.contract')}</button>
        <a class="button secondary small" href=${mixer}>${t('projects.licence.openMixer')}</a>
      </div>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}`;
  }

  readonly #downloadContract = async (): Promise<void> => {
    const terms = this.terms;
    if (!terms || !this.#client || this.busy || !terms.contractUrl.startsWith('/api/licences/')) return;
    this.busy = true;
    this.error = '';
    try {
      saveBlob(await this.#client.requestBlob({ method: 'GET', path: terms.contractUrl as `/api/${string}`, authenticated: true }), `licence-${terms.licenceId}.pdf`);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  };
}

customElements.define('cs-licence-terms', CsLicenceTerms);

declare global {
  interface HTMLElementTagNameMap {
    'cs-licence-terms': CsLicenceTerms;
  }
}
