import { css, html, LitElement, nothing } from 'lit';
import { channelStripPresetFields, channelStripPresetFromStrip, masteringPresetFields, masteringPresetFromMaster, presetSendSettings } from '../../../shared/mix/apply-preset.ts';
import { masterId } from '../../../shared/mix/mix-entities.ts';
import { PRESET_KINDS, PRESET_SEND_TARGETS, PresetInput, type Preset, type PresetKind } from '../../../shared/schemas/plugins.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import type { MixerSession, StripEdit } from './mixer-session.ts';
import { InstallReport, type PresetCatalogue } from './preset-catalogue.ts';
import { absentSend, findSend } from './strip-controls.ts';

/** A strip a preset can go on, as the console names it. */
export interface StripChoice {
  readonly id: string;
  readonly name: string;
}

const KIND_LABELS: Record<PresetKind, string> = {
  'channel-strip': messageId('mixer.presets.kind.channelStrip'),
  mastering: messageId('mixer.presets.kind.mastering'),
};

/** Wait after the last keystroke before searching. */
const SEARCH_DELAY_MS = 250;

type Translate = (id: string, values?: Record<string, unknown>) => string;

/**
 * Mixmaster1's presets: browse and search the published catalogue (or this device's copy of it when
 * offline), apply a channel-strip preset to a chosen strip or a mastering preset to the master (one
 * edit through the session, undoable from here), and save a strip as a new published preset.
 * A native modal `<dialog>`: focus goes to the search field on opening, Escape closes it, and focus
 * returns to the button that opened it.
 */
export class CsPresetDialog extends LitElement {
  static override properties = {
    session: { attribute: false },
    catalogue: { attribute: false },
    strips: { attribute: false },
    userId: { attribute: false },
    online: { type: Boolean },
    results: { state: true },
    fromCache: { state: true },
    loading: { state: true },
    kind: { state: true },
    targetId: { state: true },
    status: { state: true },
    error: { state: true },
    undo: { state: true },
    saveStatus: { state: true },
    saveError: { state: true },
    saving: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      dialog {
        inline-size: min(40rem, calc(100vw - 2rem));
        max-block-size: calc(100dvh - 2rem);
        padding: var(--cs-space-4, 1rem);
        border: 1px solid var(--cs-color-border, #d9d6e3);
        border-radius: var(--cs-radius, 0.5rem);
        background: var(--cs-color-surface, #fff);
        color: inherit;
      }
      dialog::backdrop {
        background: rgb(20 16 40 / 55%);
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-3, 0.75rem);
      }
      h2,
      h3 {
        margin: 0;
      }
      form,
      fieldset {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
      fieldset {
        margin: var(--cs-space-3, 0.75rem) 0 0;
        padding: var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #d9d6e3);
        border-radius: var(--cs-radius, 0.5rem);
      }
      legend {
        font-weight: 600;
      }
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: var(--cs-space-2, 0.5rem);
        margin-block: var(--cs-space-3, 0.75rem);
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.875rem;
      }
      input,
      select,
      textarea {
        box-sizing: border-box;
        inline-size: 100%;
        font: inherit;
      }
      ul {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        gap: 0.25rem;
        padding: var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #d9d6e3);
        border-radius: var(--cs-radius, 0.5rem);
      }
      li p {
        margin: 0;
      }
      .meta,
      .hint {
        color: var(--cs-color-text-muted, #5c5870);
        font-size: 0.875rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
      }
    `,
  ];

  declare session: MixerSession | null;
  declare catalogue: PresetCatalogue | null;
  declare strips: readonly StripChoice[];
  /** The signed-in account (null: a guest): installs are counted for it, and only it may save presets. */
  declare userId: string | null;
  declare online: boolean;
  declare results: readonly Preset[];
  declare fromCache: boolean;
  declare loading: boolean;
  declare kind: PresetKind | '';
  declare targetId: string;
  declare status: string;
  declare error: string;
  declare undo: StripEdit | null;
  declare saveStatus: string;
  declare saveError: string;
  declare saving: boolean;

  readonly #i18n = new LocaleController(this);
  #query = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #opener: HTMLElement | null = null;
  /** Bumped per search, so a slow answer never overwrites a newer one. */
  #searchGeneration = 0;

  constructor() {
    super();
    this.session = null;
    this.catalogue = null;
    this.strips = [];
    this.userId = null;
    this.online = true;
    this.results = [];
    this.fromCache = false;
    this.loading = false;
    this.kind = '';
    this.targetId = '';
    this.status = '';
    this.error = '';
    this.undo = null;
    this.saveStatus = '';
    this.saveError = '';
    this.saving = false;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog; focus comes back to `opener` when it closes. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.#opener = opener;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#preset-search')?.focus();
    void this.#search();
    if (this.online && this.userId) void this.catalogue?.flushPendingInstalls(this.userId).catch((error: unknown) => console.warn(error));
  }

  close(): void {
    this.#dialog?.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  readonly #onClose = (): void => {
    this.#opener?.focus();
    this.#opener = null;
  };

  override render() {
    if (!this.#i18n.available) return nothing;
    const t: Translate = (id, values) => this.#i18n.t(id, values);
    const target = this.targetId || this.strips[0]?.id || '';
    return html`<dialog aria-labelledby="presets-title" @close=${this.#onClose}>
      <div class="head">
        <h2 id="presets-title">${t('mixer.presets.title')}</h2>
        <button class="button secondary small" type="button" @click=${() => this.close()}>${t('mixer.presets.close')}</button>
      </div>
      <div class="filters" role="search">
        <label
          >${t('mixer.presets.search')}
          <input id="preset-search" type="search" autocomplete="off" @input=${this.#onQuery} />
        </label>
        <label
          >${t('mixer.presets.kind')}
          <select @change=${this.#onKind}>
            <option value="" ?selected=${this.kind === ''}>${t('mixer.presets.kind.all')}</option>
            ${PRESET_KINDS.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${t(KIND_LABELS[kind])}</option>`)}
          </select>
        </label>
        <label
          >${t('mixer.presets.target')}
          <select id="preset-target" @change=${(event: Event) => (this.targetId = (event.target as HTMLSelectElement).value)}>
            ${this.strips.map((strip) => html`<option value=${strip.id} ?selected=${strip.id === target}>${strip.name}</option>`)}
          </select>
        </label>
      </div>
      <p class="hint">${t('mixer.presets.masteringHint')}</p>
      <div role="status" aria-live="polite">
        ${this.fromCache ? html`<p class="notice warning">${t('mixer.presets.offline')}</p>` : nothing}
        ${this.status
          ? html`<p class="notice success row">
              <span>${this.status}</span>
              ${this.undo ? html`<button class="button secondary small" type="button" @click=${this.#onUndo}>${t('mixer.presets.undo')}</button>` : nothing}
            </p>`
          : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <section aria-labelledby="presets-list-title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h3 id="presets-list-title" class="visually-hidden">${t('mixer.presets.results', { count: this.results.length })}</h3>
        ${this.results.length
          ? html`<ul>
              ${this.results.map((preset) => this.#renderPreset(t, preset, target))}
            </ul>`
          : this.loading
            ? nothing
            : html`<p class="hint">${t('mixer.presets.none')}</p>`}
      </section>
      ${this.#renderSave(t)}
    </dialog>`;
  }

  #renderPreset(t: Translate, preset: Preset, target: string) {
    const onto = preset.kind === 'mastering' ? t('mixer.master.title') : (this.strips.find((strip) => strip.id === target)?.name ?? '');
    return html`<li>
      <h3>${preset.name}</h3>
      <p class="meta">
        ${t('mixer.presets.meta', { kind: t(KIND_LABELS[preset.kind]), author: preset.authorName, installs: this.#i18n.formatNumber(preset.installCount), count: preset.installCount })}
      </p>
      ${preset.description ? html`<p>${preset.description}</p>` : nothing}
      <div class="row">
        <button
          class="button small"
          type="button"
          ?disabled=${!this.session || onto === ''}
          aria-label=${t('mixer.presets.applyTo', { preset: preset.name, strip: onto })}
          @click=${() => void this.#apply(preset, target)}
        >
          ${t('mixer.presets.apply')}
        </button>
      </div>
    </li>`;
  }

  #renderSave(t: Translate) {
    const choices = [...this.strips, { id: masterId, name: t('mixer.master.title') }];
    return html`<form @submit=${this.#onSave}>
      <fieldset>
        <legend>${t('mixer.presets.save.title')}</legend>
        ${this.userId
          ? html`<label
                >${t('mixer.presets.save.strip')}
                <select name="strip">
                  ${choices.map((strip) => html`<option value=${strip.id}>${strip.name}</option>`)}
                </select>
              </label>
              <label>${t('mixer.presets.save.name')} <input name="name" required minlength="3" maxlength="80" autocomplete="off" /></label>
              <label>${t('mixer.presets.save.description')} <textarea name="description" rows="2" maxlength="2000"></textarea></label>
              <p class="hint">${t('mixer.presets.save.hint')}</p>
              <div class="row">
                <button class="button" type="submit" ?disabled=${this.saving || !this.online}>${t('mixer.presets.save.submit')}</button>
              </div>
              <div role="status" aria-live="polite">
                ${this.saveStatus ? html`<p class="notice success">${this.saveStatus}</p>` : nothing}
                ${this.saveError ? html`<p class="notice error">${this.saveError}</p>` : nothing}
              </div>`
          : html`<p class="hint">${t('mixer.presets.save.signIn')} <a href="/sign-in?next=/mixer">${t('mixer.presets.save.signInLink')}</a></p>`}
      </fieldset>
    </form>`;
  }

  readonly #onQuery = (event: Event): void => {
    this.#query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#search(), SEARCH_DELAY_MS);
  };

  readonly #onKind = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.kind = (PRESET_KINDS as readonly string[]).includes(value) ? (value as PresetKind) : '';
    void this.#search();
  };

  async #search(): Promise<void> {
    const catalogue = this.catalogue;
    if (!catalogue) return;
    const generation = ++this.#searchGeneration;
    this.loading = true;
    try {
      const results = await catalogue.search({ q: this.#query, kind: this.kind || undefined }, this.online);
      if (generation !== this.#searchGeneration) return;
      this.results = results.presets;
      this.fromCache = results.fromCache;
      this.error = '';
    } catch (error) {
      if (generation === this.#searchGeneration) this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      if (generation === this.#searchGeneration) this.loading = false;
    }
  }

  async #apply(preset: Preset, target: string): Promise<void> {
    const session = this.session;
    if (!session || !this.catalogue) return;
    const t: Translate = (id, values) => this.#i18n.t(id, values);
    this.error = '';
    let stripName: string;
    if (preset.kind === 'mastering') {
      this.undo = session.applyEdit({ stripId: masterId, fields: masteringPresetFields(preset.parameters), sends: [] });
      session.setMasteringTarget(preset.parameters.targetLufs);
      stripName = t('mixer.master.title');
    } else {
      const returns = session.effectReturnBuses();
      // Effect returns do not send to each other (no feedback loops), as in the console.
      const isReturn = Object.values(returns).includes(target);
      this.undo = session.applyEdit({ stripId: target, fields: channelStripPresetFields(preset.parameters), sends: isReturn ? [] : presetSendSettings(preset.parameters.sends, returns) });
      stripName = this.strips.find((strip) => strip.id === target)?.name ?? target;
    }
    this.status = t('mixer.presets.applied', { preset: preset.name, strip: stripName });
    try {
      const report = await this.catalogue.reportInstall(preset.id, this.userId);
      if (report === InstallReport.queued) this.status = `${this.status} ${t('mixer.presets.countLater')}`;
    } catch (error) {
      // The preset is applied either way; only the install count failed.
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  readonly #onUndo = (): void => {
    if (!this.undo || !this.session) return;
    this.session.applyEdit(this.undo);
    this.undo = null;
    this.status = this.#i18n.t('mixer.presets.undone');
  };

  readonly #onSave = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const session = this.session;
    if (!session || !this.catalogue || this.saving) return;
    const form = new FormData(event.target as HTMLFormElement);
    const stripId = String(form.get('strip') ?? '');
    const mix = session.mix;
    let candidate: unknown;
    if (stripId === masterId) {
      candidate = { kind: 'mastering', name: form.get('name'), description: form.get('description'), parameters: masteringPresetFromMaster(mix.master, session.masteringTargetLufs) };
    } else {
      const strip = mix.tracks[stripId] ?? mix.buses[stripId];
      if (!strip) return;
      const returns = session.effectReturnBuses();
      const sends = Object.fromEntries(
        PRESET_SEND_TARGETS.flatMap((role) => {
          const busId = returns[role];
          return busId ? [[role, findSend(mix.sends, stripId, busId) ?? absentSend]] : [];
        }),
      );
      candidate = { kind: 'channel-strip', name: form.get('name'), description: form.get('description'), parameters: channelStripPresetFromStrip(strip, sends) };
    }
    const parsed = PresetInput.safeParse(candidate);
    if (!parsed.success) {
      this.saveError = this.#i18n.t('mixer.presets.save.invalid');
      return;
    }
    this.saving = true;
    this.saveError = '';
    this.saveStatus = '';
    try {
      const preset = await this.catalogue.publish(parsed.data);
      this.saveStatus = this.#i18n.t('mixer.presets.save.done', { preset: preset.name });
      (event.target as HTMLFormElement).reset();
      void this.#search();
    } catch (error) {
      this.saveError = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.saving = false;
    }
  };
}

customElements.define('cs-preset-dialog', CsPresetDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cs-preset-dialog': CsPresetDialog;
  }
}
