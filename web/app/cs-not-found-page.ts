import { html, LitElement, nothing } from 'lit';
import { baseStyles, pageStyles } from '../ui/base-styles.ts';
import { LocaleController } from './locale-controller.ts';

/** Shown for any path the router does not know. */
export class CsNotFoundPage extends LitElement {
  static override styles = [baseStyles, pageStyles];

  readonly #i18n = new LocaleController(this);

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${this.#i18n.t('notFound.title')}</h1>
        <p class="lead">${this.#i18n.t('notFound.lead')}</p>
      </header>
      <p><a class="button" href="/">${this.#i18n.t('notFound.home')}</a></p>
    </div>`;
  }
}

customElements.define('cs-not-found-page', CsNotFoundPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-not-found-page': CsNotFoundPage;
  }
}
