import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseHsdsDocument } from '@redress/application';
import { PostgresDirectoryImportStore } from '@redress/persistence';
import type { Browser, BrowserContext } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';
import { seedClaim, startCaseworkerApi, testStaff } from '../support/caseworker-api.js';
import { startCitizenStack, type CitizenStack } from '../support/citizen-web.js';
import { cookieHeader, signInAs } from '../support/citizen-web-claims.js';

const JOURNEY_TIMEOUT_MS = 120_000;

describe('citizen web: support referrals and your data', () => {
  let stack: CitizenStack;
  let staffApi: NestFastifyApplication;
  let db: DataSource;
  let browser: Browser;
  let auditContext: BrowserContext;

  beforeAll(async () => {
    stack = await startCitizenStack();
    staffApi = await startCaseworkerApi();
    db = staffApi.get(DataSource);
    await new PostgresDirectoryImportStore(db).upsert(
      parseHsdsDocument(JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'))),
    );
    browser = await launchBrowser();
    auditContext = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await staffApi?.close();
    await stack?.close();
  });

  const consentRows = async (citizenId: string) =>
    db.query<Array<{ action: string }>>(
      `SELECT action FROM referral_consent WHERE citizen_id = $1 ORDER BY recorded_at`,
      [citizenId],
    );

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'a victim finds support, gives consent to one organisation (never pre-ticked) and withdraws it (%s)',
    async (_, javaScriptEnabled) => {
      const claim = await seedClaim(staffApi, { status: 'submitted' });
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signInAs(page, stack, claim.citizenId);
      await page.goto(`${stack.webUrl}/support`);
      await expectPageBasics(page);
      await expectAccessible(page, auditContext);
      await page.getByRole('button', { name: 'Find support' }).click();
      await expectAccessible(page, auditContext);

      // Empty: every question answered with a GOV.UK error.
      await page.getByRole('button', { name: 'Find support' }).click();
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual([
        'Select what would help you',
        'Enter your postcode',
        'Enter the name they should call you',
        'Select how they should contact you',
        'Select yes if it is safe to leave a voicemail',
      ]);
      await expectAccessible(page, auditContext);

      await page.getByLabel('Someone to talk to').check();
      await page.getByLabel('Legal advice').check();
      await page.getByLabel('Your postcode').fill('NW1 2DB');
      await page.getByLabel('What name should they call you?').fill('Robin');
      await page.getByLabel('Text message').check();
      await page.getByLabel('Phone number').fill('07700 900123');
      await page.locator('input[name="voicemail"][value="no"]').check();
      await page.getByRole('button', { name: 'Find support' }).click();
      await page.waitForURL(/\/support$/);
      await expectAccessible(page, auditContext);

      // Every suggestion says why, and its consent box is not ticked.
      const cards = page.locator('.govuk-summary-card');
      expect(await cards.count()).toBeGreaterThan(0);
      expect(await cards.first().locator('ul li').count()).toBeGreaterThan(0);
      const boxes = page.locator('input[name="consent"]');
      for (let index = 0; index < (await boxes.count()); index++)
        expect(await boxes.nth(index).isChecked()).toBe(false);
      const organisation = (await cards.first().locator('.govuk-summary-card__title').textContent())!.trim();
      expect(await cards.first().textContent()).toContain(`If you agree, we will send ${organisation} your name`);

      // Agreeing without ticking is refused and records nothing.
      await cards.first().getByRole('button', { name: 'Agree and send referral' }).click();
      expect(await page.locator('.govuk-error-summary a').textContent()).toBe(
        `Tick the box if you agree to share your details with ${organisation}`,
      );
      await expectAccessible(page, auditContext);
      expect(await consentRows(claim.citizenId)).toEqual([]);

      await page
        .locator('.govuk-summary-card')
        .first()
        .getByLabel(`I agree to share my details with ${organisation}`)
        .check();
      await page
        .locator('.govuk-summary-card')
        .first()
        .getByRole('button', { name: 'Agree and send referral' })
        .click();
      await page.waitForURL(/\/support$/);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        `We will send your details to ${organisation}`,
      );
      expect((await consentRows(claim.citizenId)).map((row) => row.action)).toEqual(['given']);
      expect(await page.locator('table').textContent()).toContain('You agreed');
      await expectAccessible(page, auditContext);

      // Withdrawing: a confirmation page first.
      await page.getByRole('link', { name: `Stop sharing with ${organisation}` }).click();
      await expectPageBasics(page);
      await expectAccessible(page, auditContext);
      expect(await page.locator('main').textContent()).toContain(`${organisation} will no longer be able to see`);
      await page.getByRole('button', { name: 'Stop sharing my details' }).click();
      await page.waitForURL(/\/support$/);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        `${organisation} can no longer see your details`,
      );
      expect((await consentRows(claim.citizenId)).map((row) => row.action)).toEqual(['given', 'withdrawn']);
      expect(await page.locator('table').textContent()).toContain('Stopped');
      // Nothing standing any more: the withdrawal page is gone.
      expect(await page.getByRole('link', { name: `Stop sharing with ${organisation}` }).count()).toBe(0);
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('support forms refuse a missing CSRF token, another person’s referral and a consent not ticked', async () => {
    const mine = await seedClaim(staffApi, { status: 'submitted' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack, mine.citizenId);
    await page.goto(`${stack.webUrl}/support/find`);
    const csrf = await page.locator('input[name="_csrf"]').inputValue();
    const cookie = await cookieHeader(page);
    const post = (path: string, body: Record<string, string>) =>
      fetch(`${stack.webUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams(body),
        redirect: 'manual',
      });
    const noToken = await post('/support/find', { needs: 'money', postcode: 'NW1 2DB' });
    expect(noToken.status).toBe(403);
    const tooLong = await post('/support/find', {
      _csrf: csrf,
      needs: 'money',
      postcode: 'NW1 2DB',
      name: 'x'.repeat(101),
      channel: 'email',
      email: 'robin@example.test',
      voicemail: 'no',
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('The name must be 100 characters or fewer');
    const tampered = await post('/support/find', {
      _csrf: csrf,
      needs: 'a-yacht',
      postcode: 'NW1 2DB',
      name: 'Robin',
      channel: 'email',
      email: 'robin@example.test',
      voicemail: 'no',
    });
    expect(tampered.status).toBe(400);
    for (const path of [
      '/support/referrals/00000000-0000-4000-8000-000000000000/consent',
      '/support/consents/00000000-0000-4000-8000-000000000000/withdraw',
      '/support/referrals/not-an-id/consent',
    ]) {
      const response = await post(path, { _csrf: csrf, consent: 'yes', wordingVersion: 'v1' });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const withdrawPage = await page.goto(
      `${stack.webUrl}/support/consents/00000000-0000-4000-8000-000000000000/withdraw`,
    );
    expect(withdrawPage?.status()).toBe(404);
    const referrals = await db.query<Array<{ id: string }>>(`SELECT id FROM referral WHERE citizen_id = $1`, [
      mine.citizenId,
    ]);
    expect(referrals).toEqual([]);
    await context.close();
  });

  it('your data: who has seen the claim (paged), and everything held as a JSON download', async () => {
    const claim = await seedClaim(staffApi, { status: 'submitted' });
    // A caseworker reads the claim: the victim sees it in their access history.
    await request(staffApi.getHttpServer())
      .get(`/v1/claims/${claim.reference}`)
      .set('authorization', testStaff('caseworker').authorization)
      .expect(200);
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, stack, claim.citizenId);
    await page.goto(`${stack.webUrl}/your-data`);
    await expectPageBasics(page);
    await expectAccessible(page, auditContext);
    await page.getByRole('link', { name: 'See who has seen your claim' }).click();
    await expectPageBasics(page);
    await expectAccessible(page, auditContext);
    const rows = await page.locator('table tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('caseworker');
    expect(rows[0]).toContain(claim.reference);
    // A cursor this service did not make is page not found.
    const forged = await page.goto(`${stack.webUrl}/your-data/access-history?cursor=${encodeURIComponent('<script>')}`);
    expect(forged?.status()).toBe(404);

    const download = await context.request.get(`${stack.webUrl}/your-data/download`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/json');
    expect(download.headers()['content-disposition']).toMatch(
      /^attachment; filename="your-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = JSON.parse((await download.body()).toString()) as Record<string, unknown>;
    expect(JSON.stringify(data)).toContain(claim.reference);

    // Signed out: every page of your data sends the person to sign in.
    const signedOut = await fetch(`${stack.webUrl}/your-data/download`, { redirect: 'manual' });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/sign-in/);
    await context.close();
  });
});
