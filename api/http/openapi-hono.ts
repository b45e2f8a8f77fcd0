import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';
import { ErrorResponse } from '../../shared/schemas/error.ts';

/**
 * An OpenAPIHono whose validation failures become our `validation_failed` error with per-field
 * details, instead of the library's default body. Every feature's router is made with this.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      throw new AppError('validation_failed', {
        details: result.error.issues.slice(0, 20).map((issue) => ({
          path: issue.path.map(String).join('.'),
          code: issue.code === 'custom' ? issue.message : issue.code,
          message: issue.message,
        })),
      });
    },
  });
}

/** The standard error responses, for route declarations. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: ErrorResponse } } },
    ]),
  );
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (e.g. invalid JSON)',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with existing data',
  410: 'Gone: expired, or revoked (e.g. a licence whose order was refunded)',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'Body fails validation; `details` names the fields',
  429: 'Too many requests; see Retry-After',
  503: 'Not ready',
};
