import { ErrorResponse } from '../../shared/schemas/error.ts';

/** Codes the client itself produces, next to the API's own codes (`invalid_credentials`, ...). */
export const ClientErrorCode = {
  /** fetch() rejected: offline, DNS, connection refused. */
  network: 'network_unavailable',
  /** The server answered with something that is not the documented error shape. */
  unexpectedResponse: 'unexpected_response',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * A failed API call. `message` is shown to the user as is when `localized` is true: the API writes it
 * in the language of the Accept-Language header. Client-side failures carry no localised text, so the UI
 * picks its own catalog message for them (see `errorMessage` in web/app/error-message.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly FieldProblem[];
  readonly localized: boolean;
  /** Seconds to wait, from Retry-After on 429/503. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    localized: boolean;
    details?: readonly FieldProblem[];
    retryAfter?: number | null;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.localized = init.localized;
    this.details = init.details ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  get isNetworkError(): boolean {
    return this.code === ClientErrorCode.network;
  }

  static network(cause: unknown): ApiError {
    return new ApiError({ status: 0, code: ClientErrorCode.network, message: 'Network request failed', localized: false, cause });
  }

  /** Reads the documented `{ error: { code, message } }` body; anything else becomes `unexpected_response`. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      return new ApiError({
        status: response.status,
        code: ClientErrorCode.unexpectedResponse,
        message: `HTTP ${response.status} without a JSON error body`,
        localized: false,
        retryAfter,
        cause,
      });
    }
    const parsed = ErrorResponse.safeParse(body);
    if (!parsed.success) {
      return new ApiError({
        status: response.status,
        code: ClientErrorCode.unexpectedResponse,
        message: `HTTP ${response.status} with an unknown error shape`,
        localized: false,
        retryAfter,
      });
    }
    const { code, message, details } = parsed.data.error;
    return new ApiError({ status: response.status, code, message, localized: true, details: details ?? [], retryAfter });
  }
}

/** Retry-After is either delta-seconds or an HTTP date; only the seconds form is used by our API. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value.trim());
}
