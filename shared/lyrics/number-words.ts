/**
 * Spells numbers the way they are rapped, so "24/7" and "1999" get the right syllable count:
 * years are read in pairs ("nineteen ninety-nine"), other numbers in full.
 */
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function belowHundred(value: number): string[] {
  if (value < 20) return [ONES[value] as string];
  const tens = TENS[Math.floor(value / 10)] as string;
  return value % 10 === 0 ? [tens] : [tens, ONES[value % 10] as string];
}

function belowThousand(value: number): string[] {
  if (value < 100) return belowHundred(value);
  const rest = value % 100;
  return [ONES[Math.floor(value / 100)] as string, 'hundred', ...(rest ? belowHundred(rest) : [])];
}

/** Words for a non-negative integer written in digits; long digit strings are read digit by digit. */
export function numberToWords(digits: string): string[] {
  if (!/^\d+$/.test(digits)) return [];
  if (digits.length > 1 && digits.startsWith('0')) return [...digits].map((digit) => ONES[Number(digit)] as string);
  const value = Number(digits);
  if (digits.length === 4 && value >= 1100 && value < 2100 && !(value >= 2000 && value < 2010) && value % 100 !== 0) {
    const low = value % 100;
    return [...belowHundred(Math.floor(value / 100)), ...(low < 10 ? ['oh', ONES[low] as string] : belowHundred(low))];
  }
  if (value < 1000) return belowThousand(value);
  if (value < 1_000_000) {
    const rest = value % 1000;
    return [...belowThousand(Math.floor(value / 1000)), 'thousand', ...(rest ? belowThousand(rest) : [])];
  }
  return [...digits].map((digit) => ONES[Number(digit)] as string);
}
