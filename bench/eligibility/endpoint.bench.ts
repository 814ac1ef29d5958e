/**
 * The pre-check endpoint's throughput against the same server's /health/live, in the same run.
 * Run: npm run build && npx tsx bench/eligibility/endpoint.bench.ts   (target: at least 60% of /health/live).
 * Writes bench/results/eligibility-endpoint.json. The load generator shares the machine's cores with the server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eligibilityExamples } from '../../apps/citizen-api/src/eligibility/eligibility-examples.js';
import { freePort, load, startBuiltApp } from '../support/server.js';

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

async function startBareFastify(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(here, 'bare-fastify-server.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${url}/health/live`)).ok) break;
    } catch {
      if (attempt > 100) throw new Error('bare Fastify server did not start');
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

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
    // The same work on plain Fastify, in the same run: how much of the gap is the framework's floor.
    const bare = await startBareFastify();
    let bareHealth: Awaited<ReturnType<typeof load>>;
    let bareCheck: Awaited<ReturnType<typeof load>>;
    try {
      await load({ url: `${bare.url}/health/live`, duration: 3 });
      bareHealth = await load({ url: `${bare.url}/health/live`, duration: DURATION_SECONDS });
      bareCheck = await load({
        url: `${bare.url}/v1/eligibility-checks`,
        duration: DURATION_SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: bodies[(next += 1) % bodies.length] }),
          },
        ],
      });
    } finally {
      await bare.stop();
    }
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
      bareFastify: {
        healthLive: bareHealth,
        eligibilityCheck: bareCheck,
        // The framework's own floor: the same work with nothing of ours, against its own trivial GET.
        ratio: Number((bareCheck.requestsPerSecond / bareHealth.requestsPerSecond).toFixed(3)),
        // Our endpoint against the bare one: what Nest, validation, rate limiting and logging cost.
        oursToBare: Number((check.requestsPerSecond / bareCheck.requestsPerSecond).toFixed(3)),
      },
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
