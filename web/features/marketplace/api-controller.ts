import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext } from '../../app/contexts.ts';

/**
 * Gives a marketplace element a typed API object built over the shell's one ApiClient (apiContext),
 * e.g. `new ApiController(this, (client) => new BeatsApi(client))`.
 */
export class ApiController<Api> {
  #api: Api | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, create: (client: ApiClient) => Api) {
    new ContextConsumer(host, {
      context: apiContext,
      callback: (client) => {
        this.#api = create(client);
        host.requestUpdate();
      },
    });
  }

  get available(): boolean {
    return this.#api !== undefined;
  }

  get value(): Api {
    if (!this.#api) throw new Error('ApiClient not provided: is this element inside <cs-app>?');
    return this.#api;
  }
}
