/**
 * A line diff (longest common subsequence), for comparing two versions of a song's lyrics and for
 * restoring an old version as the smallest edit on top of the current one.
 */
export type LineChange =
  | { kind: 'same'; line: string; oldIndex: number; newIndex: number }
  | { kind: 'removed'; line: string; oldIndex: number }
  | { kind: 'added'; line: string; newIndex: number };

/** Above this many line pairs the table would be too large; the diff falls back to remove-all/add-all. */
const MAX_CELLS = 4_000_000;

export function diffLines(oldText: string, newText: string): LineChange[] {
  const before = oldText === '' ? [] : oldText.split('\n');
  const after = newText === '' ? [] : newText.split('\n');
  // Common prefix and suffix are cheap and usually most of a song.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const changes: LineChange[] = [];
  for (let i = 0; i < start; i++) changes.push({ kind: 'same', line: before[i]!, oldIndex: i, newIndex: i });
  changes.push(...diffMiddle(before, after, start, endBefore, start, endAfter));
  for (let i = 0; i < before.length - endBefore; i++) {
    changes.push({ kind: 'same', line: before[endBefore + i]!, oldIndex: endBefore + i, newIndex: endAfter + i });
  }
  return changes;
}

function diffMiddle(before: string[], after: string[], fromOld: number, toOld: number, fromNew: number, toNew: number): LineChange[] {
  const n = toOld - fromOld;
  const m = toNew - fromNew;
  if (n * m > MAX_CELLS) {
    return [
      ...before.slice(fromOld, toOld).map((line, i) => ({ kind: 'removed' as const, line, oldIndex: fromOld + i })),
      ...after.slice(fromNew, toNew).map((line, i) => ({ kind: 'added' as const, line, newIndex: fromNew + i })),
    ];
  }
  // lengths[i][j] = LCS length of before[fromOld+i..] and after[fromNew+j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[fromOld + i] === after[fromNew + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[fromOld + i] === after[fromNew + j]) {
      changes.push({ kind: 'same', line: before[fromOld + i]!, oldIndex: fromOld + i, newIndex: fromNew + j });
      i++;
      j++;
    } else if (i < n && (j === m || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      // On a tie, removals come first: a changed line reads as "old line, then new line".
      changes.push({ kind: 'removed', line: before[fromOld + i]!, oldIndex: fromOld + i });
      i++;
    } else {
      changes.push({ kind: 'added', line: after[fromNew + j]!, newIndex: fromNew + j });
      j++;
    }
  }
  return changes;
}

/** Rebuilds the new text from a diff: the property the tests hold it to. */
export function applyLineDiff(changes: readonly LineChange[]): string {
  return changes
    .filter((change) => change.kind !== 'removed')
    .map((change) => change.line)
    .join('\n');
}
