import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Reads a service from a context and re-renders the host whenever the service fires `change`.
 * Listening starts when the host connects and stops when it disconnects, so detached pages leak nothing.
 */
export class ServiceController<Service extends EventTarget> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #service: Service | undefined;
  #listening = false;
  readonly #onChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement, context: Context<unknown, Service>) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context,
      subscribe: true,
      callback: (service) => this.#attach(service),
    });
  }

  /** The service; present once the host is connected under a provider (cs-app). */
  get value(): Service {
    if (!this.#service) throw new Error('Service not provided: is this element inside <cs-app>?');
    return this.#service;
  }

  get available(): boolean {
    return this.#service !== undefined;
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#service?.removeEventListener('change', this.#onChange);
    this.#listening = false;
  }

  #attach(service: Service): void {
    if (service === this.#service) return;
    this.hostDisconnected();
    this.#service = service;
    this.#listen();
    this.#host.requestUpdate();
  }

  #listen(): void {
    if (this.#listening || !this.#service) return;
    this.#service.addEventListener('change', this.#onChange);
    this.#listening = true;
  }
}
