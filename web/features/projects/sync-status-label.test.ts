import { describe, expect, it } from 'vitest';
import { syncStatusLabel } from './sync-status-label.ts';

describe('syncStatusLabel', () => {
  it('says synced with nothing pending', () => {
    expect(syncStatusLabel({ kind: 'synced' })).toEqual({ id: 'projects.sync.synced', values: { count: 0 }, tone: 'ok' });
  });

  it('counts the changes still on their way while syncing', () => {
    expect(syncStatusLabel({ kind: 'syncing', pending: 0 }).id).toBe('projects.sync.syncing');
    expect(syncStatusLabel({ kind: 'syncing', pending: 3 })).toEqual({ id: 'projects.sync.syncingChanges', values: { count: 3 }, tone: 'busy' });
  });

  it('says how many changes are kept on the device while offline', () => {
    expect(syncStatusLabel({ kind: 'offline', pending: 0 }).id).toBe('projects.sync.offline');
    expect(syncStatusLabel({ kind: 'offline', pending: 12 })).toEqual({ id: 'projects.sync.offlineChanges', values: { count: 12 }, tone: 'offline' });
  });
});
