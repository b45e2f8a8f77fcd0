import { css, html, LitElement } from 'lit';
import { connectivityContext } from './contexts.ts';
import { LocaleController } from './locale-controller.ts';
import { ServiceController } from './service-controller.ts';

/**
 * "Online" / "Offline" indicator for the header. The text is a polite live region, so going offline
 * or coming back is announced. On narrow screens only the dot shows while online.
 */
export class CsOnlineStatus extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }

    .status {
      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 32px;
      padding: 0.2rem 0.65rem;
      border-radius: 999px;
      font-size: 0.8125rem;
      font-weight: 650;
      white-space: nowrap;
      color: var(--cs-color-success, #067647);
      background: var(--cs-color-success-soft, #e7f6ee);
    }

    .status.offline {
      color: var(--cs-color-warning, #8a5300);
      background: var(--cs-color-warning-soft, #fff4e0);
    }

    .dot {
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: currentColor;
    }

    @media (max-width: 479px) {
      .status.online {
        padding: 0.2rem 0.5rem;
      }
      .status.online .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    }
  `;

  readonly #i18n = new LocaleController(this);
  readonly #connectivity = new ServiceController(this, connectivityContext);

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return html``;
    const online = this.#connectivity.value.online;
    return html`<span class="status ${online ? 'online' : 'offline'}" role="status" data-online=${String(online)}>
      <span class="dot" aria-hidden="true"></span>
      <span class="label">${online ? this.#i18n.t('shell.status.online') : this.#i18n.t('shell.status.offline')}</span>
    </span>`;
  }
}

customElements.define('cs-online-status', CsOnlineStatus);

declare global {
  interface HTMLElementTagNameMap {
    'cs-online-status': CsOnlineStatus;
  }
}
