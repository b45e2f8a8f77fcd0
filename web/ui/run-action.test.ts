import { describe, expect, it } from 'vitest';
import { runAction, type ActionFeedback } from './run-action.ts';

describe('runAction', () => {
  it('clears old feedback, is busy while running, and reports a failure as the error line', async () => {
    const host: ActionFeedback = { busy: false, error: 'old error', status: 'old status' };
    let seenBusy = false;
    await runAction(host, async () => {
      seenBusy = host.busy;
      throw new Error('offline');
    }, (error) => `failed: ${(error as Error).message}`);
    expect(seenBusy).toBe(true);
    expect(host).toEqual({ busy: false, error: 'failed: offline', status: '' });
  });

  it('ignores a second action while one is running', async () => {
    const host: ActionFeedback = { busy: false, error: '', status: '' };
    let runs = 0;
    let finish: () => void = () => {};
    const first = runAction(host, () => new Promise<void>((resolve) => { runs++; finish = resolve; }), String);
    await runAction(host, async () => { runs++; }, String);
    finish();
    await first;
    expect(runs).toBe(1);
  });
});
