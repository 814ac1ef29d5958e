/**
 * Claim references: `YY-NNNNNN-C`. `YY` is the year of submission, `NNNNNN` a number from one database
 * sequence (zero-padded to six digits, longer once the sequence passes 999,999: it never restarts, so a
 * reference is unique for ever), and `C` a check character by ISO/IEC 7064 MOD 11-2 over the digits of
 * `YY` and `NNNNNN`, written `0`-`9` or `X`.
 *
 * MOD 11-2 (the check digit of ORCID and ISNI) catches every single wrong digit and every swap of two
 * adjacent digits, the two commonest mistakes when a reference is read out on the phone or typed from a
 * letter. So a mistyped reference is refused before any look-up.
 *
 * Algorithm: total = 0; for each digit d, left to right: total = ((total + d) * 2) mod 11;
 * check = (12 - total) mod 11; 10 is written X.
 */

const REFERENCE_PATTERN = /^(\d{2})-(\d{6,12})-([0-9X])$/;

export function mod11_2CheckCharacter(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('MOD 11-2 is computed over digits only');
  let total = 0;
  for (let index = 0; index < digits.length; index += 1) {
    total = ((total + (digits.charCodeAt(index) - 48)) * 2) % 11;
  }
  const check = (12 - total) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The reference for the `serial`-th claim (from the sequence) submitted in `year` (four digits). */
export function formatClaimReference(year: number, serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError('a claim serial is a positive integer');
  const yy = String(year % 100).padStart(2, '0');
  const number = String(serial).padStart(6, '0');
  return `${yy}-${number}-${mod11_2CheckCharacter(yy + number)}`;
}

/** Whether the text is well formed and its check character matches (case of `x` ignored). */
export function isValidClaimReference(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = REFERENCE_PATTERN.exec(text.toUpperCase());
  if (!match) return false;
  const [, yy, number, check] = match as unknown as [string, string, string, string];
  return mod11_2CheckCharacter(yy + number) === check;
}

/** The canonical spelling of a valid reference (an `x` check character made upper case). */
export function normaliseClaimReference(text: string): string {
  return text.toUpperCase();
}
