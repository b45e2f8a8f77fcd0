import type {
  ChangePasswordRequest,
  LoginRequest,
  RegisterRequest,
  UpdateProfileRequest,
  User,
} from '../../../shared/schemas/auth.ts';
import type { AuthApi } from '../../api/auth-api.ts';
import { ApiError } from '../../api/api-error.ts';
import type { ProfileCache } from './profile-cache.ts';

export const SessionStatus = {
  /** Start-up: asking the server whether the refresh cookie still holds a session. */
  restoring: 'restoring',
  signedOut: 'signed-out',
  signedIn: 'signed-in',
} as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

export type SessionState =
  | { status: typeof SessionStatus.restoring }
  | { status: typeof SessionStatus.signedOut }
  /**
   * `offline`: the user comes from the local cache because the server could not be reached.
   * `isNewAccount`: this session began with sign-up (the home page greets rather than welcomes back).
   */
  | { status: typeof SessionStatus.signedIn; user: User; offline: boolean; isNewAccount?: boolean };

export interface SessionServiceOptions {
  api: AuthApi;
  cache: ProfileCache;
  /** Where cache failures go: they must not break signing in, but they should not vanish either. */
  reportError: (error: unknown) => void;
}

/**
 * Who is signed in. Fires `change` whenever `state` changes. Pages read it through the session context
 * and call its methods; errors from the API are rethrown as ApiError for the form that made the call.
 */
export class SessionService extends EventTarget {
  readonly #api: AuthApi;
  readonly #cache: ProfileCache;
  readonly #reportError: (error: unknown) => void;
  #state: SessionState = { status: SessionStatus.restoring };
  #lastRestoreUnreachable = false;

  constructor(options: SessionServiceOptions) {
    super();
    this.#api = options.api;
    this.#cache = options.cache;
    this.#reportError = options.reportError;
    // A refresh triggered by a 401 deep inside some request can end the session too.
    this.#api.client.onSession((session) => {
      if (session) this.#signedIn(session.user);
      else if (this.#state.status === SessionStatus.signedIn && !this.#state.offline) this.#signedOut();
    });
  }

  get state(): SessionState {
    return this.#state;
  }

  /** The last restore could not reach the server: worth retrying when the connection returns. */
  get needsRestore(): boolean {
    return this.#lastRestoreUnreachable;
  }

  get user(): User | null {
    return this.#state.status === SessionStatus.signedIn ? this.#state.user : null;
  }

  /**
   * Restores the session from the refresh cookie. When the server is unreachable, a previously cached
   * profile keeps the user "signed in, offline" so the app still greets them.
   */
  async restore(): Promise<SessionState> {
    this.#lastRestoreUnreachable = false;
    try {
      const session = await this.#api.refresh();
      // No session from the cookie, unless the user signed in while the restore was in flight.
      if (!session && !this.#api.client.hasAccessToken) this.#signedOut();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.isNetworkError) {
        this.#reportError(error);
        // Keep whatever we showed before (a cached profile stays); a first start ends signed out.
        if (this.#state.status === SessionStatus.restoring) this.#setState({ status: SessionStatus.signedOut });
        return this.#state;
      }
      this.#lastRestoreUnreachable = true;
      const cached = await this.#loadCached();
      this.#setState(cached ? { status: SessionStatus.signedIn, user: cached, offline: true } : { status: SessionStatus.signedOut });
    }
    return this.#state;
  }

  async signIn(request: LoginRequest): Promise<User> {
    return (await this.#api.login(request)).user;
  }

  async signUp(request: RegisterRequest): Promise<User> {
    const { user } = await this.#api.register(request);
    this.#setState({ status: SessionStatus.signedIn, user, offline: false, isNewAccount: true });
    return user;
  }

  async signOut(): Promise<void> {
    await this.#api.logout();
    this.#signedOut();
  }

  async deleteAccount(password: string): Promise<void> {
    await this.#api.deleteAccount(password);
    this.#signedOut();
  }

  async updateProfile(request: UpdateProfileRequest): Promise<User> {
    const user = await this.#api.updateProfile(request);
    this.#signedIn(user);
    return user;
  }

  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await this.#api.changePassword(request);
  }

  #signedIn(user: User): void {
    const isNewAccount = this.#state.status === SessionStatus.signedIn && this.#state.user.id === user.id && this.#state.isNewAccount === true;
    this.#setState({ status: SessionStatus.signedIn, user, offline: false, ...(isNewAccount ? { isNewAccount } : {}) });
    this.#cache.save(user).catch(this.#reportError);
  }

  #signedOut(): void {
    if (this.#state.status === SessionStatus.signedOut) return;
    this.#setState({ status: SessionStatus.signedOut });
    this.#cache.clear().catch(this.#reportError);
  }

  async #loadCached(): Promise<User | null> {
    try {
      return await this.#cache.load();
    } catch (error) {
      this.#reportError(error);
      return null;
    }
  }

  #setState(state: SessionState): void {
    this.#state = state;
    this.dispatchEvent(new Event('change'));
  }
}
