import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createMemoryLogger } from '../platform/logger.ts';
import { attachUpgradeGate } from './upgrade-gate.ts';

/** Opens a real websocket and reports how the server answered the upgrade. */
function tryConnect(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ opened: boolean; status?: number }>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.on('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode }));
    socket.on('error', () => resolve({ opened: false }));
  });
}

describe('sync socket upgrade gate', () => {
  let server: Server;
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function listen(verify?: (ticket: string) => { userId: string } | undefined) {
    server = createServer((_request, response) => response.end());
    const { WebSocketServer } = await import('ws');
    const wss = new WebSocketServer({ noServer: true });
    const accepted: Array<{ userId: string; documentId: string }> = [];
    attachUpgradeGate(server, {
      allowedOrigins: ['https://studio.example'],
      logger: createMemoryLogger(),
      ...(verify && { verifyTicket: async (ticket: string) => verify(ticket) }),
      onAccepted: (request, socket, head, context) => {
        accepted.push(context);
        wss.handleUpgrade(request, socket, head, (ws) => ws.close(1000));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return { port: (server.address() as AddressInfo).port, accepted };
  }

  it('refuses every upgrade without a verifiable ticket, before any websocket exists', async () => {
    const { port, accepted } = await listen();
    expect(await tryConnect(port, '/api/collab/song-1')).toEqual({ opened: false, status: 401 });
    expect(await tryConnect(port, '/api/collab/song-1?ticket=anything')).toEqual({ opened: false, status: 401 });
    expect(accepted).toEqual([]);
  });

  it('refuses unknown paths and foreign origins, and accepts a verified ticket', async () => {
    const { port, accepted } = await listen((ticket) => (ticket === 'good' ? { userId: 'u1' } : undefined));
    expect((await tryConnect(port, '/elsewhere?ticket=good')).status).toBe(404);
    expect((await tryConnect(port, '/api/collab/../../etc?ticket=good')).status).toBe(404);
    expect((await tryConnect(port, '/api/collab/song-1?ticket=good', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await tryConnect(port, '/api/collab/song-1?ticket=bad')).status).toBe(401);
    expect((await tryConnect(port, '/api/collab/song-1?ticket=good', { origin: 'https://studio.example' })).opened).toBe(true);
    expect(accepted).toEqual([{ userId: 'u1', documentId: 'song-1' }]);
  });
});
