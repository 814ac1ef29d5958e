/**
 * Eligibility engine throughput: assessments per second on one core over 1,000 varied fact sets.
 * Run: npx tsx bench/eligibility/engine.bench.ts   (target >= 200,000/s). Writes bench/results/eligibility-engine.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assessEligibility,
  convictionSentences,
  eligibilityRoutes,
  fatalRelationships,
  fromDayNumber,
  incidentKinds,
  incidentPlaces,
  mentalInjuryDiagnoses,
  residenceBases,
  toDayNumber,
  type EligibilityFacts,
  type EligibilityOutcome,
} from '@redress/domain';

const FACT_SETS = 1_000;
const ROUNDS = 7;
const ASSESSMENTS_PER_ROUND = 500_000;
const TARGET_PER_SECOND = 200_000;

// A seeded generator (mulberry32) so every run measures the same 1,000 fact sets.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function factSets(count: number, seed: number): EligibilityFacts[] {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
  const chance = (p: number) => next() < p;
  const bool = () => (chance(0.05) ? null : chance(0.5));
  const sets: EligibilityFacts[] = [];
  for (let index = 0; index < count; index += 1) {
    const received = int(toDayNumber('2012-06-01'), toDayNumber('2027-12-31'));
    const incident = received - (chance(0.7) ? int(0, 800) : int(0, 40 * 365));
    const period = chance(0.2) ? Math.min(received, incident + int(0, 3000)) : null;
    const born = incident - (chance(0.75) ? int(18 * 365, 70 * 365) : int(0, 18 * 365));
    const reported = chance(0.85);
    const reportedOn = reported ? incident + (chance(0.7) ? int(0, 2) : int(3, 20 * 365)) : null;
    const route = chance(0.7) ? 'direct-victim' : pick(eligibilityRoutes);
    sets.push({
      receivedOn: fromDayNumber(received),
      route,
      applicant: {
        dateOfBirth: chance(0.97) ? fromDayNumber(born) : null,
        residence: chance(0.9) ? ['ordinarily-resident-uk'] : chance(0.5) ? [pick(residenceBases)] : [],
        unspentConvictions: chance(0.85) ? [] : [{ sentence: pick(convictionSentences) }],
        previousApplicationForSameInjury: chance(0.05),
        livedWithAssailantAsFamily: bool(),
        stillLivesWithAssailant: chance(0.1),
      },
      incident: {
        date: fromDayNumber(incident),
        lastDate: period === null ? null : fromDayNumber(period),
        place: chance(0.85) ? 'england' : pick(incidentPlaces),
        kind: chance(0.6) ? 'physical-attack' : pick(incidentKinds),
        reportedToPolice: reported,
        reportedOn: reportedOn === null ? null : fromDayNumber(reportedOn),
        cooperatedWithPolice: reported ? chance(0.9) : null,
        assailantMayBenefit: chance(0.05),
      },
      injuries: {
        minorOnly: chance(0.2),
        sexualAssault: chance(0.15),
        mentalInjury: chance(0.6)
          ? null
          : {
              disabling: chance(0.8),
              diagnosis: pick(mentalInjuryDiagnoses),
              durationWeeks: int(0, 200),
              ongoing: chance(0.3),
            },
      },
      witness: route === 'witness' ? { lovedOne: chance(0.7), presentOrImmediateAftermath: chance(0.8) } : null,
      fatal: route === 'fatal' ? { relationship: pick(fatalRelationships), paidFuneral: chance(0.5) } : null,
      lateApplicationReason: chance(0.3) ? 'I was too unwell to apply sooner.' : null,
    });
  }
  return sets;
}

const sets = factSets(FACT_SETS, 20261127);
const outcomes: Record<EligibilityOutcome, number> = { eligible: 0, ineligible: 0, refer: 0, incomplete: 0 };
for (const facts of sets) outcomes[assessEligibility(facts).outcome] += 1;

// Warm up so the JIT has optimised the engine before timing.
let sink = 0;
for (let index = 0; index < 200_000; index += 1)
  sink += assessEligibility(sets[index % FACT_SETS] as EligibilityFacts).results.length;

const perSecond: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const started = process.hrtime.bigint();
  for (let index = 0; index < ASSESSMENTS_PER_ROUND; index += 1) {
    sink += assessEligibility(sets[index % FACT_SETS] as EligibilityFacts).results.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  perSecond.push(ASSESSMENTS_PER_ROUND / seconds);
}
perSecond.sort((a, b) => a - b);
const median = perSecond[Math.floor(perSecond.length / 2)] as number;

const result = {
  benchmark: 'eligibility-engine',
  description: 'assessEligibility over 1,000 varied, seeded fact sets, one core (single thread)',
  factSets: FACT_SETS,
  rounds: ROUNDS,
  assessmentsPerRound: ASSESSMENTS_PER_ROUND,
  assessmentsPerSecond: Math.round(median),
  minPerSecond: Math.round(perSecond[0] as number),
  maxPerSecond: Math.round(perSecond[perSecond.length - 1] as number),
  microsecondsPerAssessment: Number((1e6 / median).toFixed(3)),
  targetPerSecond: TARGET_PER_SECOND,
  meetsTarget: median >= TARGET_PER_SECOND,
  outcomesOfTheFactSets: outcomes,
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  measuredAt: new Date().toISOString(),
  checksum: sink,
};

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../results/eligibility-engine.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `eligibility engine: ${result.assessmentsPerSecond.toLocaleString('en-GB')} assessments/s ` +
    `(${result.microsecondsPerAssessment} µs each; min ${result.minPerSecond.toLocaleString('en-GB')}, ` +
    `max ${result.maxPerSecond.toLocaleString('en-GB')}); target ${TARGET_PER_SECOND.toLocaleString('en-GB')}/s: ` +
    `${result.meetsTarget ? 'met' : 'NOT met'}. Outcomes: ${JSON.stringify(outcomes)}. Written to ${out}`,
);
