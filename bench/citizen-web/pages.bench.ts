/**
 * Citizen web pages under 50 concurrent signed-in sessions, each beside the citizen API call it wraps, measured in
 * the same run (target: the page adds no more than 5 ms to its API call at p50), and the first-visit transfer size
 * of each page apart from the cached GOV.UK assets (asserted under 150 KB).
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/<fresh, migrated> npx tsx bench/citizen-web/pages.bench.ts
 *
 * (`npm run bench -- --only citizen-web` makes the database.) Built citizen API and citizen web, each its own process;
 * the load generator (autocannon) shares the machine's cores with them, PostgreSQL and Redis. The 50 sessions sign in
 * through the web pages with emailed codes (read from the API's local sink file); the API's per-client sign-in limit
 * (20 a minute from one address: all of them come from the web server) is reset between batches by deleting its keys
 * under this run's own Redis prefix. Each session's API token, for the API figures, is the one its web session holds.
 * Writes bench/results/citizen-web.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleCompleteApplication } from '@redress/domain';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { toFacts, type CheckAnswers } from '../../apps/citizen-web/src/check/check-questions.js';
import { startBuiltApp } from '../support/server.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const SESSIONS = 50;
const TARGET_ADDED_P50_MS = 5;
const TARGET_FIRST_VISIT_BYTES = 150 * 1024;
const prefix = process.env.QUEUE_PREFIX ?? `redress-bench-citizen-web-${randomUUID().slice(0, 8)}`;
const sinkFile = join(tmpdir(), `redress-bench-citizen-web-${randomUUID()}.jsonl`);

interface Session {
  email: string;
  cookie: string;
  csrf: string;
  token: string;
  reference: string;
  /** A draft of the person's, for the application journey's question page. */
  draftId: string;
}

interface Measured {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  statuses: Record<number, number>;
}

/** The answers of a direct victim attacked 30 days ago: every question of the check answered. */
function checkAnswers(): CheckAnswers {
  const incident = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    who: 'direct-victim',
    'date-of-birth': '1990-05-01',
    'incident-date': incident,
    place: 'england',
    kind: 'physical-attack',
    reported: 'yes',
    'reported-on': incident,
    cooperated: 'yes',
    'lived-with': 'no',
    'assailant-benefit': 'no',
    'minor-only': 'no',
    'mental-injury': 'no',
    convictions: 'no',
    residence: ['ordinarily-resident-uk'],
    'previous-application': 'no',
  };
}

/** The form fields of each answer, as the question pages post them. */
function answerForm(id: string, value: string | string[]): URLSearchParams {
  const form = new URLSearchParams();
  if (Array.isArray(value)) for (const item of value) form.append(id, item);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    form.set(`${id}-day`, String(Number(day)));
    form.set(`${id}-month`, String(Number(month)));
    form.set(`${id}-year`, year!);
  } else form.set(id, value);
  return form;
}

// The web service runs as in production (templates compiled once, Secure `__Host-` cookie): behind TLS as far as
// it knows, through the forwarded protocol of a trusted proxy.
const COOKIE = '__Host-citizen-web';
const HTTPS = { 'x-forwarded-proto': 'https' };

function cookieOf(response: Response, previous: string): string {
  const set = response.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`));
  return set ? set.split(';')[0]! : previous;
}

async function csrfOf(webUrl: string, path: string, cookie: string): Promise<{ csrf: string; cookie: string }> {
  const response = await fetch(`${webUrl}${path}`, { headers: { ...HTTPS, cookie }, redirect: 'manual' });
  const html = await response.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${path} (${response.status})`);
  return { csrf, cookie: cookieOf(response, cookie) };
}

async function post(webUrl: string, path: string, cookie: string, form: URLSearchParams): Promise<Response> {
  const response = await fetch(`${webUrl}${path}`, {
    method: 'POST',
    headers: { ...HTTPS, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`POST ${path} answered ${response.status}`);
  return response;
}

function lastCode(email: string): string {
  const lines = readFileSync(sinkFile, 'utf8').trim().split('\n').reverse();
  for (const line of lines) {
    const message = JSON.parse(line) as { emailAddress?: string; personalisation?: { code?: string } };
    if (message.emailAddress === email && message.personalisation?.code) return String(message.personalisation.code);
  }
  throw new Error(`no code for ${email}`);
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

async function signIn(webUrl: string, redis: Redis, email: string): Promise<{ cookie: string; token: string }> {
  let { csrf, cookie } = await csrfOf(webUrl, '/sign-in', '');
  cookie = cookieOf(await post(webUrl, '/sign-in', cookie, new URLSearchParams({ _csrf: csrf, email })), cookie);
  ({ csrf, cookie } = await csrfOf(webUrl, '/sign-in/code', cookie));
  const signedIn = await post(
    webUrl,
    '/sign-in/code',
    cookie,
    new URLSearchParams({ _csrf: csrf, code: lastCode(email) }),
  );
  cookie = cookieOf(signedIn, cookie);
  const sessionId = decodeURIComponent(cookie.slice(`${COOKIE}=`.length)).split('.')[0]!;
  const stored = await redis.get(`${prefix}:web-session:citizen-web:${sessionId}`);
  const token = (JSON.parse(stored ?? '{}') as { citizen?: { accessToken?: string } }).citizen?.accessToken;
  if (!token) throw new Error(`no signed-in session for ${email}`);
  return { cookie, token };
}

async function submitClaim(apiUrl: string, token: string): Promise<string> {
  const authorization = `Bearer ${token}`;
  const created = await fetch(`${apiUrl}/v1/applications`, { method: 'POST', headers: { authorization } });
  const { id } = (await created.json()) as { id: string };
  let etag = created.headers.get('etag')!;
  for (const [section, answers] of Object.entries(exampleCompleteApplication())) {
    const saved = await fetch(`${apiUrl}/v1/applications/${id}/sections/${section}`, {
      method: 'PUT',
      headers: { authorization, 'if-match': etag, 'content-type': 'application/json' },
      body: JSON.stringify(answers),
    });
    if (saved.status !== 200) throw new Error(`saving ${section}: ${saved.status}`);
    etag = saved.headers.get('etag')!;
  }
  const submitted = await fetch(`${apiUrl}/v1/applications/${id}/submission`, {
    method: 'POST',
    headers: { authorization, 'idempotency-key': randomUUID() },
  });
  if (submitted.status !== 201) throw new Error(`submission: ${submitted.status}`);
  return ((await submitted.json()) as { reference: string }).reference;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(2));
}

/** 50 connections, one session each; p50/p95/p99 from every response's own time (autocannon has no p95). */
async function measure(
  url: string,
  request: (session: Session) => autocannon.Request,
  sessions: Session[],
  duration = DURATION_SECONDS,
  connections = SESSIONS,
): Promise<Measured> {
  let next = 0;
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        // One session per connection, kept in autocannon's per-connection context (its setupClient/setRequest
        // pair sends only the first request to the path set).
        requests: [
          {
            setupRequest: (base, context: { session?: Session }) => {
              context.session ??= sessions[next++ % sessions.length]!;
              return { ...base, ...request(context.session) };
            },
          },
        ],
      },
      (error, finished) => (error ? fail(error as Error) : done(finished)),
    );
    instance.on('response', (_client, status: number, _bytes, responseTime: number) => {
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    requests: times.length,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  };
}

/** The bytes a first visit fetches apart from GOV.UK Frontend's own (cached) assets: the page and our files. */
async function firstVisitBytes(webUrl: string, path: string, cookie: string): Promise<Record<string, number>> {
  const response = await fetch(`${webUrl}${path}`, { headers: { ...HTTPS, ...(cookie ? { cookie } : {}) } });
  const html = Buffer.from(await response.arrayBuffer());
  const sizes: Record<string, number> = { [path]: html.length };
  const assets = [...html.toString().matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
  for (const asset of new Set(assets)) {
    if (/govuk-frontend|moj-frontend|\/images\/|\/fonts\//.test(asset)) continue;
    sizes[asset] = Buffer.from(await (await fetch(`${webUrl}${asset}`, { headers: HTTPS })).arrayBuffer()).length;
  }
  return sizes;
}

async function main(): Promise<number> {
  const common = { QUEUE_PREFIX: prefix, RATE_LIMIT_NAMESPACE: prefix };
  const api = await startBuiltApp(join(root, 'dist/apps/citizen-api/src/main.js'), {
    ...common,
    NODE_ENV: 'development',
    NOTIFY_LOCAL_SINK_FILE: sinkFile,
    // Every web request reaches the API from the web server's one address: the per-client limits are lifted so the
    // figures are the pages' and not the limiter's refusals.
    RATE_LIMIT_DEFAULT_PER_MINUTE: '100000000',
    RATE_LIMIT_OVERRIDES: 'eligibility-check=100000000/60000,application-submission=100000/60000',
  });
  const web = await startBuiltApp(join(root, 'dist/apps/citizen-web/src/main.js'), {
    ...common,
    CITIZEN_API_URL: api.url,
    NODE_ENV: 'production',
    SESSION_SECRET: randomUUID() + randomUUID(),
    TRUST_PROXY: 'true',
  });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const sessions: Session[] = [];
    for (let index = 0; index < SESSIONS; index += 1) {
      if (index % 15 === 0) await deleteKeys(redis, `*${prefix}*auth-client*`);
      const email = `bench-${index}-${randomUUID().slice(0, 6)}@example.test`;
      const { cookie, token } = await signIn(web.url, redis, email);
      const reference = await submitClaim(api.url, token);
      const draft = await fetch(`${api.url}/v1/applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      const { id: draftId } = (await draft.json()) as { id: string };
      const { csrf } = await csrfOf(web.url, '/check/who', cookie);
      for (const [id, value] of Object.entries(checkAnswers())) {
        const form = answerForm(id, value);
        form.set('_csrf', csrf);
        await post(web.url, `/check/${id}`, cookie, form);
      }
      sessions.push({ email, cookie, csrf, token, reference, draftId });
    }
    const facts = JSON.stringify(toFacts(checkAnswers()));

    const apiClaim = (session: Session): autocannon.Request => ({
      method: 'GET',
      path: `/v1/claims/${session.reference}`,
      headers: { authorization: `Bearer ${session.token}`, 'accept-language': 'en' },
    });
    const webClaim = (session: Session): autocannon.Request => ({
      method: 'GET',
      path: `/claims/${session.reference}`,
      headers: { ...HTTPS, cookie: session.cookie },
    });
    const apiCheck = (): autocannon.Request => ({
      method: 'POST',
      path: '/v1/eligibility-checks',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: facts,
    });
    const webResult = (session: Session): autocannon.Request => ({
      method: 'GET',
      path: '/check/result',
      headers: { ...HTTPS, cookie: session.cookie },
    });
    const webQuestion = (session: Session): autocannon.Request => ({
      method: 'GET',
      path: '/check/place',
      headers: { ...HTTPS, cookie: session.cookie },
    });
    // The application journey's first question page, beside the API call it wraps (where the build has it).
    const apiDraft = (session: Session): autocannon.Request => ({
      method: 'GET',
      path: `/v1/applications/${session.draftId}`,
      headers: { authorization: `Bearer ${session.token}`, 'accept-language': 'en' },
    });
    const webDraftQuestion = (session: Session): autocannon.Request => ({
      method: 'GET',
      path: `/applications/${session.draftId}/applying-for/who`,
      headers: { ...HTTPS, cookie: session.cookie },
    });
    const webLive = (): autocannon.Request => ({ method: 'GET', path: '/health/live' });

    // Warm both processes on every route first.
    for (const [url, request] of [
      [api.url, apiClaim],
      [web.url, webClaim],
      [api.url, apiCheck],
      [web.url, webResult],
      [web.url, webQuestion],
    ] as const) {
      await measure(url, request, sessions, 3);
    }
    const added = (pair: { api: Measured; page: Measured }) => Number((pair.page.p50Ms - pair.api.p50Ms).toFixed(2));
    const claim = { api: await measure(api.url, apiClaim, sessions), page: await measure(web.url, webClaim, sessions) };
    const check = {
      api: await measure(api.url, apiCheck, sessions),
      page: await measure(web.url, webResult, sessions),
    };
    const probe = await fetch(`${web.url}${webDraftQuestion(sessions[0]!).path}`, {
      headers: { ...HTTPS, cookie: sessions[0]!.cookie },
      redirect: 'manual',
    });
    let applicationQuestion: { api: Measured; page: Measured; addedP50Ms: number; meetsTarget: boolean } | null = null;
    if (probe.status === 200) {
      await measure(web.url, webDraftQuestion, sessions, 3);
      const pair = {
        api: await measure(api.url, apiDraft, sessions),
        page: await measure(web.url, webDraftQuestion, sessions),
      };
      applicationQuestion = { ...pair, addedP50Ms: added(pair), meetsTarget: added(pair) <= TARGET_ADDED_P50_MS };
    }
    // One connection: what a page adds to its call without queueing behind 49 others (the render's own cost).
    const serial = {
      claimApi: await measure(api.url, apiClaim, sessions, 5, 1),
      claimPage: await measure(web.url, webClaim, sessions, 5, 1),
      checkApi: await measure(api.url, apiCheck, sessions, 5, 1),
      resultPage: await measure(web.url, webResult, sessions, 5, 1),
      questionPage: await measure(web.url, webQuestion, sessions, 5, 1),
    };
    const question = {
      webHealthLive: await measure(web.url, webLive, sessions),
      page: await measure(web.url, webQuestion, sessions),
    };

    const signedIn = sessions[0]!.cookie;
    const visits: Record<string, Record<string, number>> = {
      '/': await firstVisitBytes(web.url, '/', ''),
      '/check': await firstVisitBytes(web.url, '/check', ''),
      '/check/who': await firstVisitBytes(web.url, '/check/who', ''),
      '/check/result': await firstVisitBytes(web.url, '/check/result', signedIn),
      '/claims': await firstVisitBytes(web.url, '/claims', signedIn),
      [`/claims/{reference}`]: await firstVisitBytes(web.url, `/claims/${sessions[0]!.reference}`, signedIn),
      '/support': await firstVisitBytes(web.url, '/support', signedIn),
      '/your-data': await firstVisitBytes(web.url, '/your-data', signedIn),
    };
    const transfer = Object.fromEntries(
      Object.entries(visits).map(([path, parts]) => {
        const bytes = Object.values(parts).reduce((sum, size) => sum + size, 0);
        return [path, { bytes, parts, underTarget: bytes < TARGET_FIRST_VISIT_BYTES }];
      }),
    );
    const clean = (...figures: Measured[]) => figures.every((figure) => figure.non2xx === 0 && figure.errors === 0);
    const result = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      durationSeconds: DURATION_SECONDS,
      connections: SESSIONS,
      sessions: SESSIONS,
      claimPage: { ...claim, addedP50Ms: added(claim), meetsTarget: added(claim) <= TARGET_ADDED_P50_MS },
      checkResultPage: { ...check, addedP50Ms: added(check), meetsTarget: added(check) <= TARGET_ADDED_P50_MS },
      checkQuestionPage: question,
      // null: this build has no application question pages (GET /applications/{id}/applying-for/who was not 200).
      applicationQuestionPage: applicationQuestion,
      oneConnection: {
        ...serial,
        claimAddedP50Ms: Number((serial.claimPage.p50Ms - serial.claimApi.p50Ms).toFixed(2)),
        resultAddedP50Ms: Number((serial.resultPage.p50Ms - serial.checkApi.p50Ms).toFixed(2)),
      },
      targetAddedP50Ms: TARGET_ADDED_P50_MS,
      transfer,
      targetFirstVisitBytes: TARGET_FIRST_VISIT_BYTES,
      allResponsesOk: clean(
        claim.api,
        claim.page,
        check.api,
        check.page,
        question.page,
        question.webHealthLive,
        ...(applicationQuestion ? [applicationQuestion.api, applicationQuestion.page] : []),
      ),
    };
    mkdirSync(resolve(here, '../results'), { recursive: true });
    writeFileSync(resolve(here, '../results/citizen-web.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    const oversized = Object.entries(transfer).filter(([, entry]) => !entry.underTarget);
    if (oversized.length) console.error(`over 150 KB on a first visit: ${oversized.map(([path]) => path).join(', ')}`);
    return oversized.length === 0 && result.allResponsesOk ? 0 : 1;
  } finally {
    await deleteKeys(redis, `*${prefix}*`);
    redis.disconnect();
    await web.stop();
    await api.stop();
    rmSync(sinkFile, { force: true });
  }
}

process.exit(await main());
