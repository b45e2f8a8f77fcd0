import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { projectStyles } from './project-styles.ts';
import type { Comparison, VersionDetail, VersionSummary } from './projects-api.ts';
import { ProjectsApiController } from './projects-api-controller.ts';
import { runAction } from '../../ui/run-action.ts';

type Viewing = { kind: 'open'; detail: VersionDetail } | { kind: 'compare'; version: VersionSummary; comparison: Comparison } | null;

/**
 * Named versions of the song: save the current state under a name, list them, open one read-only,
 * compare its lyrics with the current text line by line, and restore it (the server applies the
 * restore as ordinary edits, so it reaches everyone through sync and merges with their work).
 */
export class CsVersionHistory extends LitElement {
  static override properties = {
    projectId: { attribute: false },
    canEdit: { type: Boolean },
    online: { type: Boolean },
    versions: { state: true },
    viewing: { state: true },
    error: { state: true },
    status: { state: true },
    busy: { state: true },
  };

  static override styles = [
    baseStyles,
    projectStyles,
    css`
      .versions {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .version {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
        padding-bottom: var(--cs-space-2, 0.5rem);
        border-bottom: 1px solid var(--cs-color-border, #dedbe9);
      }

      .version-name {
        display: grid;
        min-width: 0;
      }

      .version-name strong {
        overflow-wrap: anywhere;
      }

      .version-name span {
        font-size: 0.8rem;
      }

      .viewer {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        padding: var(--cs-space-3, 0.75rem);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface-muted, #efedf7);
      }

      .viewer-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
      }

      h3 {
        font-size: 0.95rem;
        overflow-wrap: anywhere;
      }

      .text {
        margin: 0;
        max-height: 20rem;
        overflow: auto;
        font: inherit;
        font-size: 0.95rem;
        line-height: 1.6;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .diff {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.95rem;
        line-height: 1.6;
      }

      .diff li {
        padding-inline: var(--cs-space-2, 0.5rem);
        border-radius: 4px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .diff .added {
        background: var(--cs-color-success-soft, #e7f6ee);
        color: var(--cs-color-success, #067647);
      }

      .diff .removed {
        background: var(--cs-color-danger-soft, #fdecea);
        color: var(--cs-color-danger, #b42318);
        text-decoration: line-through;
      }

      .diff .sign {
        display: inline-block;
        width: 1.2em;
        font-weight: 700;
      }
    `,
  ];

  declare projectId: string;
  declare canEdit: boolean;
  declare online: boolean;
  declare versions: VersionSummary[];
  declare viewing: Viewing;
  declare error: string;
  declare status: string;
  declare busy: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ProjectsApiController(this);
  #name = '';

  constructor() {
    super();
    this.projectId = '';
    this.canEdit = false;
    this.online = true;
    this.versions = [];
    this.viewing = null;
    this.error = '';
    this.status = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('projectId') || (changed.has('online') && this.online)) && this.projectId) void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.#api.available || !this.online) return;
    try {
      this.versions = await this.#api.value.versions(this.projectId);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const i18n = this.#i18n;
    const t = (id: string, values?: Record<string, unknown>): string => i18n.t(id, values);
    return html`<div class="stack">
      <div class="live" aria-live="polite">
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
        ${this.status ? html`<p class="notice success">${t(this.status)}</p>` : nothing}
      </div>
      ${this.canEdit
        ? html`<form class="inline-form" @submit=${this.#save}>
            <div class="field">
              <label for="version-name">${t('projects.versions.name')}</label>
              <input
                id="version-name"
                type="text"
                maxlength="120"
                required
                autocomplete="off"
                placeholder=${t('projects.versions.namePlaceholder')}
                @input=${(event: Event) => (this.#name = (event.target as HTMLInputElement).value)}
              />
            </div>
            <button class="button small" type="submit" ?disabled=${!this.online || this.busy}>${t('projects.versions.save')}</button>
          </form>`
        : nothing}
      ${this.viewing ? this.#renderViewer(this.viewing) : nothing}
      ${this.versions.length
        ? html`<ul class="versions">
            ${this.versions.map(
              (version) => html`<li class="version">
                <div class="version-name">
                  <strong>${version.kind === 'before_restore' ? t('projects.versions.beforeRestore', { name: version.name }) : version.name}</strong>
                  <span class="muted">
                    ${version.authorName
                      ? t('projects.versions.byOn', {
                          name: version.authorName,
                          date: i18n.formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                        })
                      : i18n.formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </span>
                </div>
                <div class="row-actions">
                  <button class="button quiet small" type="button" ?disabled=${!this.online} @click=${() => this.#open(version)}>${t('projects.versions.open')}</button>
                  <button class="button quiet small" type="button" ?disabled=${!this.online} @click=${() => this.#compare(version)}>
                    ${t('projects.versions.compare')}
                  </button>
                  ${this.canEdit
                    ? html`<button class="button secondary small" type="button" ?disabled=${!this.online || this.busy} @click=${() => this.#restore(version)}>
                        ${t('projects.versions.restore')}
                      </button>`
                    : nothing}
                </div>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">
            ${!this.online ? t('projects.versions.offline') : this.canEdit ? t('projects.versions.empty') : t('projects.versions.none')}
          </p>`}
    </div>`;
  }

  #renderViewer(viewing: NonNullable<Viewing>) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const name = viewing.kind === 'open' ? viewing.detail.version.name : viewing.version.name;
    return html`<div class="viewer" id="version-viewer">
      <div class="viewer-head">
        <h3>${viewing.kind === 'open' ? t('projects.versions.viewing', { name }) : t('projects.versions.comparing', { name })}</h3>
        <button class="button quiet small" type="button" @click=${() => (this.viewing = null)}>${t('projects.versions.close')}</button>
      </div>
      ${viewing.kind === 'open'
        ? html`<pre class="text">${viewing.detail.lyrics || t('projects.versions.noLyrics')}</pre>`
        : html`<ul class="diff" aria-label=${t('projects.versions.diffLabel')}>
            ${viewing.comparison.changes.map(
              (change) => html`<li class=${change.kind}>
                <span class="sign" aria-hidden="true">${change.kind === 'added' ? '+' : change.kind === 'removed' ? '−' : ''}</span
                ><span class="visually-hidden">${change.kind === 'added' ? t('projects.versions.added') : change.kind === 'removed' ? t('projects.versions.removed') : ''}</span
                >${change.line || '\u00a0'}
              </li>`,
            )}
          </ul>`}
    </div>`;
  }

  #run(action: () => Promise<void>): Promise<void> {
    return runAction(this, action, (error) => errorMessage(error, (id) => this.#i18n.t(id)));
  }

  readonly #save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = this.#name.trim();
    if (!name) return;
    void this.#run(async () => {
      await this.#api.value.createVersion(this.projectId, name);
      form.reset();
      this.#name = '';
      this.status = messageId('projects.versions.saved');
      await this.#load();
    });
  };

  #open(version: VersionSummary): void {
    void this.#run(async () => {
      this.viewing = { kind: 'open', detail: await this.#api.value.version(this.projectId, version.id) };
    });
  }

  #compare(version: VersionSummary): void {
    void this.#run(async () => {
      this.viewing = { kind: 'compare', version, comparison: await this.#api.value.compare(this.projectId, version.id) };
    });
  }

  #restore(version: VersionSummary): void {
    void this.#run(async () => {
      await this.#api.value.restoreVersion(this.projectId, version.id);
      this.viewing = null;
      this.status = messageId('projects.versions.restored');
      await this.#load();
    });
  }
}

customElements.define('cs-version-history', CsVersionHistory);

declare global {
  interface HTMLElementTagNameMap {
    'cs-version-history': CsVersionHistory;
  }
}
