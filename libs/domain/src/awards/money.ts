/** "£11,720.00" from 1172000 pence; negative amounts get a leading minus. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}£${pounds}.${rest}`;
}

/** floor(amount × percent / 100) in exact integer arithmetic; percent may carry two decimals. */
export function percentOf(amountPence: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  return Math.floor((amountPence * basisPoints) / 10_000);
}
