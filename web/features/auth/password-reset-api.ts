import { z } from 'zod';
import type { ApiClient } from '../../api/api-client.ts';

const Accepted = z.object({ accepted: z.literal(true) });

/** Typed calls to /api/auth/password-reset* (for people signed out: no token is sent). */
export class PasswordResetApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** Asks for a link by e-mail; the answer is the same whether or not an account uses the address. */
  async request(email: string): Promise<void> {
    await this.#client.request({ method: 'POST', path: '/api/auth/password-reset', body: { email }, schema: Accepted });
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    await this.#client.request({ method: 'POST', path: '/api/auth/password-reset/confirm', body: { token, newPassword } });
  }
}
