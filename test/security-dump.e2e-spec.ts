import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exampleCompleteApplication } from '@redress/domain';
import { createApplication, submit } from './support/applications.js';
import { createTestCitizen } from './support/citizen-api.js';
import { startCitizenApi } from './support/citizen-api.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

/** Every special-category and personal free-text answer of one claim, each carrying the claim's marker. */
export function distinctiveApplication(marker: string) {
  const example = exampleCompleteApplication();
  const values = {
    firstName: `Forename${marker}`,
    lastName: `Surname${marker}`,
    ethnicity: `ethnicity-${marker}`,
    religion: `religion-${marker}`,
    orientation: `orientation-${marker}`,
    gender: `gender-identity-${marker}`,
    account: `He raped me in the stairwell; account of the crime ${marker}`,
    location: `Stairwell of block ${marker}`,
    offender: `Offender Name ${marker}`,
    injury: `Fractured pelvis and vaginal tearing ${marker}`,
    infection: `Chlamydia contracted in the assault ${marker}`,
    mental: `Post-traumatic stress, suicidal thoughts ${marker}`,
    conviction: `Possession of cannabis, 2021 ${marker}`,
    needs: `Needs an ISVA who speaks Polish ${marker}`,
    safeTimes: `Only call while partner is at work ${marker}`,
    phone: `0770090${marker.replace(/\D/g, '').slice(0, 4).padEnd(4, '0')}`,
  };
  const sections = {
    ...example,
    applicant: {
      ...example.applicant,
      firstName: values.firstName,
      lastName: values.lastName,
      protectedCharacteristics: {
        ethnicity: values.ethnicity,
        disability: true,
        religionOrBelief: values.religion,
        sexualOrientation: values.orientation,
        genderIdentity: values.gender,
      },
    },
    crime: { ...example.crime, kind: 'sexual-assault' as const, account: values.account, location: values.location },
    offender: { ...example.offender, nameKnown: true, name: values.offender },
    injuries: {
      ...example.injuries,
      physicalInjuries: [
        { bodyArea: 'pelvis-and-genitals' as const, kind: 'internal-injury' as const, description: values.injury },
      ],
      sexualAssault: true,
      infection: { infected: true, details: values.infection },
    },
    impact: { ...example.impact, effectOnDailyLife: values.mental },
    convictions: {
      hasUnspentConvictions: true,
      convictions: [{ sentence: 'fine' as const, convictedOn: '2021-06-01', details: values.conviction }],
    },
    'support-needs': { ...example['support-needs'], inOwnWords: values.needs },
    'contact-preferences': {
      ...example['contact-preferences'],
      safeContact: { ...example['contact-preferences'].safeContact, safeTimes: values.safeTimes },
    },
    declaration: { ...example.declaration, fullName: `${values.firstName} ${values.lastName}` },
  };
  return { sections, values: Object.values(values).filter((value) => !value.startsWith('0770')) };
}

/** Runs `pg_dump` of a database; answers the plain SQL text. */
export function pgDump(url: string): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const child = spawn(
      'pg_dump',
      [
        '-h',
        target.hostname,
        '-p',
        target.port || '5432',
        '-U',
        decodeURIComponent(target.username),
        target.pathname.slice(1),
      ],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password) } },
    );
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks).toString('utf8'))
        : reject(new Error(`pg_dump exited ${code}: ${Buffer.concat(errors).toString('utf8')}`)),
    );
  });
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await work(item);
      }
    }),
  );
}

describe('a database dump (docs/security.md: a database dump leaking)', () => {
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createIsolatedDatabase('dump');
    app = await startCitizenApi({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('holds none of 100 submitted claims’ special-category answers in plain text', async () => {
    const run = randomBytes(4).toString('hex');
    const claims = Array.from({ length: 100 }, (_, index) => distinctiveApplication(`Q${run}x${index}Z`));
    const references: string[] = [];
    await inParallel(claims, 20, async ({ sections }) => {
      const citizen = await createTestCitizen(app);
      const { id } = await createApplication(app, citizen, sections);
      const submitted = await submit(app, citizen, id);
      if (submitted.status !== 201)
        throw new Error(`submission: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      references.push(submitted.body.reference as string);
    });
    expect(references).toHaveLength(100);
    const [counted] = await database.dataSource.query<Array<{ claims: number; sections: number; history: number }>>(
      `SELECT (SELECT count(*)::int FROM claim) AS claims, (SELECT count(*)::int FROM application_section) AS sections,
              (SELECT count(*)::int FROM application_answer_history) AS history`,
    );
    expect(counted!.claims).toBe(100);
    const sectionCount = Object.keys(claims[0]!.sections).length;
    expect(counted!.sections).toBe(100 * sectionCount);
    expect(counted!.history).toBe(100 * sectionCount);

    const dump = await pgDump(database.url);
    // The dump really holds the claims (their references are plain case data), so a miss is not an empty dump.
    for (const reference of references) expect(dump).toContain(reference);
    const leaked = claims.flatMap(({ values }) => values.filter((value) => dump.includes(value)));
    expect(leaked).toEqual([]);
    // Nor any fragment of a marker: no answer is stored in plain text under another shape.
    expect(dump.includes(`Q${run}x`)).toBe(false);
  }, 60_000);
});
