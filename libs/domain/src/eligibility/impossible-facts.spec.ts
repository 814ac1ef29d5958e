import {
  assessEligibility,
  DomainError,
  DomainErrorKind,
  findImpossibleFacts,
  ImpossibleFactsError,
  type EligibilityFacts,
} from '@redress/domain';
import { eligibleFacts, factsWith, type FactsChanges } from './eligibility-test-helpers.js';

function errorFrom(facts: EligibilityFacts): ImpossibleFactsError {
  try {
    assessEligibility(facts);
  } catch (error) {
    if (error instanceof ImpossibleFactsError) return error;
    throw error;
  }
  throw new Error('expected ImpossibleFactsError');
}

describe('impossible facts', () => {
  it.each<[string, FactsChanges, string]>([
    ['incident after receipt', { incident: { date: '2026-11-28', reportedOn: null } }, 'incident.date'],
    ['last incident before the first', { incident: { lastDate: '2025-03-13' } }, 'incident.lastDate'],
    ['last incident after receipt', { incident: { lastDate: '2026-12-01' } }, 'incident.lastDate'],
    ['report before the incident', { incident: { reportedOn: '2025-03-13' } }, 'incident.reportedOn'],
    ['born after the incident', { applicant: { dateOfBirth: '2025-03-15' } }, 'applicant.dateOfBirth'],
    [
      'born after receipt, incident unknown',
      { applicant: { dateOfBirth: '2027-01-01' }, incident: { date: null, reportedOn: null } },
      'applicant.dateOfBirth',
    ],
    ['29 February in a common year', { incident: { date: '2023-02-29' } }, 'incident.date'],
    ['31 April', { applicant: { dateOfBirth: '1990-04-31' } }, 'applicant.dateOfBirth'],
    ['not a date', { receivedOn: '27/11/2026' }, 'receivedOn'],
    ['a timestamp', { incident: { reportedOn: '2025-03-14T10:00:00Z' } }, 'incident.reportedOn'],
    ['an unknown route', { route: 'bystander' as never }, 'route'],
    ['an unknown place', { incident: { place: 'france' as never } }, 'incident.place'],
    ['an unknown residence basis', { applicant: { residence: ['tourist' as never] } }, 'applicant.residence.0'],
    [
      'an unknown sentence',
      { applicant: { unspentConvictions: [{ sentence: 'caution' as never }] } },
      'applicant.unspentConvictions.0.sentence',
    ],
    [
      'negative weeks',
      { injuries: { mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: -1 } } },
      'injuries.mentalInjury.durationWeeks',
    ],
  ])('rejects %s', (_name, changes, field) => {
    const error = errorFrom(factsWith(changes));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('eligibility.impossible-facts');
    expect(error.kind).toBe(DomainErrorKind.InvalidInput);
    expect(error.details.map((detail) => detail.field)).toEqual([field]);
  });

  it('lists every problem at once', () => {
    const error = errorFrom(
      factsWith({
        receivedOn: '2024-01-01',
        applicant: { dateOfBirth: '2025-01-01' },
        incident: { date: '2024-06-01', lastDate: '2024-05-01', reportedOn: '2024-02-30' },
      }),
    );
    expect(error.details.map((detail) => detail.field)).toEqual([
      'incident.reportedOn', // not a calendar date
      'incident.date', // after receipt
      'incident.lastDate', // after receipt
      'incident.lastDate', // before the first incident
      'applicant.dateOfBirth', // after the incident
    ]);
    expect(error.message).toContain('incident.date is after the date the application was received (2024-01-01)');
  });

  it('finds the same problems without throwing, and none in possible facts', () => {
    expect(findImpossibleFacts(eligibleFacts())).toEqual([]);
    expect(findImpossibleFacts(factsWith({ incident: { reportedOn: '2025-03-13' } }))).toEqual([
      { field: 'incident.reportedOn', message: 'is before the incident (2025-03-14)' },
    ]);
  });

  it('accepts a single-day period, a report on the day, and a birth on the day of the incident', () => {
    expect(() =>
      assessEligibility(
        factsWith({
          applicant: { dateOfBirth: '2025-03-14' },
          incident: { date: '2025-03-14', lastDate: '2025-03-14', reportedOn: '2025-03-14' },
        }),
      ),
    ).not.toThrow();
  });

  it('checks the incident against the clock’s date when receivedOn is absent', () => {
    const facts = factsWith({ receivedOn: undefined, incident: { date: '2026-12-01', reportedOn: '2026-12-01' } });
    expect(() => assessEligibility(facts, { clock: () => new Date('2026-11-30T12:00:00Z') })).toThrow(
      ImpossibleFactsError,
    );
    expect(() => assessEligibility(facts, { clock: () => new Date('2026-12-01T12:00:00Z') })).not.toThrow();
  });
});
