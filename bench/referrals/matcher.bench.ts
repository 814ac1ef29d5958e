/**
 * Referral matcher latency: one match against a directory of 5,000 generated services, p95 per match.
 * Run: npx tsx bench/referrals/matcher.bench.ts   (target p95 <= 5 ms). Writes bench/results/referrals-matcher.json.
 * The worst case on purpose: every service is a candidate (in production the SQL keeps only those in the area).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  circumstances,
  circumstanceTerms,
  matchServices,
  prepareServices,
  serviceTerms,
  supportNeeds,
  type DirectoryService,
  type MatchRequest,
  type ServiceArea,
} from '@redress/domain';

const SERVICES = 5_000;
const WARM_UP = 500;
const MATCHES = 5_000;
const TARGET_P95_MS = 5;

// A seeded generator (mulberry32) so every run measures the same directory and requests.
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
const next = random(20261128);
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
const some = <T>(values: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: int(1, max) }, () => pick(values))),
];

const localAuthorities = Array.from({ length: 40 }, (_, i) => `E0900${String(i).padStart(4, '0')}`);
const districts = Array.from({ length: 60 }, (_, i) => `NW${i + 1}`);

function area(): ServiceArea {
  const roll = next();
  if (roll < 0.15) return { type: 'country', code: pick(['E92000001', 'K04000001']), name: 'England' };
  if (roll < 0.65) return { type: 'local-authority', code: pick(localAuthorities), name: 'A council' };
  return { type: 'postcode-district', code: pick(districts), name: 'A district' };
}

const services: DirectoryService[] = Array.from({ length: SERVICES }, (_, i) => {
  const decided = int(0, 200);
  return {
    serviceId: `service-${String(i).padStart(5, '0')}`,
    organisationId: `organisation-${int(0, 1500)}`,
    serviceName: `Service ${i}`,
    organisationName: `Organisation ${i}`,
    serviceTerms: some(serviceTerms, 4),
    circumstanceTerms: next() < 0.3 ? some(circumstanceTerms, 2) : [],
    minimumAge: next() < 0.3 ? pick([13, 16, 18]) : null,
    maximumAge: next() < 0.1 ? pick([18, 25]) : null,
    areas: Array.from({ length: int(1, 4) }, area),
    acceptingReferrals: next() < 0.8,
    record: { decided, accepted: int(0, decided), medianResponseHours: next() < 0.8 ? int(1, 200) : null },
  };
});

const requests: MatchRequest[] = Array.from({ length: 200 }, () => ({
  needs: some(supportNeeds, 4),
  circumstances: next() < 0.5 ? some(circumstances, 2) : [],
  age: next() < 0.9 ? int(12, 85) : null,
  location: { localAuthorityCode: pick(localAuthorities), postcodeDistrict: pick(districts) },
  limit: 3,
}));

const prepareStarted = process.hrtime.bigint();
const prepared = prepareServices(services);
const prepareMs = Number(process.hrtime.bigint() - prepareStarted) / 1e6;

let matched = 0;
for (let i = 0; i < WARM_UP; i += 1) matched += matchServices(requests[i % requests.length]!, prepared).length;

const durations: number[] = [];
let candidates = 0;
for (let i = 0; i < MATCHES; i += 1) {
  const request = requests[i % requests.length]!;
  const started = process.hrtime.bigint();
  const result = matchServices(request, prepared);
  durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  matched += result.length;
  if (i < requests.length) candidates += matchServices({ ...request, limit: undefined }, prepared).length;
}
durations.sort((a, b) => a - b);
const percentile = (p: number) =>
  durations[Math.min(durations.length - 1, Math.ceil((p / 100) * durations.length) - 1)]!;
const result = {
  benchmark: 'referral matcher: one match against the whole directory',
  services: SERVICES,
  matches: MATCHES,
  meanCandidatesPerMatch: Math.round(candidates / requests.length),
  prepareDirectoryMs: Number(prepareMs.toFixed(2)),
  p50Ms: Number(percentile(50).toFixed(3)),
  p95Ms: Number(percentile(95).toFixed(3)),
  p99Ms: Number(percentile(99).toFixed(3)),
  maxMs: Number(durations[durations.length - 1]!.toFixed(3)),
  targetP95Ms: TARGET_P95_MS,
  meetsTarget: percentile(95) <= TARGET_P95_MS,
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  measuredAt: new Date().toISOString(),
  checksum: matched,
};
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../results/referrals-matcher.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (!result.meetsTarget) process.exitCode = 1;
