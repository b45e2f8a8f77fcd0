import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { answerRequests, ownUsage, type Request } from './ipc.ts';

/**
 * What a server child answers: its CPU time and memory ('usage', optionally after a full GC) and,
 * when asked, a CPU profile of exactly one measurement window ('profile-start' / 'profile-stop'),
 * written as a .cpuprofile file that Chrome DevTools or speedscope open.
 */
export function answerServerRequests(extra: () => Record<string, unknown>, onExit: () => Promise<void> | void): void {
  let session: Session | undefined;
  answerRequests(async (request: Request) => {
    switch (request.type) {
      case 'usage':
        return { ...ownUsage(request.collectGarbage === true), ...extra() };
      case 'profile-start':
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
        return true;
      case 'profile-stop': {
        if (!session) throw new Error('no profile running');
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        session = undefined;
        await writeFile(request.file as string, JSON.stringify(profile));
        return true;
      }
      default:
        throw new Error(`unknown request ${request.type}`);
    }
  }, onExit);
}
