import { css, html, LitElement, nothing } from 'lit';
import type { ModerationAction, ModerationReport, ReportStatus, Suspension, SuspensionReason } from '../../../shared/schemas/moderation.ts';
import { APPEAL_MAX_LENGTH, REPORT_STATUSES } from '../../../shared/schemas/moderation.ts';
import { errorMessage } from '../../app/error-message.ts';
import { messageId } from '../../app/message-id.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { marketplaceStyles } from '../marketplace/marketplace-styles.ts';
import { REPORT_REASON_IDS } from '../messages/report-labels.ts';
import { ModerationApi } from './moderation-api.ts';

const STATUS_IDS = {
  open: messageId('moderation.status.open'),
  resolved: messageId('moderation.status.resolved'),
  dismissed: messageId('moderation.status.dismissed'),
} as const satisfies Record<ReportStatus, string>;

/** What a closed report says about its review, and what the moderator is told after closing one. */
const REVIEW_IDS = {
  resolved: { done: messageId('moderation.reviewed.resolved'), notice: messageId('moderation.resolvedNotice') },
  dismissed: { done: messageId('moderation.reviewed.dismissed'), notice: messageId('moderation.dismissedNotice') },
} as const;

const SUSPENSION_REASON_IDS = {
  ...REPORT_REASON_IDS,
  copyright: messageId('moderation.reason.copyright'),
} as const satisfies Record<SuspensionReason, string>;

/** The durations offered, in days; '' is "until a moderator lifts it". */
const SUSPENSION_DURATIONS = [
  { days: '7', label: messageId('moderation.duration.7') },
  { days: '1', label: messageId('moderation.duration.1') },
  { days: '30', label: messageId('moderation.duration.30') },
  { days: '', label: messageId('moderation.duration.none') },
] as const;

const ACTION_IDS = {
  message_removed: messageId('moderation.action.messageRemoved'),
  account_suspended: messageId('moderation.action.accountSuspended'),
} as const satisfies Record<ModerationAction, string>;

/**
 * /moderation: the report queue, for the accounts the server names as moderators (everyone else sees
 * the API's "only moderators" message). Open reports oldest first, each with the reported message as
 * it was; a moderator resolves or dismisses one with a note, and resolving can remove the message
 * and suspend the account. Closed reports show who did what, and why. Below, the suspended accounts,
 * each with a way to lift its suspension.
 */
export class CsModerationPage extends LitElement {
  static override properties = {
    status: { state: true },
    reports: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
    suspensions: { state: true },
    suspending: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    marketplaceStyles,
    css`
      :host {
        --cs-page-width: 52rem;
      }

      .reports {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .report {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }

      .appeal {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        padding: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        border-inline-start: 3px solid var(--cs-color-accent, #6b2fd6);
        background: var(--cs-color-surface-muted, #efedf7);
        border-radius: var(--cs-radius-sm, 8px);
      }

      .appeal button {
        justify-self: start;
      }

      .appeal-message {
        margin: 0;
        white-space: pre-wrap;
      }

      .appeal textarea {
        min-block-size: 4rem;
        font: inherit;
        padding: 0.4rem;
        border: 1px solid var(--cs-color-border-strong, #8e8a9e);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: inherit;
      }

      .report h2 {
        margin: 0;
        font-size: 1.05rem;
      }

      blockquote {
        margin: 0;
        padding: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        border-inline-start: 3px solid var(--cs-color-border, #d8d5e0);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      textarea {
        min-height: 4rem;
      }

      .actions {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        margin: 0;
        padding: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #d8d5e0);
        border-radius: var(--cs-radius, 0.5rem);
      }

      .actions .terms {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin-inline-start: var(--cs-space-5, 1.5rem);
      }

      .actions label:has(input[type='checkbox']) {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        align-items: center;
      }

      section.panel {
        margin-top: var(--cs-space-6, 2rem);
      }
    `,
  ];

  declare status: ReportStatus;
  declare reports: ModerationReport[];
  declare nextCursor: string | null;
  declare loading: boolean;
  declare busy: string | null;
  declare error: string;
  declare notice: string;
  declare suspensions: Suspension[] | null;
  /** Open reports whose "suspend" box is ticked: they show the suspension's terms. */
  declare suspending: ReadonlySet<string>;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new ModerationApi(client));
  #loadedFor: ReportStatus | null = null;

  constructor() {
    super();
    this.status = 'open';
    this.reports = [];
    this.nextCursor = null;
    this.loading = true;
    this.busy = null;
    this.error = '';
    this.notice = '';
    this.suspensions = null;
    this.suspending = new Set();
  }

  #toggleSuspending(reportId: string, on: boolean): void {
    const next = new Set(this.suspending);
    if (on) next.add(reportId);
    else next.delete(reportId);
    this.suspending = next;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(): void {
    if (this.#api.available && this.#loadedFor !== this.status) {
      if (this.#loadedFor === null) void this.#loadSuspensions();
      this.#loadedFor = this.status;
      void this.#load(false);
    }
  }

  async #loadSuspensions(): Promise<void> {
    try {
      this.suspensions = (await this.#api.value.suspensions()).suspensions;
    } catch {
      // The report list shows why (a non-moderator sees "only moderators"); nothing to add here.
      this.suspensions = null;
    }
  }

  async #reinstate(suspension: Suspension): Promise<void> {
    if (this.busy) return;
    this.busy = suspension.user.id;
    this.error = '';
    this.notice = '';
    try {
      await this.#api.value.reinstate(suspension.user.id);
      this.notice = this.#i18n.t('moderation.reinstatedNotice', { name: suspension.user.displayName });
      await this.#loadSuspensions();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = null;
    }
  }

  /** Turns the appeal down with the response typed for it (required: the person is owed reasons). */
  async #rejectAppeal(suspension: Suspension): Promise<void> {
    if (this.busy) return;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#appeal-response-${CSS.escape(suspension.user.id)}`);
    const response = field?.value.trim() ?? '';
    if (!response) {
      this.error = this.#i18n.t('moderation.appeal.responseRequired', { name: suspension.user.displayName });
      field?.focus();
      return;
    }
    this.busy = suspension.user.id;
    this.error = '';
    this.notice = '';
    try {
      await this.#api.value.rejectAppeal(suspension.user.id, response);
      this.notice = this.#i18n.t('moderation.appeal.rejectedNotice', { name: suspension.user.displayName });
      await this.#loadSuspensions();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = null;
    }
  }

  async #load(more: boolean): Promise<void> {
    const status = this.status;
    this.loading = true;
    this.error = '';
    try {
      const page = await this.#api.value.reports(status, more ? this.nextCursor : null);
      if (status !== this.status) return;
      this.reports = more ? [...this.reports, ...page.reports] : page.reports;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
      if (!more) this.reports = [];
    } finally {
      this.loading = false;
    }
  }

  async #review(report: ModerationReport, status: 'resolved' | 'dismissed'): Promise<void> {
    if (this.busy) return;
    this.busy = report.id;
    this.error = '';
    this.notice = '';
    const field = <T extends HTMLElement>(name: string) => this.renderRoot.querySelector<T>(`#${name}-${CSS.escape(report.id)}`);
    const note = field<HTMLTextAreaElement>('note')?.value ?? '';
    // The actions only go with resolving: dismissing says nothing needed doing.
    const suspendAccount = status === 'resolved' && (field<HTMLInputElement>('suspend')?.checked ?? false);
    const days = field<HTMLSelectElement>('days')?.value ?? '';
    const actions = {
      ...(status === 'resolved' && { removeMessage: field<HTMLInputElement>('remove')?.checked ?? false }),
      ...(suspendAccount && { suspendAccount, suspensionDays: days ? Number(days) : null, messageToAccount: field<HTMLTextAreaElement>('tell')?.value ?? '' }),
    };
    try {
      const reviewed = await this.#api.value.review(report.id, { status, note, ...actions });
      this.reports = this.reports.filter((candidate) => candidate.id !== report.id);
      this.#toggleSuspending(report.id, false);
      this.notice = [this.#i18n.t(REVIEW_IDS[status].notice), ...reviewed.actions.map((action) => this.#i18n.t(ACTION_IDS[action]))].join(' ');
      if (reviewed.actions.includes('account_suspended')) void this.#loadSuspensions();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.report button')?.focus();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = null;
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('moderation.title')}</h1>
        <p class="lead">${t('moderation.lead')}</p>
      </header>
      <div class="field">
        <label for="status">${t('moderation.statusLabel')}</label>
        <select id="status" .value=${this.status} @change=${(event: Event) => {
            this.notice = '';
            this.status = (event.target as HTMLSelectElement).value as ReportStatus;
          }}>
          ${REPORT_STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.status}>${t(STATUS_IDS[status])}</option>`)}
        </select>
      </div>
      <div class="live" role="status" aria-live="polite">
        ${this.notice ? html`<p class="notice success">${this.notice}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <section aria-busy=${this.loading ? 'true' : 'false'} aria-label=${t('moderation.listLabel')}>
        ${this.reports.length
          ? html`<ul class="reports">
              ${this.reports.map((report) => html`<li>${this.#renderReport(report)}</li>`)}
            </ul>`
          : this.loading || this.error
            ? nothing
            : html`<p class="empty">${t('moderation.empty')}</p>`}
        ${this.nextCursor
          ? html`<button class="button secondary" type="button" ?disabled=${this.loading} @click=${() => void this.#load(true)}>${t('moderation.loadMore')}</button>`
          : nothing}
      </section>
      ${this.suspensions ? this.#renderSuspensions(this.suspensions) : nothing}
    </div>`;
  }

  #renderSuspensions(suspensions: readonly Suspension[]) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const date = (value: string) => this.#i18n.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section class="panel" aria-labelledby="suspended-heading">
      <h2 id="suspended-heading">${t('moderation.suspended.title')}</h2>
      ${suspensions.length === 0
        ? html`<p class="empty">${t('moderation.suspended.empty')}</p>`
        : html`<ul class="reports">
            ${suspensions.map(
              (suspension) => html`<li class="report">
                <strong>${suspension.user.displayName}</strong>
                <span class="muted">${t('moderation.suspended.by', { moderator: suspension.suspendedBy?.displayName ?? t('moderation.deletedAccount'), date: date(suspension.suspendedAt) })}</span>
                <span>${[
                  t('moderation.suspended.reason', { reason: t(SUSPENSION_REASON_IDS[suspension.reason]) }),
                  suspension.until ? t('moderation.suspended.until', { date: date(suspension.until) }) : t('moderation.suspended.untilLifted'),
                ].join(' · ')}</span>
                ${suspension.messageToAccount ? html`<span>${t('moderation.suspended.told', { message: suspension.messageToAccount })}</span>` : nothing}
                ${suspension.note ? html`<span class="muted">${suspension.note}</span>` : nothing}
                ${suspension.appeal
                  ? html`<div class="appeal">
                      <strong>${t('moderation.appeal.title', { date: date(suspension.appeal.createdAt) })}</strong>
                      <p class="appeal-message">${suspension.appeal.message}</p>
                      ${suspension.appealNeedsAnotherModerator
                        ? html`<p class="muted">${t('moderation.appeal.anotherModerator')}</p>`
                        : html`<label for="appeal-response-${suspension.user.id}">${t('moderation.appeal.response', { name: suspension.user.displayName })}</label>
                            <textarea id="appeal-response-${suspension.user.id}" maxlength=${APPEAL_MAX_LENGTH}></textarea>
                            <button class="button secondary small" type="button" ?disabled=${this.busy !== null} @click=${() => void this.#rejectAppeal(suspension)}>
                              ${t('moderation.appeal.reject')}
                            </button>`}
                    </div>`
                  : nothing}
                <div class="row">
                  <button class="button secondary small" type="button" ?disabled=${this.busy !== null} @click=${() => void this.#reinstate(suspension)}>
                    ${suspension.appeal ? t('moderation.appeal.grant', { name: suspension.user.displayName }) : t('moderation.suspended.lift', { name: suspension.user.displayName })}
                  </button>
                </div>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  /** The "suspend" box, and once ticked the terms the person will be told: how long, and a message besides the reason. */
  #renderSuspendAction(report: ModerationReport, name: string, busy: boolean) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const ticked = this.suspending.has(report.id);
    return html`<label>
        <input type="checkbox" id="suspend-${report.id}" aria-controls="terms-${report.id}" aria-expanded=${ticked ? 'true' : 'false'} ?disabled=${busy}
          @change=${(event: Event) => this.#toggleSuspending(report.id, (event.target as HTMLInputElement).checked)} />
        ${t('moderation.suspendAccount', { name })}
      </label>
      <div class="terms" id="terms-${report.id}" ?hidden=${!ticked}>
        <div class="field">
          <label for="days-${report.id}">${t('moderation.suspensionDuration')}</label>
          <select id="days-${report.id}" ?disabled=${busy}>
            ${SUSPENSION_DURATIONS.map((duration) => html`<option value=${duration.days}>${t(duration.label)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="tell-${report.id}">${t('moderation.messageToAccount', { name, reason: t(REPORT_REASON_IDS[report.reason]) })}</label>
          <textarea id="tell-${report.id}" maxlength="1000" ?disabled=${busy}></textarea>
        </div>
      </div>`;
  }

  #renderReport(report: ModerationReport) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const date = (value: string) => this.#i18n.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
    const busy = this.busy === report.id;
    return html`<article class="panel report" aria-labelledby="report-${report.id}">
      <h2 id="report-${report.id}">${t(REPORT_REASON_IDS[report.reason])}</h2>
      <p class="muted">
        ${t('moderation.reportedBy', {
          reporter: report.reporter.displayName,
          reported: report.reportedUser?.displayName ?? t('moderation.deletedAccount'),
          date: date(report.createdAt),
        })}
      </p>
      ${report.messageBody !== null
        ? html`<blockquote aria-label=${t('moderation.messageLabel')}>${report.messageBody}</blockquote>`
        : html`<p>${t('moderation.wholeConversation')}</p>`}
      ${report.details ? html`<p><strong>${t('moderation.details')}</strong> ${report.details}</p>` : nothing}
      ${report.status === 'open'
        ? html`<div class="field">
              <label for="note-${report.id}">${t('moderation.note')}</label>
              <textarea id="note-${report.id}" maxlength="2000" ?disabled=${busy}></textarea>
            </div>
            <fieldset class="actions">
              <legend>${t('moderation.actionsLegend')}</legend>
              ${report.messageId
                ? html`<label><input type="checkbox" id="remove-${report.id}" ?disabled=${busy} /> ${t('moderation.removeMessage')}</label>`
                : nothing}
              ${report.reportedUser ? this.#renderSuspendAction(report, report.reportedUser.displayName, busy) : nothing}
            </fieldset>
            <div class="row">
              <button class="button small" type="button" ?disabled=${busy} @click=${() => void this.#review(report, 'resolved')}>${t('moderation.resolve')}</button>
              <button class="button secondary small" type="button" ?disabled=${busy} @click=${() => void this.#review(report, 'dismissed')}>${t('moderation.dismiss')}</button>
            </div>`
        : html`<p class="muted">
            ${t(REVIEW_IDS[report.status].done, { moderator: report.reviewedBy?.displayName ?? t('moderation.deletedAccount'), date: report.reviewedAt ? date(report.reviewedAt) : '' })}
            ${report.reviewNote ? html`<br />${report.reviewNote}` : nothing}
            ${report.actions.map((action) => html`<br />${t(ACTION_IDS[action])}`)}
          </p>`}
    </article>`;
  }
}

customElements.define('cs-moderation-page', CsModerationPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-moderation-page': CsModerationPage;
  }
}
