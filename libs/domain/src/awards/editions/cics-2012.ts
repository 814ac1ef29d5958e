import type { AwardEdition, AwardFigure, StatutorySickPayRate } from './edition.js';
import { CICS_2012_TARIFF } from './cics-2012-tariff.js';

/*
 * CICS 2012 edition data. The fixed amounts are paraphrased from CICA guidance and practitioner sources;
 * the scheme's own paragraphs 30-88 were not readable (re-checked: every stored copy of the final scheme,
 * the draft scheme and CICA's 2012 guide shows only its opening pages), so they stay `verified: false`.
 */

const FATAL_SOURCES =
  'abuseandassaultclaims.co.uk (blog on fatal claims: bereavement £11,000 sole / £5,500 each; funeral £2,500 standard plus up to £2,500 more, £5,000 in all), hudgellsolicitors.co.uk (2022), nikkishelp.co.uk (bereavement £5,500, doubled to £11,000 for a sole claimant); scheme paras 57-72 not seen';

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
    verified: true,
    source:
      'wosskowbrown.co.uk (solicitors, 2019): SSP rises from £92.05 to £94.25 a week in April 2019; appartnership.biz (March 2020): "currently £94.25"',
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
    verified: true,
    source:
      'businessleader.co.uk (6 April 2022, quoting XpertHR): SSP rises from £96.35 to £99.35 a week from that day; thescottishsun.co.uk (5 April 2022) agrees',
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
