import { describe, expect, it } from 'vitest';
import { isQuotaError, pendingChangesKey, replicaDatabaseName } from './project-document-replica.ts';

describe('project document replicas', () => {
  it('keeps the song where it always was and the comments beside it', () => {
    // Renaming these would strand every song already stored on people's devices.
    expect(replicaDatabaseName('p1', 'song')).toBe('creatorsync-song-p1');
    expect(pendingChangesKey('p1', 'song')).toBe('cs-pending-changes:p1');
    expect(replicaDatabaseName('p1', 'comments')).toBe('creatorsync-comments-p1');
    expect(pendingChangesKey('p1', 'comments')).toBe('cs-pending-changes:p1.comments');
  });

  it('recognises a quota error, also wrapped by y-indexeddb', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
