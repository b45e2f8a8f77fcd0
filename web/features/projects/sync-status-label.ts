import type { SyncState } from '../../sync/sync-status.ts';
import { messageId } from '../../app/message-id.ts';

/** How a sync state reads to the user: a catalog id, its values, and a tone for the badge. */
export interface SyncStatusLabel {
  id: string;
  values: { count: number };
  tone: 'ok' | 'busy' | 'offline';
}

/**
 * Maps a project's SyncState to what its badge says: "Synced", "Syncing…" (with the number of changes
 * still on their way, if any) or "Offline" with the number of changes kept on this device.
 */
export function syncStatusLabel(state: SyncState): SyncStatusLabel {
  switch (state.kind) {
    case 'synced':
      return { id: messageId('projects.sync.synced'), values: { count: 0 }, tone: 'ok' };
    case 'syncing':
      return state.pending > 0
        ? { id: messageId('projects.sync.syncingChanges'), values: { count: state.pending }, tone: 'busy' }
        : { id: messageId('projects.sync.syncing'), values: { count: 0 }, tone: 'busy' };
    case 'offline':
      return state.pending > 0
        ? { id: messageId('projects.sync.offlineChanges'), values: { count: state.pending }, tone: 'offline' }
        : { id: messageId('projects.sync.offline'), values: { count: 0 }, tone: 'offline' };
  }
}
