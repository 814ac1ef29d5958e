import { AwardInputError } from './award-input-error.js';
import type { TariffEntry } from './award-types.js';
import { todayIso } from './dates.js';
import { AWARD_EDITIONS, awardEditionInForceOn, findAwardEdition, type AwardEdition } from './editions/index.js';

/** The edition named, or the one in force on `on` (today by default). */
export function awardEdition(edition?: string, on: string = todayIso()): AwardEdition {
  const found = edition === undefined ? awardEditionInForceOn(on) : findAwardEdition(edition);
  if (found === undefined) {
    throw new AwardInputError([
      edition === undefined
        ? { field: 'edition', message: `no edition of the scheme was in force on ${on}` }
        : {
            field: 'edition',
            message: `unknown edition "${edition}"; known: ${AWARD_EDITIONS.map((e) => e.name).join(', ')}`,
          },
    ]);
  }
  return found;
}

/** The tariff of injuries of an edition; with no argument, of the edition in force today. */
export function tariffFor(edition?: string, on?: string): readonly TariffEntry[] {
  return awardEdition(edition, on).tariff;
}
