import type { AwardEdition, StatutorySickPayRate } from './editions/index.js';

/** The weekly statutory sick pay rate of the edition's dated table in force on `isoDate`. */
export function statutorySickPayRateOn(edition: AwardEdition, isoDate: string): StatutorySickPayRate | undefined {
  let found: StatutorySickPayRate | undefined;
  for (const rate of edition.statutorySickPayRates) {
    if (rate.effectiveFrom <= isoDate && (found === undefined || rate.effectiveFrom > found.effectiveFrom))
      found = rate;
  }
  return found;
}
