import { css, html, LitElement, nothing } from 'lit';
import { baseStyles } from '../ui/base-styles.ts';

/**
 * A small message card at the bottom of the screen, with an optional action and a dismiss button.
 * It does not announce itself (a live region added with its text is often missed): the host
 * announces the message from a region that is always present (see cs-app).
 *
 * @fires cs-toast-action - The action button was pressed.
 * @fires cs-toast-dismiss - The dismiss button was pressed.
 */
export class CsToast extends LitElement {
  static override properties = {
    message: {},
    actionLabel: {},
    dismissLabel: {},
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        width: min(100%, 30rem);
      }

      .toast {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        padding: var(--cs-space-3, 0.75rem) var(--cs-space-3, 0.75rem) var(--cs-space-3, 0.75rem) var(--cs-space-4, 1rem);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-text, #17151f);
        color: var(--cs-color-bg, #f6f5fb);
        box-shadow: var(--cs-shadow-raised, none);
        animation: rise 180ms ease-out;
      }

      p {
        flex: 1 1 12rem;
        font-weight: 550;
      }

      .buttons {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        margin-inline-start: auto;
      }

      .button.quiet {
        color: inherit;
        min-height: 40px;
      }

      .button.quiet:hover {
        background: color-mix(in srgb, currentColor 14%, transparent);
      }

      .button {
        min-height: 40px;
      }

      @keyframes rise {
        from {
          opacity: 0;
          transform: translateY(12px);
        }
      }
    `,
  ];

  declare message: string;
  declare actionLabel: string;
  declare dismissLabel: string;

  constructor() {
    super();
    this.message = '';
    this.actionLabel = '';
    this.dismissLabel = '';
  }

  override render() {
    return html`<div class="toast" part="toast">
      <p>${this.message}</p>
      <div class="buttons">
        ${this.dismissLabel
          ? html`<button class="button quiet" type="button" @click=${() => this.dispatchEvent(new Event('cs-toast-dismiss', { bubbles: true }))}>
              ${this.dismissLabel}
            </button>`
          : nothing}
        ${this.actionLabel
          ? html`<button class="button" type="button" @click=${() => this.dispatchEvent(new Event('cs-toast-action', { bubbles: true }))}>
              ${this.actionLabel}
            </button>`
          : nothing}
      </div>
    </div>`;
  }
}

customElements.define('cs-toast', CsToast);

declare global {
  interface HTMLElementTagNameMap {
    'cs-toast': CsToast;
  }
}
