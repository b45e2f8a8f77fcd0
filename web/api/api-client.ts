import type { ZodType } from 'zod';
import { Session } from '../../shared/schemas/auth.ts';
import { ApiError } from './api-error.ts';
import { xhrUpload, type UploadTransport } from './xhr-upload.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface ApiRequest<T> {
  method: HttpMethod;
  path: `/api/${string}`;
  body?: unknown;
  /** Send the in-memory access token, and on a 401 refresh the session once and retry. */
  authenticated?: boolean;
  /** Parses the JSON body; omit for 204 responses. */
  schema?: ZodType<T>;
  /** A file sent as the raw request body (not JSON), e.g. beat audio. */
  rawBody?: { data: Blob; contentType: string };
  /** Reports upload progress of `rawBody` (sent through the upload transport). */
  onUploadProgress?: (sent: number, total: number) => void;
}

export interface ApiClientOptions {
  fetch: typeof fetch;
  /** The current UI locale, sent as Accept-Language so the API's error messages match the UI. */
  getLocale: () => string;
  /** Origin prefix, '' for same-origin (the app and the API are served together). */
  baseUrl?: string;
  /** Sends bodies whose progress is watched; XMLHttpRequest by default. */
  upload?: UploadTransport;
}

export type SessionListener = (session: Session | null) => void;

/**
 * The one door to the API. The access token lives only in this object's memory (never in storage,
 * so script injection cannot lift a long-lived credential); the refresh token is an HttpOnly cookie
 * the browser sends to /api/auth/refresh by itself.
 */
export class ApiClient {
  readonly #fetch: typeof fetch;
  readonly #getLocale: () => string;
  readonly #baseUrl: string;
  readonly #upload: UploadTransport;
  readonly #listeners = new Set<SessionListener>();
  #accessToken: string | null = null;
  /** Bumped by every setSession, so a refresh can tell that a sign-in happened while it was in flight. */
  #generation = 0;
  /** Concurrent 401s share one refresh: the API rotates the cookie, so a second refresh would fail. */
  #refreshing: Promise<Session | null> | null = null;

  constructor(options: ApiClientOptions) {
    this.#fetch = options.fetch;
    this.#getLocale = options.getLocale;
    this.#baseUrl = options.baseUrl ?? '';
    this.#upload = options.upload ?? xhrUpload;
  }

  get hasAccessToken(): boolean {
    return this.#accessToken !== null;
  }

  /** Called with the new session after every sign-in or refresh, and with null when it ends. */
  onSession(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Adopts a session returned by register, login or a password change. */
  setSession(session: Session | null): void {
    this.#generation++;
    this.#accessToken = session?.accessToken ?? null;
    for (const listener of this.#listeners) listener(session);
  }

  /**
   * Exchanges the refresh cookie for a new session. Resolves null when there is no valid session (401),
   * rejects with an ApiError when the server cannot be reached or fails.
   */
  refresh(): Promise<Session | null> {
    this.#refreshing ??= this.#acrossTabs(() => this.#refreshNow()).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /**
   * Other tabs of the app share the refresh cookie: one refresh at a time across them, so each sends
   * the cookie the previous one set. (The server copes with two at once too, but then the cookie the
   * browser keeps is whichever answer landed last, which need not be the live one.)
   */
  #acrossTabs<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? (locks.request('creatorsync-refresh', work) as Promise<T>) : work();
  }

  async request<T = undefined>(request: ApiRequest<T>): Promise<T> {
    return this.#read(await this.#sendWithSession(request), request.schema);
  }

  /** A binary answer (a PDF, a file), with the same token handling as `request`. */
  async requestBlob(request: Omit<ApiRequest<never>, 'schema'>): Promise<Blob> {
    const response = await this.#sendWithSession(request);
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response.blob();
  }

  /**
   * Sends a request with the access token. Without one yet (the start-up refresh still in flight,
   * or back online after starting offline) it refreshes first instead of collecting a certain 401;
   * a 401 with a token (expired) refreshes once and retries.
   */
  async #sendWithSession(request: ApiRequest<unknown>): Promise<Response> {
    if (!request.authenticated) return this.#send(request);
    let refreshed = false;
    if (!this.#accessToken) {
      refreshed = true;
      // An unreachable server rejects right here. Sending anyway would go out without a token and, if
      // the network came back in between, collect a 401 for a session that is fine.
      if (!(await this.refresh())) return this.#send(request);
    }
    const response = await this.#send(request);
    if (response.status !== 401 || refreshed) return response;
    if (!(await this.refresh())) return response;
    await response.body?.cancel();
    return this.#send(request);
  }

  async #refreshNow(): Promise<Session | null> {
    const startedAt = this.#generation;
    const response = await this.#send({ method: 'POST', path: '/api/auth/refresh' });
    if (response.status === 401) {
      // Drain the body so the connection can be reused; its content is not needed.
      await response.body?.cancel();
      // A sign-in that finished while this refresh was in flight wins: a stale 401 must not wipe it.
      if (this.#generation === startedAt) this.setSession(null);
      return null;
    }
    const session = await this.#read(response, Session);
    if (this.#generation === startedAt) this.setSession(session);
    return session;
  }

  async #send(request: ApiRequest<unknown>): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json', 'Accept-Language': this.#getLocale() });
    if (request.body !== undefined) headers.set('Content-Type', 'application/json');
    if (request.rawBody) headers.set('Content-Type', request.rawBody.contentType);
    if (request.authenticated && this.#accessToken) headers.set('Authorization', `Bearer ${this.#accessToken}`);
    try {
      if (request.rawBody) {
        const onProgress = request.onUploadProgress ?? (() => {});
        return await this.#upload(this.#baseUrl + request.path, { method: request.method, headers, body: request.rawBody.data }, onProgress);
      }
      return await this.#fetch(this.#baseUrl + request.path, {
        method: request.method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (cause) {
      throw ApiError.network(cause);
    }
  }

  async #read<T>(response: Response, schema: ZodType<T> | undefined): Promise<T> {
    if (!response.ok) throw await ApiError.fromResponse(response);
    if (!schema) {
      await response.body?.cancel();
      return undefined as T;
    }
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: 'unexpected_response',
        message: `Response from ${response.url || 'the API'} does not match its schema`,
        localized: false,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}
