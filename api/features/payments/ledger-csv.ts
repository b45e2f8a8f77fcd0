/** One ledger line as exported. Amounts in cents. */
export interface LedgerLine {
  createdAt: Date;
  orderId: string;
  licenceId: string;
  beatId: string;
  beatTitle: string;
  tier: string;
  userId: string;
  basisPoints: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
  feeBasisPoints: number;
  /** `sale`, or `refund` (negative amounts taking part of a sale back). */
  kind: string;
}

const HEADER = ['date', 'order_id', 'licence_id', 'beat_id', 'beat_title', 'tier', 'collaborator_id', 'share_percent', 'gross', 'platform_fee_percent', 'platform_fee', 'net', 'currency', 'kind'];

/**
 * RFC 4180 quoting, plus a leading apostrophe on text a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR): beat titles are chosen by producers, and the CSV is opened by others.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  // A plain number (a refund's "-12.50") is a number to a spreadsheet, not a formula.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const amount = (cents: number) => (cents / 100).toFixed(2);

export function ledgerCsv(lines: readonly LedgerLine[]): string {
  const rows = lines.map((line) =>
    [
      line.createdAt.toISOString(),
      line.orderId,
      line.licenceId,
      line.beatId,
      line.beatTitle,
      line.tier,
      line.userId,
      (line.basisPoints / 100).toFixed(2),
      amount(line.grossCents),
      (line.feeBasisPoints / 100).toFixed(2),
      amount(line.feeCents),
      amount(line.netCents),
      'USD',
      line.kind,
    ]
      .map(csvField)
      .join(','),
  );
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
