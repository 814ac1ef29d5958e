/**
 * The pre-check endpoint's throughput against the same server's /health/live, in the same run.
 * Run: npm run build && npx tsx bench/eligibility/endpoint.bench.ts   (target: at least 60% of /health/live).
 * Writes bench/results/eligibility-endpoint.json. The load generator shares the machine's cores with the server.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eligibilityExamples } from '../../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { load, startBuiltApp } from '../support/server.js';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const TARGET_RATIO = 0.6;

// Varied bodies: the single-incident worked examples with the incident moved across 1,000 days (so outcomes
// vary between in time, late and late with a reason), and the period-of-abuse example as it is.
const bodies = Array.from({ length: 1000 }, (_, i) => {
  const examples = Object.values(eligibilityExamples);
  const example = structuredClone(examples[i % examples.length]!.value) as {
    incident: { date: string; reportedOn: string; lastDate?: string | null };
  };
  if (!example.incident.lastDate) {
    const day = new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    example.incident.date = day;
    example.incident.reportedOn = day;
  }
  return JSON.stringify(example);
});

async function main(): Promise<void> {
  const server = await startBuiltApp(resolve(here, '../../dist/apps/citizen-api/src/main.js'), {
    RATE_LIMIT_OVERRIDES: 'eligibility-check=100000000/60000',
  });
  try {
    // Warm up both routes so the JIT has seen them.
    await load({ url: `${server.url}/health/live`, duration: 3 });
    const health = await load({ url: `${server.url}/health/live`, duration: DURATION_SECONDS });
    let next = 0;
    const check = await load({
      url: `${server.url}/v1/eligibility-checks`,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[(next += 1) % bodies.length] }),
        },
      ],
    });
    const ratio = check.requestsPerSecond / health.requestsPerSecond;
    const result = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      durationSeconds: DURATION_SECONDS,
      connections: 50,
      healthLive: health,
      eligibilityCheck: check,
      ratio: Number(ratio.toFixed(3)),
      target: TARGET_RATIO,
      meetsTarget: ratio >= TARGET_RATIO && check.non2xx === 0 && check.errors === 0,
    };
    mkdirSync(resolve(here, '../results'), { recursive: true });
    writeFileSync(resolve(here, '../results/eligibility-endpoint.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
  }
}

await main();
