// Fractional order keys (docs/document-model.md): strings over 0-9A-Za-z, compared ordinally, never
// ending in '0'. Read a key as the digits after a base-62 point; keyBetween picks a digit string
// strictly between two such numbers, as short as it can.

export const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = ALPHABET.length;

function digit(c: string | undefined): number {
  if (c === undefined) return 0;
  const d = ALPHABET.indexOf(c);
  if (d < 0) throw new RangeError(`order key has a character outside 0-9A-Za-z: ${c}`);
  return d;
}

/** True when the key is usable: non-empty, alphabet only, no trailing '0'. */
export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.endsWith('0')) return false;
  for (const c of key) if (ALPHABET.indexOf(c) < 0) return false;
  return true;
}

/** Ordinal comparison, the one the document model prescribes (not localeCompare). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// a < b as base-62 fractions; a may be '' (zero), b undefined means one.
// `step` (only for appending at the very end) moves up one digit instead of halving the gap.
function midpoint(a: string, b: string | undefined, step = false): string {
  if (b !== undefined) {
    // Shared leading digits (a padded with zeros) stay as they are.
    let n = 0;
    while (n < b.length && (a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a[0]);
  if (b === undefined && step) {
    // Appending is the common case: step the first digit by one rather than halving the gap, so a
    // bill's keys grow by one character per 61 appended articles instead of one per five.
    return da + 1 < BASE ? ALPHABET[da + 1]! : ALPHABET[da]! + midpoint(a.slice(1), undefined, true);
  }
  const db = b !== undefined ? digit(b[0]) : BASE;
  if (db - da > 1) {
    return ALPHABET[Math.round((da + db) / 2)]!;
  }
  // Neighbouring first digits.
  if (b !== undefined && b.length > 1) {
    // b's first digit alone is above a (larger first digit) and below b (b has more after it).
    return b.slice(0, 1);
  }
  return ALPHABET[da]! + midpoint(a.slice(1), undefined);
}

/**
 * A key strictly between a and b (either may be absent: the list's ends).
 * If a >= b, which happens when two people gave clauses the same key at once, no key fits between:
 * the result is then just after a, which keeps every replica's order identical (ids break ties).
 */
export function keyBetween(a: string | undefined | null, b: string | undefined | null): string {
  const lo = a ?? '';
  const hi = b ?? undefined;
  if (hi === undefined || hi.length === 0 || compareKeys(lo, hi) >= 0) return midpoint(lo, undefined, true);
  return midpoint(lo, hi);
}
