import { createContext } from '@lit/context';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionService } from '../features/auth/session-service.ts';
import type { AppUpdates } from './app-updates.ts';
import type { Connectivity } from './connectivity.ts';
import type { LocaleService } from './locale-service.ts';

/** Services the shell provides to every element below it (see cs-app). */
export const localeContext = createContext<LocaleService>(Symbol('cs-locale'));
export const sessionContext = createContext<SessionService>(Symbol('cs-session'));
export const connectivityContext = createContext<Connectivity>(Symbol('cs-connectivity'));
export const appUpdatesContext = createContext<AppUpdates>(Symbol('cs-app-updates'));
/** The one ApiClient: a second one would refresh the rotating cookie on its own and trip reuse detection. */
export const apiContext = createContext<ApiClient>(Symbol('cs-api'));

export interface AppServices {
  locale: LocaleService;
  session: SessionService;
  connectivity: Connectivity;
  updates: AppUpdates;
  api: ApiClient;
}
