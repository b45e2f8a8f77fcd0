import type { RequestIdVariables } from 'hono/request-id';

/** Per-request values the middleware chain sets for handlers. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    /** Set by requireAuth once the access token and its session have been checked. */
    auth: { userId: string; sessionId: string };
    clientIp: string;
  };
}
