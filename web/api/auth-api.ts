import {
  ProfileResponse,
  Session,
  type ChangePasswordRequest,
  type LoginRequest,
  type RegisterRequest,
  type UpdateProfileRequest,
  type User,
} from '../../shared/schemas/auth.ts';
import type { ApiClient } from './api-client.ts';

/** Typed calls to /api/auth/*. Sessions returned here are adopted by the client (token kept in memory). */
export class AuthApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  get client(): ApiClient {
    return this.#client;
  }

  async register(request: RegisterRequest): Promise<Session> {
    const session = await this.#client.request({ method: 'POST', path: '/api/auth/register', body: request, schema: Session });
    this.#client.setSession(session);
    return session;
  }

  async login(request: LoginRequest): Promise<Session> {
    const session = await this.#client.request({ method: 'POST', path: '/api/auth/login', body: request, schema: Session });
    this.#client.setSession(session);
    return session;
  }

  refresh(): Promise<Session | null> {
    return this.#client.refresh();
  }

  async logout(): Promise<void> {
    await this.#client.request({ method: 'POST', path: '/api/auth/logout' });
    this.#client.setSession(null);
  }

  /** Deletes the signed-in account (confirmed with its password); the session ends with it. */
  async deleteAccount(password: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: '/api/auth/account', body: { password }, authenticated: true });
    this.#client.setSession(null);
  }

  async getProfile(): Promise<User> {
    const { user } = await this.#client.request({ method: 'GET', path: '/api/auth/profile', authenticated: true, schema: ProfileResponse });
    return user;
  }

  async updateProfile(request: UpdateProfileRequest): Promise<User> {
    const { user } = await this.#client.request({
      method: 'PUT',
      path: '/api/auth/profile',
      body: request,
      authenticated: true,
      schema: ProfileResponse,
    });
    return user;
  }

  async changePassword(request: ChangePasswordRequest): Promise<Session> {
    const session = await this.#client.request({
      method: 'POST',
      path: '/api/auth/password',
      body: request,
      authenticated: true,
      schema: Session,
    });
    this.#client.setSession(session);
    return session;
  }
}
