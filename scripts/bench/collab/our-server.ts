import { loadConfig } from '../../../api/config.ts';
import { startServer } from '../../../api/server.ts';
import { announce } from './ipc.ts';
import { answerServerRequests } from './server-requests.ts';

/**
 * Child process: the real CreatorSync server (`api/server.ts`, configured from the environment the
 * parent prepared: PGlite in a temp DATA_DIR, raised rate limits), plus IPC hooks that report
 * this process's CPU time and memory and take CPU profiles.
 */
const { port, close } = await startServer(loadConfig(process.env));
answerServerRequests(() => ({}), () => close());
announce({ type: 'ready', port });
