/**
 * CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled, lines end
 * with CRLF. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
 * prefixed with an apostrophe: beat titles are written by producers, the file is opened by others.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(fields: ReadonlyArray<string | number>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
