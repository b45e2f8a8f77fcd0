import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { BEAT_BPM_MAX, BEAT_BPM_MIN, BEAT_GENRES, BEAT_MOODS, BEAT_PRICE_MAX, BEAT_PRICE_MIN, BEAT_TITLE_MAX, BEAT_TITLE_MIN, CreateBeatRequest, MUSICAL_KEYS, type Beat } from '../../../shared/schemas/beats.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { focusFirstInvalid } from '../../ui/focus-first-invalid.ts';
import { fieldMessageText, textField } from '../../ui/form-field.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { fieldErrorsOf, validateForm, withoutFieldError, type FieldErrors } from '../../ui/form-validation.ts';
import { ApiController } from './api-controller.ts';
import { beatFormValues, draftFromBeat, EMPTY_BEAT_DRAFT, type BeatDraft } from './beat-form.ts';
import { genreLabel, keyLabel, moodLabel } from './beat-labels.ts';
import { BeatsApi } from './beats-api.ts';
import './cs-licence-editor.ts';
import './cs-splits-editor.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { studioStyles } from './studio-styles.ts';

/** Messages for out-of-range values of specific fields (the generic ones speak of characters). */
const RANGE_MESSAGES: Record<string, { id: string; values: Record<string, unknown> }> = {
  title: { id: messageId('marketplace.studio.error.title'), values: { min: BEAT_TITLE_MIN, max: BEAT_TITLE_MAX } },
  price: { id: messageId('marketplace.studio.error.price'), values: { min: BEAT_PRICE_MIN, max: BEAT_PRICE_MAX } },
  bpm: { id: messageId('marketplace.studio.error.bpm'), values: { min: BEAT_BPM_MIN, max: BEAT_BPM_MAX } },
  tags: { id: messageId('marketplace.studio.error.tags'), values: {} },
};

type Upload = { state: 'idle' } | { state: 'uploading'; sent: number; total: number } | { state: 'done' } | { state: 'failed'; message: string };

/**
 * One beat in the producer's studio: its metadata form (validated with the API's own schema),
 * the audio upload (raw body, with progress), publish / unpublish and delete, then its licence
 * tiers and collaborator splits. With no `beat` it is the "new beat" form.
 *
 * @fires cs-beat-saved - `{ beat }` after create, update, upload, publish or unpublish.
 * @fires cs-beat-deleted - `{ id }` after deleting.
 */
export class CsBeatEditor extends LitElement {
  static override properties = {
    beat: { attribute: false },
    draft: { state: true },
    errors: { state: true },
    upload: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
    confirmDelete: { state: true },
  };

  static override styles = [
    baseStyles,
    formStyles,
    marketplaceStyles,
    studioStyles,
    css`
      :host {
        display: grid;
        gap: var(--cs-space-5, 1.5rem);
      }

      .file-input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }

      .file-input:focus-visible + label {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }
    `,
  ];

  declare beat: Beat | null;
  declare draft: BeatDraft;
  declare errors: FieldErrors;
  declare upload: Upload;
  declare busy: boolean;
  declare error: string;
  declare status: string;
  declare confirmDelete: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new BeatsApi(client));
  #draftFor: string | null = null;

  constructor() {
    super();
    this.beat = null;
    this.draft = { ...EMPTY_BEAT_DRAFT };
    this.errors = {};
    this.upload = { state: 'idle' };
    this.busy = false;
    this.error = '';
    this.status = '';
    this.confirmDelete = false;
  }

  protected override willUpdate(): void {
    // A different beat was opened: its values replace the form's.
    const id = this.beat?.id ?? null;
    if (id !== this.#draftFor) {
      this.#draftFor = id;
      this.draft = this.beat ? draftFromBeat(this.beat) : { ...EMPTY_BEAT_DRAFT };
      this.errors = {};
      this.upload = { state: 'idle' };
      this.confirmDelete = false;
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const beat = this.beat;
    return html`<section class="panel" aria-labelledby="editor-heading">
        <div class="panel-head">
          <h2 id="editor-heading" tabindex="-1">${beat ? t('marketplace.studio.editTitle', { title: beat.title }) : t('marketplace.studio.newTitle')}</h2>
          ${beat ? html`<span class="chip ${beat.status === 'published' ? 'success' : ''}">${beat.status === 'published' ? t('marketplace.studio.published') : t('marketplace.beat.draft')}</span>` : nothing}
        </div>
        <div class="live" role="status" aria-live="polite">
          ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
          ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
        </div>
        ${this.#renderForm()} ${beat ? this.#renderAudio(beat) : nothing} ${beat ? this.#renderPublish(beat) : nothing}
      </section>
      ${beat ? html`<cs-licence-editor .beatId=${beat.id}></cs-licence-editor><cs-splits-editor .beatId=${beat.id}></cs-splits-editor>` : nothing}`;
  }

  #error(field: string): string | undefined {
    return fieldMessageText(this.errors[field], (id, values) => this.#i18n.t(id, values));
  }

  #set<Field extends keyof BeatDraft>(field: Field, value: BeatDraft[Field]): void {
    this.draft = { ...this.draft, [field]: value };
    this.errors = withoutFieldError(this.errors, field);
  }

  #renderForm() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const select = (field: 'genre' | 'musicalKey' | 'mood', label: string, empty: string, options: Array<[string, string]>, required = false) => {
      const error = this.#error(field);
      return html`<div class="field">
        <label for="beat-${field}">${label}</label>
        <select
          id="beat-${field}"
          name=${field}
          ?required=${required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="beat-${field}-error"
          @change=${(event: Event) => this.#set(field, (event.target as HTMLSelectElement).value as never)}
        >
          <option value="" ?selected=${this.draft[field] === ''}>${empty}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.draft[field] === value}>${text}</option>`)}
        </select>
        <p class="field-error" id="beat-${field}-error">${error ?? ''}</p>
      </div>`;
    };
    const numberField = (field: 'price' | 'bpm', label: string, hint: string, step: string) => {
      const error = this.#error(field);
      return html`<div class="field">
        <label for="beat-${field}">${label}</label>
        <input
          id="beat-${field}"
          name=${field}
          type="number"
          inputmode="decimal"
          step=${step}
          .value=${live(this.draft[field])}
          ?required=${field === 'price'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="beat-${field}-hint beat-${field}-error"
          @input=${(event: Event) => this.#set(field, (event.target as HTMLInputElement).value)}
        />
        <p class="hint" id="beat-${field}-hint">${hint}</p>
        <p class="field-error" id="beat-${field}-error">${error ?? ''}</p>
      </div>`;
    };
    return html`<form class="grid" novalidate @submit=${this.#save}>
      <div class="wide">
        ${textField({
          name: 'title',
          label: t('marketplace.studio.field.title'),
          value: this.draft.title,
          onInput: (value) => this.#set('title', value),
          required: true,
          maxLength: BEAT_TITLE_MAX,
          error: this.#error('title'),
        })}
      </div>
      ${select(
        'genre',
        t('marketplace.browse.genre'),
        t('marketplace.studio.choose'),
        BEAT_GENRES.map((genre) => [genre, genreLabel(genre, t)]),
        true,
      )}
      ${numberField('price', t('marketplace.studio.field.price'), t('marketplace.studio.field.priceHint', { min: BEAT_PRICE_MIN, max: BEAT_PRICE_MAX }), '0.01')}
      ${numberField('bpm', t('marketplace.studio.field.bpm'), t('marketplace.studio.field.bpmHint', { min: BEAT_BPM_MIN, max: BEAT_BPM_MAX }), '1')}
      ${select(
        'musicalKey',
        t('marketplace.browse.key'),
        t('marketplace.studio.none'),
        MUSICAL_KEYS.map((key) => [key, keyLabel(key, t)]),
      )}
      ${select(
        'mood',
        t('marketplace.browse.mood'),
        t('marketplace.studio.none'),
        BEAT_MOODS.map((mood) => [mood, moodLabel(mood, t)]),
      )}
      <div class="wide">
        ${textField({
          name: 'tags',
          label: t('marketplace.studio.field.tags'),
          hint: t('marketplace.studio.field.tagsHint'),
          value: this.draft.tags,
          onInput: (value) => this.#set('tags', value),
          error: this.#error('tags'),
        })}
      </div>
      <div class="wide">
        ${textField({
          name: 'description',
          label: t('marketplace.studio.field.description'),
          value: this.draft.description,
          multiline: true,
          maxLength: 2000,
          onInput: (value) => this.#set('description', value),
          error: this.#error('description'),
        })}
      </div>
      <label class="checkbox wide">
        <input type="checkbox" name="freeDownload" .checked=${live(this.draft.freeDownload)} @change=${(event: Event) => this.#set('freeDownload', (event.target as HTMLInputElement).checked)} />
        ${t('marketplace.studio.field.freeDownload')}
      </label>
      <div class="actions wide">
        <button class="button" type="submit" ?disabled=${this.busy}>${this.beat ? t('marketplace.studio.save') : t('marketplace.studio.create')}</button>
      </div>
    </form>`;
  }

  #renderAudio(beat: Beat) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const upload = this.upload;
    const percent = upload.state === 'uploading' && upload.total > 0 ? Math.round((upload.sent / upload.total) * 100) : 0;
    return html`<section class="stack" aria-labelledby="audio-heading">
      <h3 id="audio-heading">${t('marketplace.studio.audio')}</h3>
      <p class="muted">
        ${beat.audio
          ? t('marketplace.studio.audioFacts', {
              seconds: Math.round(beat.audio.durationSeconds ?? 0),
              size: this.#i18n.formatNumber(Math.round(beat.audio.bytes / 1024)),
            })
          : t('marketplace.studio.audioMissing')}
      </p>
      <div class="row">
        <input id="audio-file" class="file-input" type="file" accept=".wav,.mp3,.flac,.ogg,audio/wav,audio/mpeg,audio/flac,audio/ogg" ?disabled=${upload.state === 'uploading'} @change=${this.#upload} aria-describedby="audio-hint" />
        <label for="audio-file" class="button secondary">${beat.audio ? t('marketplace.studio.replaceAudio') : t('marketplace.studio.uploadAudio')}</label>
        <span class="muted" id="audio-hint">${t('marketplace.studio.audioHint')}</span>
      </div>
      ${upload.state === 'uploading'
        ? html`<progress max="100" value=${percent} aria-label=${t('marketplace.studio.uploadProgress')}></progress>
            <p class="muted" aria-hidden="true">${t('marketplace.studio.uploading', { percent })}</p>`
        : nothing}
      <div class="live" role="status" aria-live="polite">
        ${upload.state === 'uploading' ? html`<span class="visually-hidden">${t('marketplace.studio.uploadStarted')}</span>` : nothing}
        ${upload.state === 'done' ? html`<p class="notice success">${t('marketplace.studio.uploaded')}</p>` : nothing}
        ${upload.state === 'failed' ? html`<p class="notice error">${upload.message}</p>` : nothing}
      </div>
    </section>`;
  }

  #renderPublish(beat: Beat) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<div class="row">
      ${beat.status === 'published'
        ? html`<button class="button secondary" type="button" ?disabled=${this.busy} @click=${() => this.#setPublished(false)}>${t('marketplace.studio.unpublish')}</button>
            <a class="button quiet" href="/beats/${encodeURIComponent(beat.id)}">${t('marketplace.studio.viewPage')}</a>`
        : html`<button class="button" type="button" ?disabled=${this.busy || !beat.audio} @click=${() => this.#setPublished(true)}>${t('marketplace.studio.publish')}</button>
            ${beat.audio ? nothing : html`<span class="muted">${t('marketplace.studio.publishNeedsAudio')}</span>`}`}
      ${this.confirmDelete
        ? html`<button class="button danger" type="button" ?disabled=${this.busy} @click=${this.#delete}>${t('marketplace.studio.confirmDelete', { title: beat.title })}</button>
            <button class="button quiet" type="button" @click=${() => (this.confirmDelete = false)}>${t('marketplace.studio.cancel')}</button>`
        : html`<button class="button danger" type="button" ?disabled=${this.busy} @click=${() => (this.confirmDelete = true)}>${t('marketplace.studio.delete')}</button>`}
    </div>`;
  }

  async #run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      await action();
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (fieldErrors) this.errors = fieldErrors;
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  }

  #saved(beat: Beat, statusId: string): void {
    this.beat = beat;
    this.#draftFor = beat.id;
    this.draft = draftFromBeat(beat);
    this.status = this.#i18n.t(statusId);
    this.dispatchEvent(new CustomEvent('cs-beat-saved', { detail: { beat }, bubbles: true, composed: true }));
  }

  readonly #save = (event: Event): void => {
    event.preventDefault();
    const values = beatFormValues(this.draft);
    const result = validateForm(CreateBeatRequest, values);
    if (!result.success) {
      const errors: FieldErrors = {};
      for (const [field, message] of Object.entries(result.errors)) {
        const range = RANGE_MESSAGES[field];
        errors[field] = range && !('id' in message && message.id === messageId('form.error.required')) ? range : message;
      }
      this.errors = errors;
      void focusFirstInvalid(this);
      return;
    }
    void this.#run(async () => {
      const beat = this.beat ? await this.#api.value.update(this.beat.id, result.data) : await this.#api.value.create(result.data);
      this.#saved(beat, this.beat ? messageId('marketplace.studio.savedStatus') : messageId('marketplace.studio.createdStatus'));
    });
  };

  readonly #upload = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const beat = this.beat;
    if (!file || !beat || this.upload.state === 'uploading') return;
    this.upload = { state: 'uploading', sent: 0, total: file.size };
    this.#api.value
      .uploadAudio(beat.id, file, (sent, total) => {
        this.upload = { state: 'uploading', sent, total };
      })
      .then(
        (updated) => {
          this.upload = { state: 'done' };
          this.#saved(updated, messageId('marketplace.studio.uploaded'));
        },
        (error: unknown) => {
          this.upload = { state: 'failed', message: errorMessage(error, (id) => this.#i18n.t(id)) };
        },
      )
      .finally(() => {
        input.value = '';
      });
  };

  #setPublished(published: boolean): void {
    const beat = this.beat;
    if (!beat) return;
    void this.#run(async () => {
      const updated = published ? await this.#api.value.publish(beat.id) : await this.#api.value.unpublish(beat.id);
      this.#saved(updated, published ? messageId('marketplace.studio.publishedStatus') : messageId('marketplace.studio.unpublishedStatus'));
    });
  }

  readonly #delete = (): void => {
    const beat = this.beat;
    if (!beat) return;
    void this.#run(async () => {
      await this.#api.value.remove(beat.id);
      this.dispatchEvent(new CustomEvent('cs-beat-deleted', { detail: { id: beat.id }, bubbles: true, composed: true }));
    });
  };
}

customElements.define('cs-beat-editor', CsBeatEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-beat-editor': CsBeatEditor;
  }
  interface HTMLElementEventMap {
    'cs-beat-saved': CustomEvent<{ beat: Beat }>;
    'cs-beat-deleted': CustomEvent<{ id: string }>;
  }
}
