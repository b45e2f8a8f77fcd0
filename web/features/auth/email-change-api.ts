import { EmailChangeAccepted, EmailChanged, type EmailChangeRequest } from '../../../shared/schemas/auth.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** Typed calls to /api/auth/email-change*. */
export class EmailChangeApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** Sends the confirmation link to the new address; nothing changes until it is opened. */
  request(request: EmailChangeRequest): Promise<EmailChangeAccepted> {
    return this.#client.request({ method: 'POST', path: '/api/auth/email-change', body: request, authenticated: true, schema: EmailChangeAccepted });
  }

  /** The e-mailed link's token: needs no session (the link may be opened anywhere). */
  confirm(token: string): Promise<EmailChanged> {
    return this.#client.request({ method: 'POST', path: '/api/auth/email-change/confirm', body: { token }, schema: EmailChanged });
  }
}
