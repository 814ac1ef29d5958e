import type { AwardEdition, AwardFigure, StatutorySickPayRate } from './edition.js';
import { CICS_2012_TARIFF } from './cics-2012-tariff.js';

/*
 * CICS 2012 edition data. The fixed amounts are paraphrased from CICA guidance and practitioner sources;
 * the scheme's own paragraphs 30-88 were not readable, so they are `verified: false` with their sources.
 */

const FATAL_SOURCES =
  'abuseandassaultclaims.co.uk and hudgellsolicitors.co.uk (2022) on the 2012 scheme; CICA guidance; scheme text not seen';

function figure(value: number, source: string, verified = false): AwardFigure {
  return { value, source, verified };
}

/**
 * Weekly statutory sick pay, in force from 6 April each tax year. Checked against up-rating notices
 * quoted by HR publishers (near-primary: they cite the Up-rating Orders), not the Orders themselves.
 */
export const STATUTORY_SICK_PAY_RATES: readonly StatutorySickPayRate[] = Object.freeze([
  {
    effectiveFrom: '2012-04-06',
    weeklyPence: 8585,
    verified: true,
    source: 'XpertHR: SSP rises from £81.60 to £85.85 on 6 April 2012',
  },
  {
    effectiveFrom: '2013-04-06',
    weeklyPence: 8670,
    verified: true,
    source: 'companydisputes.co.uk (Jan 2014): SSP rises from £86.70 to £87.55 on 6 April 2014',
  },
  {
    effectiveFrom: '2014-04-06',
    weeklyPence: 8755,
    verified: true,
    source: 'companydisputes.co.uk (Jan 2014): SSP £87.55 from 6 April 2014',
  },
  {
    effectiveFrom: '2015-04-06',
    weeklyPence: 8845,
    verified: true,
    source: 'LRD Law at Work 2015: SSP £88.45 from 6 April 2015',
  },
  {
    effectiveFrom: '2016-04-06',
    weeklyPence: 8845,
    verified: true,
    source: 'LRD Law at Work 2016: SSP frozen at £88.45 for 2016-17 (CPI fell)',
  },
  {
    effectiveFrom: '2017-04-06',
    weeklyPence: 8935,
    verified: true,
    source: 'frontier-fs.com 2017/18 rates: SSP £89.35',
  },
  {
    effectiveFrom: '2018-04-06',
    weeklyPence: 9205,
    verified: true,
    source: 'certaxaccountingessex.com 2018/19 rates: SSP £92.05',
  },
  {
    effectiveFrom: '2019-04-06',
    weeklyPence: 9425,
    verified: false,
    source: 'Recollection of the Social Security Benefits Up-rating Order 2019; not checked',
  },
  {
    effectiveFrom: '2020-04-06',
    weeklyPence: 9585,
    verified: true,
    source: 'NUJ rights at work: SSP £95.85 a week (2020-21)',
  },
  {
    effectiveFrom: '2021-04-06',
    weeklyPence: 9635,
    verified: true,
    source: 'reed.co.uk (2021): standard weekly rate £96.35',
  },
  {
    effectiveFrom: '2022-04-06',
    weeklyPence: 9935,
    verified: false,
    source:
      'ukemploymentlawadvice.co.uk gives £99.35 but labels the year inconsistently; not checked against the 2022 Order',
  },
  {
    effectiveFrom: '2023-04-06',
    weeklyPence: 10940,
    verified: true,
    source: 'Brightmine: Social Security Benefits Up-rating Order 2023 (SI 2023/316), £109.40 from 6 April 2023',
  },
  {
    effectiveFrom: '2024-04-06',
    weeklyPence: 11675,
    verified: true,
    source: 'Brightmine: Social Security Benefits Up-rating Order 2024, £116.75 from 6 April 2024',
  },
  {
    effectiveFrom: '2025-04-06',
    weeklyPence: 11875,
    verified: true,
    source: 'Peninsula / DWP proposed rates 2025-26: £116.75 to £118.75 from April 2025',
  },
  {
    effectiveFrom: '2026-04-06',
    weeklyPence: 12325,
    verified: false,
    source:
      'DWP "Proposed benefit and pension rates 2026 to 2027" via ICB: £123.25 (proposed; Up-rating Order not seen)',
  },
]);

const SHARED = {
  tariff: CICS_2012_TARIFF,
  multipleInjuryPercents: {
    value: 3,
    percents: [100, 30, 15],
    source:
      'CICS 2012 multiple-injury rule (within paras 32-41); CICA guidance and practitioners (100/30/15); scheme text not seen',
    verified: false,
  },
  amounts: {
    minimumInjuryPence: figure(100000, 'Lowest tariff amount £1,000 (criminalinjurysolicitor.co.uk; CICA guidance)'),
    maximumAwardPence: figure(
      50000000,
      'Maximum award £500,000 (hudgellsolicitors.co.uk; para 31 per research notes, unverified)',
    ),
    bereavementSolePence: figure(1100000, FATAL_SOURCES),
    bereavementSharedPence: figure(550000, FATAL_SOURCES),
    childPaymentPerYearPence: figure(
      200000,
      "Child's payment £2,000 a year to age 18 (research notes [S]); scheme text not seen",
    ),
    funeralStandardPence: figure(250000, FATAL_SOURCES),
    funeralMaximumPence: figure(500000, FATAL_SOURCES),
  },
  periods: {
    incapacityQualifyingWeeks: figure(
      28,
      'LoE and special expenses need incapacity for more than 28 weeks (research notes [S]; winstonsolicitors, sintons)',
    ),
    childPaymentUntilAge: figure(18, "Child's payment until the child turns 18 (research notes [S])"),
    childPaymentDaysInYear: figure(365, 'Pro rata by days of a 365-day year (awards contract)'),
  },
  statutorySickPayRates: STATUTORY_SICK_PAY_RATES,
  adjustmentOrder: {
    steps: ['cap', 'reduction', 'deductions', 'interim'] as const,
    source:
      'Awards contract; one source (Hertfordshire procedures) says the cap applies before reductions; scheme text not seen',
    verified: false,
  },
} satisfies Omit<AwardEdition, 'name' | 'inForceFrom' | 'source'>;

export const CICS_2012_AS_MADE: AwardEdition = Object.freeze({
  name: 'CICS-2012 as made 2012-11-27',
  inForceFrom: '2012-11-27',
  source: 'Criminal Injuries Compensation Scheme 2012, made 13 November 2012, for applications from 27 November 2012',
  ...SHARED,
});

export const CICS_2012_AS_AMENDED_2019: AwardEdition = Object.freeze({
  name: 'CICS-2012 as amended 2019-06-13',
  inForceFrom: '2019-06-13',
  source:
    'CICS 2012 as amended by the CICS 2012 (Amendment) Instrument 2019 (same-roof rule omitted); Annex E unchanged as far as we know',
  ...SHARED,
});
