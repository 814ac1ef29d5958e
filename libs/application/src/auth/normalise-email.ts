/** One spelling per address, as the blind index also normalises it (case and surrounding spaces do not count). */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}
