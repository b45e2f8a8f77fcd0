import type { ReactiveControllerHost } from 'lit';
import type { SupportedLocale } from '../../shared/i18n/locales.ts';
import { localeContext } from './contexts.ts';
import type { LocaleService } from './locale-service.ts';
import { ServiceController } from './service-controller.ts';

/**
 * Gives an element `t()` and Intl formatting in the current UI language, and re-renders it when the
 * language changes. Usage: `#i18n = new LocaleController(this)` then `this.#i18n.t('auth.signIn.title')`.
 */
export class LocaleController extends ServiceController<LocaleService> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, localeContext);
  }

  get locale(): SupportedLocale {
    return this.value.locale;
  }

  t(id: string, values?: Record<string, unknown>): string {
    return this.value.t(id, values);
  }

  formatDate(value: Date | string, options?: Intl.DateTimeFormatOptions): string {
    return this.value.formatDate(value, options);
  }

  formatNumber(value: number): string {
    return this.value.formatNumber(value);
  }

  formatList(values: readonly string[]): string {
    return this.value.formatList(values);
  }
}
