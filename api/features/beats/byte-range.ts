import type { ByteRange } from '../../storage/storage.ts';

/**
 * Parses an HTTP `Range` header against a file of `size` bytes (RFC 9110 §14.1.2). Returns undefined
 * when there is no header or it is not a bytes range we serve (the whole file is sent then), the range
 * when it is satisfiable, and 'unsatisfiable' for a 416. Multiple ranges are answered with the whole
 * file, which the RFC allows and which players never ask for anyway.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return header.trim().startsWith('bytes=') && !header.includes(',') ? 'unsatisfiable' : undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    // Suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== '' && Number(last) < start)) return 'unsatisfiable';
  return { start, end };
}
