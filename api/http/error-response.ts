import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors/app-error.ts';
import { closesConnection } from './refused-body.ts';
import type { ErrorResponse } from '../../shared/schemas/error.ts';
import { localeFromHeader, translate } from '../i18n/translate.ts';
import type { Logger } from '../platform/logger.ts';

/** Turns what Hono's own middleware throws (validator, body limit, media-type gate) into our codes. */
function fromHttpException(error: HTTPException): AppError {
  switch (error.status) {
    case 400:
      return new AppError(/json/i.test(error.message) ? 'malformed_json' : 'bad_request', { cause: error });
    case 401:
      return new AppError('unauthenticated', { cause: error });
    case 403:
      return new AppError('forbidden', { cause: error });
    case 404:
      return new AppError('not_found', { cause: error });
    case 405:
      return new AppError('method_not_allowed', { cause: error });
    case 413:
      return new AppError('payload_too_large', { cause: error });
    case 415:
      return new AppError('unsupported_media_type', { cause: error });
    default:
      return new AppError(error.status >= 500 ? 'internal' : 'bad_request', { cause: error });
  }
}

/**
 * The one place an error becomes a response: `{ error: { code, message, details? } }`, message in the
 * caller's language. Anything that is not an AppError is logged with its stack and answered as a
 * plain `internal` error, so no stack trace or driver message ever reaches a client.
 */
export function errorResponse(error: unknown, c: Context, logger: Logger, params: Record<string, string | number> = {}): Response {
  const appError =
    error instanceof AppError ? error : error instanceof HTTPException ? fromHttpException(error) : new AppError('internal', { cause: error });
  if (appError.status >= 500) {
    logger.error('request failed', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error });
  }
  const locale = localeFromHeader(c.req.header('accept-language'));
  const body: ErrorResponse = {
    error: {
      code: appError.code,
      message: translate(locale, `error.${appError.code}`, { ...params, ...appError.params }),
      ...(appError.details && { details: appError.details }),
    },
  };
  for (const [name, value] of Object.entries(appError.headers)) c.header(name, value);
  // A body refused for its size may still be arriving: unless it was read to its end, this answer ends
  // the connection, so the client does not send its next request down it.
  if (appError.status === 413 && closesConnection(c)) c.header('Connection', 'close');
  c.header('Content-Language', locale);
  c.header('Cache-Control', 'no-store');
  return c.json(body, appError.status as 400);
}
