import type { SupportedLocale } from '../../shared/i18n/locales.ts';
import { SessionStatus, type SessionService } from '../features/auth/session-service.ts';
import type { LocaleService } from './locale-service.ts';

/**
 * Switches the UI language and, for a signed-in user, saves it to their profile so every device
 * follows. The UI switches first: the choice is never held hostage by the network.
 */
export async function chooseLocale(locale: SupportedLocale, services: { locale: LocaleService; session: SessionService }): Promise<void> {
  await services.locale.activate(locale, { remember: true });
  const state = services.session.state;
  if (state.status === SessionStatus.signedIn && !state.offline && state.user.locale !== locale) {
    await services.session.updateProfile({ locale });
  }
}

/**
 * Follows the language saved in the signed-in user's profile (after sign-in, restore, or an edit on the
 * profile page). A profile read from the offline cache is not followed: the device's own last choice is newer.
 */
export function followProfileLocale(services: { locale: LocaleService; session: SessionService }, reportError: (error: unknown) => void): () => void {
  const follow = (): void => {
    const state = services.session.state;
    if (state.status !== SessionStatus.signedIn || state.offline) return;
    if (state.user.locale === services.locale.locale) return;
    services.locale.activate(state.user.locale, { remember: true }).catch(reportError);
  };
  services.session.addEventListener('change', follow);
  return () => services.session.removeEventListener('change', follow);
}
