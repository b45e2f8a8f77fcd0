import { AppError } from '../../errors/app-error.ts';

const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ABORT_ERR']);

/**
 * A stream pipeline may wrap the error a transform raised (our AppError); keep it. A client that hung
 * up mid-upload is a bad request, not a server fault. Anything else is rethrown as it is.
 */
export function spoolErrorOf(error: unknown): unknown {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current;
    if (typeof current === 'object' && 'code' in current && CLIENT_GONE.has(String((current as { code: unknown }).code))) return new AppError('bad_request', { cause: error });
    current = typeof current === 'object' && 'cause' in current ? (current as { cause: unknown }).cause : undefined;
  }
  return error;
}
