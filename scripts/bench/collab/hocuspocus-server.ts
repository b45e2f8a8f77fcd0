import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { announce } from './ipc.ts';
import { answerServerRequests } from './server-requests.ts';

/**
 * Child process: bare Hocuspocus (no extensions: no persistence, no auth), wired to an HTTP server
 * the same way its own `Server` class does it, but bound to 127.0.0.1 only (`Server` passes its
 * `address` option where Node expects `host`, so it would listen on every interface).
 */
const hocuspocus = new Hocuspocus({ quiet: true });
const webSockets = new WebSocketServer({ noServer: true });
const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('Hocuspocus');
});
http.on('upgrade', (request, socket, head) => {
  webSockets.handleUpgrade(request, socket, head, (socket) => {
    socket.on('error', () => socket.terminate());
    hocuspocus.handleConnection(socket, request);
  });
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

answerServerRequests(
  () => ({ openDocuments: hocuspocus.getDocumentsCount() }),
  async () => {
    hocuspocus.closeConnections();
    webSockets.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  },
);
announce({ type: 'ready', port: (http.address() as AddressInfo).port });
