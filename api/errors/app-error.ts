import { ERROR_STATUS, type ErrorCode } from './error-codes.ts';

export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

/**
 * The one error type route and service code throws. The central handler turns it into
 * `{ error: { code, message, details? } }` with the status from ERROR_STATUS; `params` fill
 * the placeholders of the localised message, `headers` travel with the response (Retry-After).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: {
      params?: Record<string, string | number>;
      details?: ErrorDetail[];
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.params = options.params ?? {};
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
