import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestStaff } from './caseworker-api.js';
import { lastSignInCode, type CitizenStack } from './citizen-web.js';

/** Signs the owner of a seeded claim in through the web pages (its account's address is `<citizenId>@example.test`). */
export async function signInAs(page: Page, stack: CitizenStack, citizenId: string): Promise<void> {
  const email = `${citizenId}@example.test`;
  await page.goto(`${stack.webUrl}/sign-in`);
  await page.getByLabel('What is your email address?').fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.waitForURL(/\/sign-in\/code$/);
  await page.getByLabel('Enter the 6-digit code').fill(lastSignInCode(stack.notifySink, email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function claimVersion(db: DataSource, claimId: string): Promise<number> {
  const [row] = await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claimId]);
  return row!.version;
}

/** A caseworker asks the applicant a question (as test/caseworker-citizen-decisions.e2e-spec.ts does). */
export async function askApplicant(
  staffApi: NestFastifyApplication,
  caseworker: TestStaff,
  claim: { claimId: string; reference: string },
  question: string,
): Promise<void> {
  const db = staffApi.get(DataSource);
  await request(staffApi.getHttpServer())
    .post(`/v1/claims/${claim.reference}/information-requests`)
    .set('authorization', caseworker.authorization)
    .send({
      version: await claimVersion(db, claim.claimId),
      recipient: 'applicant',
      topic: 'medical-evidence',
      question,
      workingDays: 10,
    })
    .expect(201);
}

/**
 * A caseworker decides an award today and the letter is stored as the worker would store it; answers the letter's
 * id and content.
 */
export async function decideAwardWithLetter(
  staffApi: NestFastifyApplication,
  citizenApi: NestFastifyApplication,
  caseworker: TestStaff,
  claim: { claimId: string; reference: string },
  reasons: string,
): Promise<{ letterId: string; pdf: Buffer }> {
  const db = staffApi.get(DataSource);
  await db.query(`UPDATE claim SET status = 'in_assessment' WHERE id = $1`, [claim.claimId]);
  const staff = () => request(staffApi.getHttpServer());
  const calculation = await staff()
    .post(`/v1/claims/${claim.reference}/award-calculations`)
    .set('authorization', caseworker.authorization)
    .send({ decidedOn: new Date().toISOString().slice(0, 10), injuries: [{ code: 'A-HEAD-BRAIN-MINOR' }] })
    .expect(201);
  const decision = await staff()
    .post(`/v1/claims/${claim.reference}/decisions`)
    .set('authorization', caseworker.authorization)
    .send({
      version: await claimVersion(db, claim.claimId),
      kind: 'award',
      awardCalculationId: calculation.body.id,
      reasons,
    })
    .expect(201);
  const letterId = randomUUID();
  const pdf = Buffer.from(`%PDF-1.7 decision letter ${letterId}`);
  const key = `claims/${claim.claimId}/letters/${letterId}`;
  await citizenApi.get(DocumentStorage, { strict: false }).put(key, pdf, 'application/pdf');
  await db.query(
    `INSERT INTO claim_letter (id, claim_id, kind, decision_id, storage_key, content_type, size_bytes, pages, created_at)
     VALUES ($1, $2, 'decision', $3, $4, 'application/pdf', $5, 1, now())`,
    [letterId, claim.claimId, decision.body.id, key, pdf.length],
  );
  return { letterId, pdf };
}

/** The cookie header of a page's context, to send a hand-made request as that browser. */
export async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
