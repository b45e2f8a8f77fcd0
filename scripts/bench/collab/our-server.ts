import { loadConfig } from '../../../api/config.ts';
import { startServer } from '../../../api/server.ts';
import { announce, answerRequests, ownUsage } from './ipc.ts';

/**
 * Child process: the real CreatorSync server (`api/server.ts`, configured from the environment the
 * parent prepared: PGlite in a temp DATA_DIR, raised rate limits), plus an IPC hook that reports
 * this process's CPU time and memory.
 */
const { port, close } = await startServer(loadConfig(process.env));
answerRequests(
  (request) => {
    if (request.type === 'usage') return ownUsage(request.collectGarbage === true);
    throw new Error(`unknown request ${request.type}`);
  },
  () => close(),
);
announce({ type: 'ready', port });
