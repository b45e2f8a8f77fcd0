import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { apiContext } from '../../app/contexts.ts';
import { ProjectsApi } from './projects-api.ts';

/** Gives a projects element the typed API over the shell's one ApiClient (see apiContext). */
export class ProjectsApiController {
  #api: ProjectsApi | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    new ContextConsumer(host, {
      context: apiContext,
      callback: (client) => {
        this.#api = new ProjectsApi(client);
        host.requestUpdate();
      },
    });
  }

  get available(): boolean {
    return this.#api !== undefined;
  }

  get value(): ProjectsApi {
    if (!this.#api) throw new Error('ApiClient not provided: is this element inside <cs-app>?');
    return this.#api;
  }
}
