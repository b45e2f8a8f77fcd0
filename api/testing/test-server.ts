import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createTicketedProvider } from '../../web/sync/ticketed-provider.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { DatabaseKind } from './test-database.ts';

/** The test app listening on a real port with the sync server attached. */
export async function startTestServer(kind: DatabaseKind, options: Parameters<typeof createTestApp>[1] = {}) {
  const t = await createTestApp(kind, options);
  return listen(t);
}

export async function listen(t: TestApp) {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  t.sync.attach(server);
  t.messagesLive.attach(server);
  const port = (server.address() as AddressInfo).port;
  return {
    ...t,
    server,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/api/collab`,
    close: async () => {
      await t.sync.close();
      await t.messagesLive.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof listen>>;

/** Asks the API for a ticket, as the web app does. */
export async function fetchTicket(httpUrl: string, accessToken: string, projectId: string, document: 'song' | 'comments' = 'song') {
  const response = await fetch(`${httpUrl}/api/projects/${projectId}/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ document }),
  });
  if (response.status === 404 || response.status === 401) throw Object.assign(new Error(`ticket ${response.status}`), { permanent: true });
  if (!response.ok) throw new Error(`ticket ${response.status}`);
  return (await response.json()) as { ticket: string; document: string; role: string };
}

/** A Node client editing a project document over a real websocket, with the app's reconnect logic. */
export function connectClient(server: { httpUrl: string; wsUrl: string }, accessToken: string, projectId: string, document: 'song' | 'comments' = 'song') {
  const doc = new Y.Doc();
  const connection = createTicketedProvider({
    serverUrl: server.wsUrl,
    documentName: document === 'song' ? projectId : `${projectId}.comments`,
    doc,
    getTicket: async () => (await fetchTicket(server.httpUrl, accessToken, projectId, document)).ticket,
    WebSocketPolyfill: WebSocket,
    maxBackoffMs: 300,
  });
  return {
    doc,
    ...connection,
    synced: () => waitFor(() => connection.provider.synced),
  };
}

/** Polls until the condition holds (or fails after the timeout). Real sockets need real waiting. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
