import { css, html, LitElement } from 'lit';
import { SUPPORTED_LOCALES } from '../../shared/i18n/locales.ts';
import { LocaleController } from './locale-controller.ts';

/**
 * A language picker: a native <select> (so keyboards, screen readers and phone pickers all work as
 * usual), labelled for assistive technology, drawn under a custom face that shows the current
 * language in full, or as a short code when `compact` on narrow screens. Each language is named in
 * itself ("Español"), so people can find theirs whatever the current language is.
 *
 * @fires cs-locale-select - `{ locale }`, bubbling and composed; the shell switches and saves it.
 */
export class CsLanguageSelect extends LitElement {
  static override properties = {
    /** Show a short code (EN, ES…) instead of the language name on phone-sized screens. */
    compact: { type: Boolean, reflect: true },
  };

  static override styles = css`
    :host {
      display: inline-flex;
    }

    label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .control {
      box-sizing: border-box;
      position: relative;
      display: inline-flex;
      align-items: center;
      gap: 0.45rem;
      min-height: 40px;
      padding: 0.4rem 0.6rem;
      border: 1px solid var(--cs-color-border, #dedbe9);
      border-radius: var(--cs-radius-sm, 8px);
      background: var(--cs-color-surface, #fff);
      color: var(--cs-color-text, #17151f);
      font-size: 0.9rem;
      font-weight: 550;
      white-space: nowrap;
    }

    .control:hover {
      border-color: var(--cs-color-border-strong, #8e8a9e);
    }

    .control:has(select:focus-visible) {
      outline: 3px solid var(--cs-color-focus, #6b2fd6);
      outline-offset: 2px;
    }

    svg {
      width: 1rem;
      height: 1rem;
      flex: none;
      color: var(--cs-color-text-muted, #5b5868);
    }

    .chevron {
      width: 0.8rem;
      height: 0.8rem;
    }

    .short {
      display: none;
    }

    /* The real control, invisible but on top: it takes the clicks, the focus and the keys. */
    select {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      opacity: 0;
      cursor: pointer;
      font: inherit;
    }

    @media (max-width: 479px) {
      :host([compact]) .long {
        display: none;
      }
      :host([compact]) .short {
        display: inline;
      }
    }
  `;

  declare compact: boolean;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.compact = false;
  }

  override render() {
    if (!this.#i18n.available) return html``;
    const current = this.#i18n.locale;
    const names = this.#i18n.value;
    return html`<label for="language">${this.#i18n.t('shell.language.label')}</label>
      <span class="control" part="control">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
        <span aria-hidden="true" lang=${current}>
          <span class="long">${names.languageName(current)}</span><span class="short">${current.split('-')[0]?.toUpperCase()}</span>
        </span>
        <svg class="chevron" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" aria-hidden="true">
          <path d="m6 9 6 6 6-6" />
        </svg>
        <select id="language" @change=${this.#onChange}>
          ${SUPPORTED_LOCALES.map(
            (locale) => html`<option value=${locale} lang=${locale} .selected=${locale === current}>${names.languageName(locale)}</option>`,
          )}
        </select>
      </span>`;
  }

  #onChange(event: Event): void {
    const locale = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent('cs-locale-select', { detail: { locale }, bubbles: true, composed: true }));
  }
}

customElements.define('cs-language-select', CsLanguageSelect);

declare global {
  interface HTMLElementTagNameMap {
    'cs-language-select': CsLanguageSelect;
  }
}
