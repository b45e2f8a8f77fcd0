import { createRoute } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { DeleteAccountRequest } from '../../../shared/schemas/auth.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import type { AccountDeletionService } from './account-deletion.ts';
import { requireAuth } from './require-auth.ts';
import { REFRESH_COOKIE_NAME } from './routes.ts';
import type { AuthService } from './service.ts';

const deleteAccountRoute = createRoute({
  method: 'delete',
  path: '/account',
  tags: ['auth'],
  summary: 'Deletes your account (confirmed with your password)',
  description:
    'Erases the e-mail, password, profile, writing-style data and sessions; withdraws published beats and presets from the store (licences already sold keep working); hands songs you own to a collaborator, or bins them; cancels a paid plan at the end of its period.',
  security: [{ bearerAuth: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: DeleteAccountRequest } } } },
  responses: { 204: { description: 'Deleted; every session is signed out' }, ...errorResponses(401, 403, 404, 413, 415, 422, 502) },
});

/** `/api/auth/account`: the signed-in person's account itself. */
export function accountRoutes(deps: { auth: AuthService; deletion: AccountDeletionService }) {
  const router = createRouter();
  router.use('/account', requireAuth(deps.auth));
  router.openapi(deleteAccountRoute, async (c) => {
    await deps.deletion.deleteAccount(c.get('auth').userId, c.req.valid('json').password);
    // The refresh cookie's session is revoked with the others; clear it so the browser stops sending it.
    deleteCookie(c, REFRESH_COOKIE_NAME, { prefix: 'host', path: '/', secure: true });
    return c.body(null, 204);
  });
  return router;
}
