import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/** The most of a refused body that is read (and thrown away) to keep its connection usable. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads and throws away a request body the API refuses without reading it (too large by its
 * Content-Length), so the refusal goes out on a connection the client can go on using. A client keeps
 * sending the body until it is done; a server that answers and then closes the connection while the
 * bytes still arrive resets it, and the client may see a network error instead of the 413 — or send
 * its next request down that dying connection. Gives up past `maxMs` or DRAIN_MAX_BYTES; the answer
 * then closes the connection (see `closesConnection`).
 */
export async function drainRefusedBody(c: Context, maxMs: number): Promise<void> {
  const body = c.req.raw.body;
  const declared = Number(c.req.header('content-length'));
  // A body some reader already holds (a chunked one the limit was counting) is not ours to read.
  if (!body || body.locked || !(declared <= DRAIN_MAX_BYTES)) return;
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), maxMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next === 'timeout' || next.done) break;
    }
  } catch {
    // The client went away: nothing left to keep usable.
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

/**
 * Whether an error answer must close its connection: the request's body was not read to its end, so
 * the connection cannot carry another request (the rest of the body would be read as one).
 */
export function closesConnection(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming !== undefined && !incoming.readableEnded && incoming.method !== 'GET' && incoming.method !== 'HEAD';
}
