import { css, html, LitElement } from 'lit';
import { SUPPORTED_LOCALES } from '../../shared/i18n/locales.ts';
import { LocaleController } from './locale-controller.ts';

/**
 * A language picker, labelled for assistive technology (where it sits says what it is). Each language is named in itself ("Español"), so people can find theirs
 * whatever the current language is.
 *
 * @fires cs-locale-select - `{ locale }`, bubbling and composed; the shell switches and saves it.
 * @cssprop --cs-language-select-width - Width of the select (auto by default).
 */
export class CsLanguageSelect extends LitElement {
  static override styles = css`
    :host {
      display: inline-grid;
      gap: var(--cs-space-1, 0.35rem);
    }

    label.hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .control {
      position: relative;
      display: inline-flex;
      align-items: center;
    }

    svg {
      position: absolute;
      inset-inline-start: 0.6rem;
      width: 1rem;
      height: 1rem;
      pointer-events: none;
      color: var(--cs-color-text-muted, #5b5868);
    }

    select {
      width: var(--cs-language-select-width, auto);
      min-height: 40px;
      padding: 0.4rem 0.6rem 0.4rem 2rem;
      border: 1px solid var(--cs-color-border, #dedbe9);
      border-radius: var(--cs-radius-sm, 8px);
      background: var(--cs-color-surface, #fff);
      color: var(--cs-color-text, #17151f);
      font: inherit;
      font-size: 0.9rem;
      cursor: pointer;
    }

    select:hover {
      border-color: var(--cs-color-border-strong, #8e8a9e);
    }

    select:focus-visible {
      outline: 3px solid var(--cs-color-focus, #6b2fd6);
      outline-offset: 2px;
    }
  `;

  readonly #i18n = new LocaleController(this);

  override render() {
    if (!this.#i18n.available) return html``;
    const current = this.#i18n.locale;
    return html`<label for="language" class="hidden">${this.#i18n.t('shell.language.label')}</label>
      <span class="control">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
        <select id="language" @change=${this.#onChange}>
          ${SUPPORTED_LOCALES.map(
            (locale) =>
              html`<option value=${locale} lang=${locale} .selected=${locale === current}>${this.#i18n.value.languageName(locale)}</option>`,
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
