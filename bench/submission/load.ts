/**
 * A small HTTP load generator for the submission bench (node:http, keep-alive), in two modes:
 *
 * - closed loop: `connections` senders, each sending its next request when the last is answered (the most the
 *   server can do; what autocannon measures);
 * - open loop: requests due at an EVEN rate (request i at start + i / rate), whatever the answers. A timer wakes
 *   every 2 ms and sends every request that has come due; at most `maxInFlight` are in flight (the agent queues
 *   the rest). Latency is counted from when a request was DUE, not when it left, so a server (or a generator)
 *   that falls behind shows in the figures instead of being hidden (no coordinated omission).
 *
 * autocannon's rate mode sends each second's requests in a burst at the start of the second, so its p99 measures
 * how a burst of a second's worth of submissions queues, not an even arrival rate; this is why the bench has its own.
 */
import { Agent, request } from 'node:http';

export interface PlannedRequest {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

interface Sample {
  ms: number;
  status: number | null;
}

function send(agent: Agent, url: URL, planned: PlannedRequest): Promise<number | null> {
  return new Promise((resolve) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: planned.method,
        path: planned.path,
        headers: { ...planned.headers, 'content-length': '0' },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? null));
        response.on('error', () => resolve(null));
      },
    );
    outgoing.on('error', () => resolve(null));
    outgoing.end();
  });
}

function summarise(samples: Sample[], seconds: number): LoadResult {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (quantile: number): number =>
    sorted.length
      ? Number(sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!.toFixed(1))
      : 0;
  const ok = samples.filter((sample) => sample.status !== null);
  return {
    requestsPerSecond: Number((samples.length / seconds).toFixed(1)),
    requests: samples.length,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: at(1),
    non2xx: ok.filter((sample) => sample.status! < 200 || sample.status! > 299).length,
    errors: samples.length - ok.length,
  };
}

/** `connections` senders spread evenly over the servers, for `seconds`; answers what was answered in that time. */
export async function closedLoop(options: {
  urls: string[];
  connections: number;
  seconds: number;
  next: () => PlannedRequest;
}): Promise<LoadResult> {
  const targets = options.urls.map((url) => ({ url: new URL(url), agent: new Agent({ keepAlive: true }) }));
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async (_, index) => {
      const target = targets[index % targets.length]!;
      while (performance.now() < deadline) {
        const sentAt = performance.now();
        const status = await send(target.agent, target.url, options.next());
        samples.push({ ms: performance.now() - sentAt, status });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const target of targets) target.agent.destroy();
  return summarise(samples, seconds);
}

/** `rate` requests a second, evenly spaced and spread round-robin over the servers, for `seconds`. */
export async function openLoop(options: {
  urls: string[];
  rate: number;
  seconds: number;
  maxInFlight: number;
  next: () => PlannedRequest;
}): Promise<LoadResult & { targetRate: number }> {
  const perServer = Math.max(1, Math.floor(options.maxInFlight / options.urls.length));
  const targets = options.urls.map((url) => ({
    url: new URL(url),
    agent: new Agent({ keepAlive: true, maxSockets: perServer }),
  }));
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      while (sent < total && started + sent * interval <= now) {
        const dueAt = started + sent * interval;
        const target = targets[sent % targets.length]!;
        sent += 1;
        pending.push(
          send(target.agent, target.url, options.next()).then((status) => {
            samples.push({ ms: performance.now() - dueAt, status });
          }),
        );
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await Promise.all(pending);
  // Achieved rate: answers over the time from the first request due to the last answer.
  const seconds = (performance.now() - started) / 1000;
  for (const target of targets) target.agent.destroy();
  return { targetRate: options.rate, ...summarise(samples, seconds) };
}
