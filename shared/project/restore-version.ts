import type * as Y from 'yjs';
import { diffLines } from './line-diff.ts';
import { MIX_COLLECTIONS, addMixEntity, projectParts } from './project-document.ts';

/**
 * Makes `current` look like `version` through ordinary edits on top of it, so history is never
 * rewritten and the restore merges with anything collaborators do at the same time. Lyrics change
 * line by line (the smallest diff), so unchanged lines keep their identity and anyone's cursor on
 * them stays put; metadata and mix fields are set or removed one by one.
 */
export function restoreVersion(current: Y.Doc, version: Y.Doc): void {
  current.transact(() => {
    restoreLyrics(current, projectParts.lyrics(version).toString());
    restoreFields(projectParts.meta(current), projectParts.meta(version), ['schemaVersion']);
    restoreFields(projectParts.mixSettings(current), projectParts.mixSettings(version));
    restoreFields(projectParts.mixMaster(current), projectParts.mixMaster(version));
    for (const collection of MIX_COLLECTIONS) {
      const target = projectParts.mixCollection(current, collection);
      const source = projectParts.mixCollection(version, collection);
      for (const id of [...target.keys()]) if (!source.has(id)) target.delete(id);
      for (const [id, entity] of source.entries()) {
        const existing = target.get(id);
        if (existing) restoreFields(existing, entity);
        else addMixEntity(current, collection, id, entity.toJSON());
      }
    }
  });
}

function restoreLyrics(doc: Y.Doc, wanted: string): void {
  const text = projectParts.lyrics(doc);
  const current = text.toString();
  // The lines as they are while the edits are applied; `index` is where the diff has got to.
  const lines = current === '' ? [] : current.split('\n');
  const offsetOf = (lineIndex: number) => lines.slice(0, lineIndex).reduce((sum, line) => sum + line.length + 1, 0);
  let index = 0;
  for (const change of diffLines(current, wanted)) {
    if (change.kind === 'same') {
      index++;
    } else if (change.kind === 'removed') {
      if (lines.length === 1) text.delete(0, text.length);
      else if (index < lines.length - 1) text.delete(offsetOf(index), change.line.length + 1);
      else text.delete(offsetOf(index) - 1, change.line.length + 1);
      lines.splice(index, 1);
    } else {
      if (lines.length === 0) text.insert(0, change.line);
      else if (index < lines.length) text.insert(offsetOf(index), change.line + '\n');
      else text.insert(text.length, '\n' + change.line);
      lines.splice(index, 0, change.line);
      index++;
    }
  }
}

function restoreFields<T>(target: Y.Map<T>, source: Y.Map<T>, keep: readonly string[] = []): void {
  for (const key of [...target.keys()]) if (!source.has(key) && !keep.includes(key)) target.delete(key);
  for (const [key, value] of source.entries()) if (!keep.includes(key) && target.get(key) !== value) target.set(key, value);
}
