import { css, html, LitElement } from 'lit';
import { initials } from './initials.ts';

/**
 * A round avatar: the user's image when it loads, their initials otherwise. Decorative (alt=""):
 * the name is always shown next to it.
 *
 * @cssprop --cs-avatar-size - Diameter, 48px by default.
 */
export class CsAvatar extends LitElement {
  static override properties = {
    name: {},
    src: {},
    failed: { state: true },
  };

  static override styles = css`
    :host {
      display: inline-block;
      flex: none;
      width: var(--cs-avatar-size, 48px);
      height: var(--cs-avatar-size, 48px);
    }

    .avatar {
      display: grid;
      place-items: center;
      width: 100%;
      height: 100%;
      border-radius: 50%;
      overflow: hidden;
      background: linear-gradient(135deg, var(--cs-color-accent, #6b2fd6), var(--cs-color-highlight, #e0457b));
      color: #fff;
      font-weight: 750;
      font-size: calc(var(--cs-avatar-size, 48px) * 0.38);
      letter-spacing: 0.02em;
      user-select: none;
    }

    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
  `;

  declare name: string;
  declare src: string | null;
  declare failed: boolean;

  constructor() {
    super();
    this.name = '';
    this.src = null;
    this.failed = false;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('src')) this.failed = false;
  }

  override render() {
    const showImage = this.src && !this.failed;
    return html`<span class="avatar" part="avatar">
      ${showImage
        ? html`<img src=${this.src ?? ''} alt="" referrerpolicy="no-referrer" @error=${() => (this.failed = true)} />`
        : html`<span aria-hidden="true">${initials(this.name)}</span>`}
    </span>`;
  }
}

customElements.define('cs-avatar', CsAvatar);

declare global {
  interface HTMLElementTagNameMap {
    'cs-avatar': CsAvatar;
  }
}
