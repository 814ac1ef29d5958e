/**
 * The whole journey against a RUNNING system (`npm run start:all` or `docker compose up`), as each person sees it:
 *
 *   npm run demo
 *
 * A victim checks eligibility, signs in with an emailed code (read from the development Notify sink), fills in every
 * section, uploads a PDF and submits; the worker assesses and triages the claim; a team leader moves it to a queue
 * of the demo's own so that the caseworker's POST /v1/work/next takes exactly this claim; the caseworker asks the
 * victim for evidence (the victim answers), calculates an award above the four-eyes threshold and proposes it; a
 * different senior caseworker approves it; the worker renders the decision letter and the victim downloads it; the
 * victim consents to two support referrals; one partner accepts and closes theirs with an outcome, the other
 * declines and the next best service is offered to the victim instead.
 *
 * Prints one line per step with the elapsed time and exits non-zero at the first step that fails.
 * Settings: CITIZEN_API_URL (http://127.0.0.1:3001), CASEWORKER_API_URL (http://127.0.0.1:3002),
 * NOTIFY_LOCAL_SINK_FILE (var/notify-local-sink.jsonl, as the citizen API writes it in development),
 * DATABASE_URL (for the two administrator commands it runs: the directory import and partner credentials),
 * DEMO_TIMEOUT_MS (30000: how long to wait for the worker at each step).
 * Staff tokens are minted as `npm run token` mints them, with the committed development-only key.
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   the demo reads the APIs' JSON answers as they come, like any client; each step checks what it relies on. */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleCompleteApplication } from '@redress/domain';
import jwt from 'jsonwebtoken';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from '../apps/caseworker-api/src/auth/development-only-staff-keys.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const citizenUrl = (process.env.CITIZEN_API_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
const caseworkerUrl = (process.env.CASEWORKER_API_URL ?? 'http://127.0.0.1:3002').replace(/\/$/, '');
const sinkFile = process.env.NOTIFY_LOCAL_SINK_FILE ?? 'var/notify-local-sink.jsonl';
const timeoutMs = Number(process.env.DEMO_TIMEOUT_MS ?? 30_000);
const started = performance.now();

// ---- output -------------------------------------------------------------------------------------------------

const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s`;
let stepNumber = 0;

async function step<T>(title: string, action: () => Promise<T>, describe?: (value: T) => string): Promise<T> {
  stepNumber += 1;
  const number = String(stepNumber).padStart(2);
  try {
    const value = await action();
    const detail = describe ? `: ${describe(value)}` : '';
    console.log(`${elapsed()}  ${number}. ok    ${title}${detail}`);
    return value;
  } catch (error) {
    console.log(`${elapsed()}  ${number}. FAIL  ${title}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// ---- HTTP ---------------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  bytes: Buffer;
}

async function call(
  base: string,
  method: string,
  path: string,
  options: { auth?: string; headers?: Record<string, string>; json?: unknown; form?: FormData; expect?: number[] } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = options.auth;
  let body: string | FormData | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const parsed = type.includes('json') && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
  const expected = options.expect ?? [200, 201, 202, 204];
  if (!expected.includes(response.status)) {
    const problem = parsed
      ? [parsed.code, parsed.detail ?? parsed.title, ...(parsed.errors ?? []).map((e: unknown) => JSON.stringify(e))]
          .filter(Boolean)
          .join('; ')
      : bytes.toString('utf8').slice(0, 200);
    throw new Error(`${method} ${path} answered ${response.status} (${problem})`);
  }
  return { status: response.status, headers: response.headers, body: parsed, bytes };
}
const citizen = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(citizenUrl, method, path, options);
const staffApi = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(caseworkerUrl, method, path, options);

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// ---- helpers ------------------------------------------------------------------------------------------------

/** A development staff token, exactly as `npm run token -- --role ... --team ... --sub ...` prints it. */
function staffToken(roles: string[], staffId: string, team: string): string {
  const token = jwt.sign({ roles, team }, DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, {
    algorithm: 'RS256',
    keyid: DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
    subject: staffId,
    issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
    audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
    expiresIn: 3600,
  });
  return `Bearer ${token}`;
}

/** Runs one of the repository's administrator commands (compiled when built, through tsx otherwise). */
function adminCommand(name: string, args: string[]): Promise<string> {
  const compiled = join(root, 'dist', 'scripts', `${name}.js`);
  const [command, commandArgs] = existsSync(compiled)
    ? [process.execPath, [compiled, ...args]]
    : [join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', `${name}.ts`), ...args]];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`${name} exited ${code}: ${output.trim()}`)),
    );
  });
}

/** A one-page PDF made by hand (the API checks the content is a PDF, whatever the name says). */
function smallPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The newest sign-in code the development Notify sink holds for this address. */
function codeFromSink(email: string): string | undefined {
  if (!existsSync(sinkFile)) return undefined;
  const lines = readFileSync(sinkFile, 'utf8').trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const message = JSON.parse(line) as {
        type: string;
        emailAddress?: string;
        personalisation?: { code?: string | number };
      };
      if (message.type === 'email' && message.emailAddress === email && message.personalisation?.code)
        return String(message.personalisation.code);
    } catch {
      // a line being written: skip it
    }
  }
  return undefined;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (days: number) => isoDay(new Date(Date.now() - days * 86_400_000));
const pounds = (pence: number) =>
  `GBP ${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// ---- the journey --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(`Redress demo: citizen API ${citizenUrl}, caseworker API ${caseworkerUrl}\n`);
  const run = randomUUID().slice(0, 8);
  const email = `demo-${run}@example.test`;
  const crimeDate = daysAgo(60);
  const today = isoDay(new Date());

  await step('both APIs are ready', () =>
    until('GET /health/ready on both APIs', async () => {
      try {
        const [a, b] = await Promise.all([fetch(`${citizenUrl}/health/ready`), fetch(`${caseworkerUrl}/health/ready`)]);
        return a.ok && b.ok;
      } catch {
        return false;
      }
    }),
  );
  await step(
    'the support directory is loaded (npm run directory:import, idempotent)',
    () => adminCommand('directory-import', [join(root, 'data/directory/seed-directory.json')]),
    (output) => output.trim().split('\n').at(-1) ?? '',
  );

  // The victim.
  const check = await step(
    'victim checks eligibility (POST /v1/eligibility-checks)',
    () =>
      citizen('POST', '/v1/eligibility-checks', {
        json: {
          receivedOn: today,
          route: 'direct-victim',
          applicant: {
            dateOfBirth: '1990-05-01',
            residence: ['ordinarily-resident-uk'],
            unspentConvictions: [],
            previousApplicationForSameInjury: false,
            livedWithAssailantAsFamily: false,
            stillLivesWithAssailant: false,
          },
          incident: {
            date: crimeDate,
            lastDate: null,
            place: 'england',
            kind: 'physical-attack',
            reportedToPolice: true,
            reportedOn: crimeDate,
            cooperatedWithPolice: true,
            assailantMayBenefit: false,
          },
          injuries: { minorOnly: false, sexualAssault: false, mentalInjury: null },
          witness: null,
          fatal: null,
          lateApplicationReason: null,
        },
      }),
    (answer) => `outcome ${answer.body.outcome}`,
  );
  if (check.body.outcome !== 'eligible') throw new Error(`expected eligible, got ${check.body.outcome}`);

  await step(`victim asks for a sign-in code for ${email}`, () =>
    citizen('POST', '/v1/auth/codes', { json: { email } }),
  );
  const code = await step(
    `victim reads the code from the development Notify sink (${sinkFile})`,
    () => until(`a code for ${email} in ${sinkFile}`, async () => codeFromSink(email)),
    () => '6 digits',
  );
  const session = await step(
    'victim signs in with the code',
    () => citizen('POST', '/v1/auth/tokens', { json: { email, code } }),
    (answer) => `access token for ${answer.body.expiresIn} s`,
  );
  const victim = `Bearer ${session.body.accessToken as string}`;

  const draft = await step('victim starts an application', () => citizen('POST', '/v1/applications', { auth: victim }));
  const applicationId = draft.body.id as string;
  const answers = exampleCompleteApplication() as unknown as Record<string, Record<string, unknown>>;
  answers.crime = { ...answers.crime, date: crimeDate, reportedOn: crimeDate };
  const sections = await step(
    'victim fills in every section (PUT .../sections/{section}, If-Match)',
    async () => {
      let etag = draft.headers.get('etag')!;
      // The declaration goes last: it counts only when made after every other answer.
      const order = Object.keys(answers).sort((a, b) => Number(a === 'declaration') - Number(b === 'declaration'));
      for (const section of order) {
        const saved = await citizen('PUT', `/v1/applications/${applicationId}/sections/${section}`, {
          auth: victim,
          headers: { 'if-match': etag },
          json: answers[section],
        });
        etag = saved.headers.get('etag')!;
      }
      const tasks = await citizen('GET', `/v1/applications/${applicationId}/tasks`, { auth: victim });
      const list: Array<{ section: string; status: string }> = Array.isArray(tasks.body)
        ? tasks.body
        : (tasks.body.sections ?? tasks.body.tasks);
      const unfinished = list.filter((task) => task.status !== 'complete' && task.status !== 'not-applicable');
      if (unfinished.length) throw new Error(`not complete: ${unfinished.map((task) => task.section).join(', ')}`);
      return order;
    },
    (order) => `${order.length} sections saved, task list complete`,
  );
  void sections;
  await step(
    'victim uploads evidence (a PDF made here)',
    async () => {
      const form = new FormData();
      const pdf = smallPdf('Discharge summary: fractured jaw, plated.');
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'discharge-summary.pdf');
      return citizen('POST', `/v1/applications/${applicationId}/documents`, { auth: victim, form });
    },
    (answer) => `${answer.body.contentType ?? 'file'} of ${answer.body.sizeBytes ?? '?'} bytes`,
  );
  const submitted = await step(
    'victim submits (Idempotency-Key)',
    () =>
      citizen('POST', `/v1/applications/${applicationId}/submission`, {
        auth: victim,
        headers: { 'idempotency-key': randomUUID() },
      }),
    (answer) => `claim ${answer.body.reference}`,
  );
  const reference = submitted.body.reference as string;

  // The worker.
  await step(
    'worker assesses and triages the claim (citizen view polled)',
    () =>
      until('the claim to be triaged', async () => {
        const view = await citizen('GET', `/v1/claims/${reference}`, { auth: victim });
        return view.body.status === 'triaged' ? view : undefined;
      }),
    (view) => `status ${view.body.status}`,
  );

  // Staff.
  const team = `demo-${run}`;
  const teamLeader = staffToken(['team-leader'], `demo-lead-${run}`, 'general');
  const caseworker = staffToken(['caseworker'], `demo-caseworker-${run}`, team);
  const senior = staffToken(['senior-caseworker'], `demo-senior-${run}`, team);
  const staffVersion = async (auth: string) => {
    const view = await staffApi('GET', `/v1/claims/${reference}?purpose=casework`, { auth });
    return Number(JSON.parse(view.headers.get('etag')!));
  };
  await step(
    `team leader moves the claim to a queue of the demo's own (${team})`,
    async () =>
      staffApi('POST', `/v1/claims/${reference}/assignment`, {
        auth: teamLeader,
        json: { version: await staffVersion(teamLeader), team },
      }),
    (answer) => `team ${answer.body.team}`,
  );
  const taken = await step(
    'caseworker takes the next case (POST /v1/work/next)',
    () => staffApi('POST', '/v1/work/next', { auth: caseworker, expect: [200] }),
    (answer) => `${answer.body.reference}, ${answer.body.status}`,
  );
  if (taken.body.reference !== reference) throw new Error(`took ${taken.body.reference}, not ${reference}`);

  await step(
    'caseworker asks the victim for medical evidence',
    async () =>
      staffApi('POST', `/v1/claims/${reference}/information-requests`, {
        auth: caseworker,
        json: {
          version: await staffVersion(caseworker),
          recipient: 'applicant',
          topic: 'medical-evidence',
          question: 'Please send the hospital letter about your jaw.',
          workingDays: 10,
        },
      }),
    (answer) => `request ${String(answer.body.id).slice(0, 8)}, due ${answer.body.dueOn ?? '?'}`,
  );
  await step(
    'victim sees the request and answers it',
    async () => {
      const view = await citizen('GET', `/v1/claims/${reference}`, { auth: victim });
      const [request] = view.body.openInformationRequests as Array<{ id: string }>;
      if (!request) throw new Error('no open information request in the victim’s view');
      await citizen('POST', `/v1/claims/${reference}/information-requests/${request.id}/answer`, {
        auth: victim,
        json: { answer: 'I uploaded the discharge summary with my application; the clinic letter follows.' },
      });
      return until('the assessment to resume', async () => {
        const after = await citizen('GET', `/v1/claims/${reference}`, { auth: victim });
        return after.body.status === 'in_assessment' ? after : undefined;
      });
    },
    (view) => `status ${view.body.status}`,
  );
  const calculation = await step(
    'caseworker calculates the award',
    () =>
      staffApi('POST', `/v1/claims/${reference}/award-calculations`, {
        auth: caseworker,
        json: { decidedOn: today, injuries: [{ code: 'A-HEAD-BRAIN-SERIOUS' }] },
      }),
    (answer) => pounds(answer.body.breakdown.totalPence),
  );
  const proposed = await step(
    'caseworker proposes the award (above the four-eyes threshold)',
    async () =>
      staffApi('POST', `/v1/claims/${reference}/decisions`, {
        auth: caseworker,
        json: {
          version: await staffVersion(caseworker),
          kind: 'award',
          awardCalculationId: calculation.body.id,
          reasons: 'The hospital records confirm a serious brain injury caused by the assault.',
        },
      }),
    (answer) => `${answer.body.status} (${(answer.body.approvalReasons ?? []).join(', ')})`,
  );
  if (proposed.body.status !== 'pending-approval') throw new Error(`expected pending-approval`);
  await step(
    'a different senior caseworker approves it',
    async () =>
      staffApi('POST', `/v1/claims/${reference}/decisions/${proposed.body.id}/approval`, {
        auth: senior,
        headers: { 'if-match': `"${await staffVersion(senior)}"` },
        json: {},
      }),
    (answer) => `decision ${answer.body.status}`,
  );
  const letter = await step(
    'worker produces the decision letter (citizen view polled)',
    () =>
      until('the decision letter', async () => {
        const view = await citizen('GET', `/v1/claims/${reference}`, { auth: victim });
        const decision = (view.body.decisions ?? []).find((d: { inForce?: boolean; letter?: unknown }) => d.letter);
        return decision?.letter as { id: string; pages: number } | undefined;
      }),
    (found) => `${found.pages} page(s)`,
  );
  await step(
    'victim downloads the letter',
    async () => {
      const download = await citizen('GET', `/v1/claims/${reference}/letters/${letter.id}`, { auth: victim });
      if (!download.bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the letter is not a PDF');
      return download;
    },
    (download) => `${download.headers.get('content-type')}, ${download.bytes.length} bytes`,
  );

  // Support referrals.
  const proposals = await step(
    'victim asks for support: matching services are proposed',
    () =>
      citizen('POST', '/v1/referrals/proposals', {
        auth: victim,
        json: {
          needs: ['feeling-safe', 'emotional-support', 'legal-help', 'money'],
          circumstances: [],
          age: 36,
          postcode: 'NW1 2DB',
          localAuthorityCode: 'E09000007',
          contact: { name: 'Alex', email, channels: ['email'], voicemailOk: false },
          summary: 'Attacked in the street; would like to talk to someone before the trial.',
        },
      }),
    (answer) =>
      (answer.body.referrals as Array<{ organisationName: string }>).map((r) => r.organisationName).join(', '),
  );
  const offered = proposals.body.referrals as Array<{
    id: string;
    organisationId: string;
    organisationName: string;
    consentWording: { version: string };
  }>;
  if (offered.length < 2) throw new Error(`only ${offered.length} service(s) proposed`);
  const [first, second] = offered as [(typeof offered)[0], (typeof offered)[0]];
  for (const referral of [first, second]) {
    await step(`victim consents to a referral to ${referral.organisationName}`, () =>
      citizen('POST', `/v1/referrals/${referral.id}/consent`, {
        auth: victim,
        json: { consent: true, wordingVersion: referral.consentWording.version },
      }),
    );
  }
  await step(
    'worker sends both referrals',
    () =>
      until('both referrals to be sent', async () => {
        const list = await citizen('GET', '/v1/referrals', { auth: victim });
        const statuses = [first, second].map(
          (r) => (list.body as Array<{ id: string; status: string }>).find((item) => item.id === r.id)?.status,
        );
        return statuses.every((status) => status === 'sent') ? statuses : undefined;
      }),
    (statuses) => statuses.join(', '),
  );

  const keyOf = async (organisationId: string) => {
    const output = await adminCommand('partner-credentials', ['create', organisationId]);
    const key = /API key: (\S+)/.exec(output)?.[1];
    if (!key) throw new Error(`no key in: ${output}`);
    return key;
  };
  const [keyA, keyB] = await step(
    'administrator issues both partners an API key (npm run partner:credentials -- create ORG_ID)',
    () => Promise.all([keyOf(first.organisationId), keyOf(second.organisationId)]),
    () => 'two keys',
  );
  const partner = (key: string, action: string, referralId: string, json: object = {}) =>
    staffApi('POST', `/v1/partner/referrals/${referralId}/${action}`, { headers: { 'x-api-key': key }, json });
  await step(
    `${first.organisationName} reads the referral, acknowledges and accepts it`,
    async () => {
      await staffApi('GET', `/v1/partner/referrals/${first.id}`, { headers: { 'x-api-key': keyA } });
      await partner(keyA, 'acknowledge', first.id);
      return partner(keyA, 'accept', first.id, { note: 'We will call on Monday.' });
    },
    (answer) => answer.body.status,
  );
  await step(
    `${first.organisationName} records support and closes it with an outcome`,
    async () => {
      await partner(keyA, 'updates', first.id, { note: 'First session held.' });
      return partner(keyA, 'close', first.id, { outcome: 'support-given', note: 'Six sessions completed.' });
    },
    (answer) => `${answer.body.status}, support-given`,
  );
  await step(
    `${second.organisationName} declines (no capacity)`,
    async () => {
      await partner(keyB, 'acknowledge', second.id);
      return partner(keyB, 'decline', second.id, { reason: 'no-capacity', note: 'Full until March.' });
    },
    (answer) => answer.body.status,
  );
  await step(
    'the victim is offered the next best service instead (a new proposal)',
    async () => {
      const list = await citizen('GET', '/v1/referrals', { auth: victim });
      const known = new Set(offered.map((r) => r.id));
      const fresh = (list.body as Array<{ id: string; status: string; organisationName: string }>).find(
        (r) => !known.has(r.id) && r.status === 'proposed',
      );
      if (!fresh) throw new Error('no new proposal after the decline');
      return fresh;
    },
    (fresh) => fresh.organisationName,
  );

  console.log(`\nThe whole journey took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.log(`${elapsed()}  FAIL  ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
