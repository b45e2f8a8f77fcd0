import { describe, expect, it } from 'vitest';
import { AppUpdates, type WorkboxLike } from './app-updates.ts';

class FakeWorkbox implements WorkboxLike {
  readonly listeners = new Map<string, Array<() => void>>();
  registered = false;
  skipWaitingMessages = 0;

  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  async register(): Promise<void> {
    this.registered = true;
  }

  messageSkipWaiting(): void {
    this.skipWaitingMessages++;
  }

  emit(type: 'waiting' | 'controlling'): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

function setup(overrides: { enabled?: boolean; container?: ServiceWorkerContainer | undefined } = {}) {
  const workbox = new FakeWorkbox();
  let reloads = 0;
  const errors: unknown[] = [];
  const updates = new AppUpdates({
    scriptUrl: '/sw.js',
    enabled: overrides.enabled ?? true,
    container: 'container' in overrides ? overrides.container : ({} as ServiceWorkerContainer),
    reload: () => reloads++,
    reportError: (error) => errors.push(error),
    createWorkbox: async () => workbox,
  });
  return { updates, workbox, errors, reloads: () => reloads };
}

describe('AppUpdates', () => {
  it('registers the service worker in production builds only', async () => {
    const production = setup();
    await production.updates.register();
    expect(production.workbox.registered).toBe(true);

    const development = setup({ enabled: false });
    await development.updates.register();
    expect(development.workbox.registered).toBe(false);

    const unsupported = setup({ container: undefined });
    await unsupported.updates.register();
    expect(unsupported.workbox.registered).toBe(false);
  });

  it('offers the update when a new worker waits, and reloads once it takes control', async () => {
    const { updates, workbox, reloads } = setup();
    let changes = 0;
    updates.addEventListener('change', () => changes++);
    await updates.register();
    expect(updates.updateReady).toBe(false);

    workbox.emit('waiting');
    expect(updates.updateReady).toBe(true);
    expect(changes).toBe(1);

    updates.applyUpdate();
    expect(workbox.skipWaitingMessages).toBe(1);
    expect(reloads()).toBe(0);
    workbox.emit('controlling');
    expect(reloads()).toBe(1);
  });

  it('can be dismissed', async () => {
    const { updates, workbox } = setup();
    await updates.register();
    workbox.emit('waiting');
    updates.dismiss();
    expect(updates.updateReady).toBe(false);
  });

  it('reports a failed registration instead of throwing', async () => {
    const { updates, workbox, errors } = setup();
    workbox.register = async () => {
      throw new Error('blocked');
    };
    await updates.register();
    expect(errors).toHaveLength(1);
  });
});
