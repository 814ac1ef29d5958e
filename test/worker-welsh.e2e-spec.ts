import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import { calculateAward } from '@redress/domain';
import { FieldCipher, loadConfig } from '@redress/platform';
import { DisposableDatabase, DisposableRedis, NOTIFY_STUB_API_KEY, NotifyStub, PoliceStub } from '@redress/testing';
import pg from 'pg';
import request from 'supertest';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';
import { submittedClaim } from './support/applications.js';
import { createTestCitizen, startCitizenApi, type TestCitizen } from './support/citizen-api.js';

/** Waits on a condition (the worker runs its jobs on its own). */
async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const templates = {
  'claim.submitted': {
    email: 'tpl-submitted-en',
    sms: 'tpl-submitted-sms-en',
    cy: { email: 'tpl-submitted-cy', sms: 'tpl-submitted-sms-cy' },
  },
};

describe('worker: messages and letters in the claim’s language', () => {
  let database: DisposableDatabase;
  let redis: DisposableRedis;
  let notify: NotifyStub;
  let police: PoliceStub;
  let citizenApi: NestFastifyApplication;
  let worker: INestApplicationContext;
  let pool: pg.Pool;
  const documents = mkdtempSync(join(tmpdir(), 'redress-welsh-documents-'));

  beforeAll(async () => {
    [database, redis, notify, police] = await Promise.all([
      DisposableDatabase.create(process.env.DATABASE_URL!, 'wwelsh'),
      DisposableRedis.start(),
      NotifyStub.start(),
      PoliceStub.start(),
    ]);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    citizenApi = await startCitizenApi({ DATABASE_URL: database.url, REDIS_URL: redis.url });
    worker = await createWorker(
      loadConfig(WorkerConfig, {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        AUDIT_VERIFY_EVERY_MS: '0',
        REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
        NOTIFY_MODE: 'notify',
        NOTIFY_API_KEY: NOTIFY_STUB_API_KEY,
        NOTIFY_BASE_URL: notify.baseUrl,
        NOTIFY_CLAIM_TEMPLATES: JSON.stringify(templates),
        POLICE_API_BASE_URL: police.baseUrl,
        OUTBOX_POLL_INTERVAL_MS: '200',
        DOCUMENT_STORAGE_DIR: documents,
      }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await citizenApi?.close();
    await pool?.end();
    await Promise.all([notify?.close(), police?.close(), redis?.stop()]);
    await database?.drop();
    rmSync(documents, { recursive: true, force: true });
  });

  const choose = (citizen: TestCitizen, body: object) =>
    request(citizenApi.getHttpServer())
      .put('/v1/me/preferences')
      .set('authorization', citizen.authorization)
      .send(body)
      .expect(200);

  /** A submitted claim, once the worker has triaged it. */
  async function triagedClaim(citizen: TestCitizen): Promise<{ claimId: string; reference: string }> {
    const { reference } = await submittedClaim(citizenApi, citizen);
    const claimId = await until(async () => {
      const { rows } = await pool.query(`SELECT id FROM claim WHERE reference = $1 AND status = 'triaged'`, [
        reference,
      ]);
      return rows[0]?.id as string | undefined;
    });
    return { claimId, reference };
  }

  it('sends a Welsh claim the Welsh template, and an English claim the English one', async () => {
    const welsh = await createTestCitizen(citizenApi);
    await choose(welsh, { preferredLanguage: 'cy' });
    const english = await createTestCitizen(citizenApi);
    const [cy, en] = await Promise.all([triagedClaim(welsh), triagedClaim(english)]);
    const sentTo = (claimId: string) =>
      until(async () => notify.deliveries.find((d) => d.reference === `${claimId}:claim.submitted`));
    expect(await sentTo(cy.claimId)).toMatchObject({
      templateId: 'tpl-submitted-cy',
      personalisation: { reference: cy.reference },
    });
    expect(await sentTo(en.claimId)).toMatchObject({
      templateId: 'tpl-submitted-en',
      personalisation: { reference: en.reference },
    });
  });

  /** Records a made decision as the caseworker API does, queues its letter and answers the letter's text. */
  async function letterText(claimId: string): Promise<{ pages: string[]; title: unknown }> {
    const cipher = worker.get(FieldCipher);
    const breakdown = calculateAward({ decidedOn: '2026-11-20', injuries: [{ code: 'A-WRIST-FRACTURE' }] });
    const calculationId = randomUUID();
    const decisionId = randomUUID();
    await pool.query(
      `INSERT INTO award_calculation (id, claim_id, edition, total_pence, gross_pence, calculation_encrypted,
         calculated_by_staff_id, calculated_at) VALUES ($1, $2, $3, $4, $5, $6, 'staff-1', now())`,
      [
        calculationId,
        claimId,
        breakdown.edition,
        breakdown.totalPence,
        breakdown.grossPence,
        cipher.encryptJson({ input: {}, breakdown }, `award-calculation:${calculationId}:calculation`),
      ],
    );
    await pool.query(
      `INSERT INTO claim_decision (id, claim_id, kind, award_calculation_id, amount_pence, grounds, paragraphs,
         reasons_encrypted, needs_approval, status, proposed_by_staff_id, proposed_at, approved_by_staff_id,
         approved_at, decided_on)
       VALUES ($1, $2, 'award', $3, $4, '{}', '{"para 4","para 22"}', $5, true, 'made', 'staff-1', now(), 'staff-2',
         now(), '2026-11-20')`,
      [
        decisionId,
        claimId,
        calculationId,
        breakdown.totalPence,
        cipher.encrypt('Trosedd treisgar, a riportiwyd ar unwaith.', `claim-decision:${decisionId}:reasons`),
      ],
    );
    await pool.query(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key) VALUES ($1, 'documents.decision-letter', $2, $3)`,
      [randomUUID(), JSON.stringify({ claimId, decisionId }), `claim:${claimId}`],
    );
    const letter = await until(async () => {
      const { rows } = await pool.query(`SELECT storage_key FROM claim_letter WHERE claim_id = $1`, [claimId]);
      return rows[0] as { storage_key: string } | undefined;
    });
    const pdf = await worker.get(DocumentStorage).get(letter.storage_key);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const parsed = await pdfjs.getDocument({
      data: new Uint8Array(pdf),
      standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`,
    }).promise;
    const pages: string[] = [];
    for (let number = 1; number <= parsed.numPages; number++) {
      const content = await (await parsed.getPage(number)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    const { info } = await parsed.getMetadata();
    await parsed.cleanup();
    return { pages, title: (info as { Title?: unknown }).Title };
  }

  it('renders a Welsh claim’s decision letter in Welsh, with the scheme’s paragraph references unchanged', async () => {
    const citizen = await createTestCitizen(citizenApi);
    await choose(citizen, { preferredLanguage: 'cy' });
    const { claimId, reference } = await triagedClaim(citizen);
    const { pages, title } = await letterText(claimId);
    const all = pages.join(' ');
    expect(title).toBe(`Penderfyniad ar hawliad ${reference}`);
    expect(all).toContain('Penderfyniad ar eich hawliad am iawndal');
    expect(all).toContain(`Cyfeirnod yr hawliad: ${reference}`);
    expect(all).toContain('Dyddiad y penderfyniad: 20 Tachwedd 2026');
    expect(all).toContain('Rydym wedi penderfynu rhoi dyfarniad o iawndal i chi.');
    expect(all).toContain('para 4, para 22');
    expect(all).toContain('Sut i ofyn am adolygiad');
    expect(all).not.toContain('We have decided');
  });

  it('renders Welsh then English for a victim who asked for letters in both languages', async () => {
    const citizen = await createTestCitizen(citizenApi);
    await choose(citizen, { preferredLanguage: 'cy', bilingualLetters: true });
    const { claimId } = await triagedClaim(citizen);
    const { pages } = await letterText(claimId);
    const all = pages.join(' ');
    expect(all.indexOf('Penderfyniad ar eich hawliad am iawndal')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('Decision on your claim for compensation')).toBeGreaterThan(
      all.indexOf('Penderfyniad ar eich hawliad am iawndal'),
    );
    expect(all.match(/para 4, para 22/g)).toHaveLength(2);
  });
});
