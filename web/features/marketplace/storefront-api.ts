import { MyStorefront, ProducerProfile, type UpdateStorefrontRequest } from '../../../shared/schemas/storefronts.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** Typed calls to /api/producers/{id} (public) and /api/storefront (the producer's own). */
export class StorefrontApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  producer(id: string): Promise<ProducerProfile> {
    return this.#client.request({ method: 'GET', path: `/api/producers/${encodeURIComponent(id)}`, schema: ProducerProfile });
  }

  mine(): Promise<MyStorefront> {
    return this.#client.request({ method: 'GET', path: '/api/storefront', authenticated: true, schema: MyStorefront });
  }

  save(storefront: UpdateStorefrontRequest): Promise<MyStorefront> {
    return this.#client.request({ method: 'PUT', path: '/api/storefront', body: storefront, authenticated: true, schema: MyStorefront });
  }
}
