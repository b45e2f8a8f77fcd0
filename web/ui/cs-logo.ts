import { css, html, LitElement, svg } from 'lit';
import { BAR_LAYOUT } from './icon-mark.ts';

/**
 * The CreatorSync mark: sound bars on a violet-to-pink tile (same drawing as public/icons/favicon.svg).
 * Decorative: the visible name next to it carries the meaning.
 *
 * @cssprop --cs-logo-size - Edge length, 32px by default.
 */
export class CsLogo extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      width: var(--cs-logo-size, 32px);
      height: var(--cs-logo-size, 32px);
      flex: none;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `;

  override render() {
    return html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="tile" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="#7c3aed" />
          <stop offset="1" stop-color="#e0457b" />
        </linearGradient>
      </defs>
      <rect width="48" height="48" rx="12" fill="url(#tile)" />
      ${BAR_LAYOUT.map(([x, height]) => svg`<rect x=${x - 2} y=${24 - height / 2} width="4" height=${height} rx="2" fill="#fff" />`)}
    </svg>`;
  }
}

customElements.define('cs-logo', CsLogo);

declare global {
  interface HTMLElementTagNameMap {
    'cs-logo': CsLogo;
  }
}
