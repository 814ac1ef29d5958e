import type { AwardEdition } from './edition.js';
import { CICS_2012_AS_AMENDED_2019, CICS_2012_AS_MADE } from './cics-2012.js';

export type { AdjustmentStep, AwardEdition, AwardFigure, StatutorySickPayRate } from './edition.js';

/** Every edition we know, oldest first. A new edition is added here (see docs/awards.md). */
export const AWARD_EDITIONS: readonly AwardEdition[] = Object.freeze([CICS_2012_AS_MADE, CICS_2012_AS_AMENDED_2019]);

export function findAwardEdition(name: string): AwardEdition | undefined {
  return AWARD_EDITIONS.find((edition) => edition.name === name);
}

/** The latest edition whose in-force date is on or before `isoDate` (ISO dates compare as strings). */
export function awardEditionInForceOn(isoDate: string): AwardEdition | undefined {
  let found: AwardEdition | undefined;
  for (const edition of AWARD_EDITIONS) {
    if (edition.inForceFrom <= isoDate && (found === undefined || edition.inForceFrom > found.inForceFrom)) {
      found = edition;
    }
  }
  return found;
}
