import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';
import { seedClaim, startCaseworkerApi, testStaff } from '../support/caseworker-api.js';
import { startCitizenStack, type CitizenStack } from '../support/citizen-web.js';
import { askApplicant, cookieHeader, decideAwardWithLetter, signInAs } from '../support/citizen-web-claims.js';

const JOURNEY_TIMEOUT_MS = 120_000;

describe('citizen web: your claims and your claim', () => {
  let stack: CitizenStack;
  let staffApi: NestFastifyApplication;
  let db: DataSource;
  let browser: Browser;
  let auditContext: BrowserContext;
  const caseworker = testStaff('caseworker');

  beforeAll(async () => {
    stack = await startCitizenStack();
    staffApi = await startCaseworkerApi();
    db = staffApi.get(DataSource);
    browser = await launchBrowser();
    auditContext = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await staffApi?.close();
    await stack?.close();
  });

  const statusOf = async (claimId: string) =>
    (await db.query<Array<{ status: string }>>(`SELECT status FROM claim WHERE id = $1`, [claimId]))[0]!.status;

  async function expectClaimPage(page: Page) {
    await expectPageBasics(page);
    expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);
    await expectAccessible(page, auditContext);
  }

  it(
    'a victim answers an information request, reads the decision, downloads the letter and asks for a review',
    async () => {
      const claim = await seedClaim(staffApi, { status: 'in_assessment' });
      await askApplicant(staffApi, caseworker, claim, 'Please send the name of your GP surgery.');
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, stack, claim.citizenId);

      await page.goto(`${stack.webUrl}/claims`);
      await expectClaimPage(page);
      await page.getByRole('link', { name: claim.reference }).click();
      expect(new URL(page.url()).pathname).toBe(`/claims/${claim.reference}`);
      await expectClaimPage(page);
      expect(await page.locator('main .govuk-tag').first().textContent()).toContain('Waiting for information from you');
      expect(await page.locator('.govuk-summary-card').textContent()).toContain(
        'Please send the name of your GP surgery.',
      );

      // The answer form: empty, then too long, then an answer.
      await page.getByRole('link', { name: /Answer this question/ }).click();
      await expectClaimPage(page);
      await page.getByRole('button', { name: 'Send answer' }).click();
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.locator('.govuk-error-summary a').textContent()).toBe('Enter your answer');
      await expectAccessible(page, auditContext);
      await page.getByLabel('Your answer').fill('x'.repeat(5001));
      await page.getByRole('button', { name: 'Send answer' }).click();
      expect(await page.locator('.govuk-error-summary a').textContent()).toBe(
        'Your answer must be 5000 characters or fewer',
      );
      await page.getByLabel('Your answer').fill('Riverside Medical Practice');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await page.waitForURL(new RegExp(`/claims/${claim.reference}$`));
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('We have your answer');
      expect(await page.locator('body').textContent()).toContain('Riverside Medical Practice');
      await expectClaimPage(page);

      // The decision, its reasons and its letter.
      const { letterId, pdf } = await decideAwardWithLetter(
        staffApi,
        stack.api,
        caseworker,
        claim,
        'Your hospital notes confirm the injury.',
      );
      await page.reload();
      await expectClaimPage(page);
      const decision = await page.locator('h2:has-text("Our decision") + .govuk-summary-list').textContent();
      expect(decision).toContain('You will get compensation');
      expect(decision).toContain('£11,000');
      expect(decision).toContain('Your hospital notes confirm the injury.');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download your decision letter (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`decision-letter-${claim.reference}.pdf`);
      const letter = await context.request.get(`${stack.webUrl}/claims/${claim.reference}/letters/${letterId}`);
      expect(letter.status()).toBe(200);
      expect(letter.headers()['content-type']).toContain('application/pdf');
      expect(letter.headers()['content-disposition']).toBe(
        `attachment; filename="decision-letter-${claim.reference}.pdf"`,
      );
      expect((await letter.body()).toString()).toBe(pdf.toString());

      // Asking for a review: too short, then the reasons.
      await page.getByRole('button', { name: 'Ask for a review' }).click();
      await expectClaimPage(page);
      await page.getByLabel('Why do you think the decision is wrong?').fill('Too low');
      await page.getByRole('button', { name: 'Ask for a review' }).click();
      expect(await page.locator('.govuk-error-summary a').textContent()).toBe(
        'Why you think the decision is wrong must be 10 characters or more',
      );
      await expectAccessible(page, auditContext);
      expect(await statusOf(claim.claimId)).toBe('decided');
      await page
        .getByLabel('Why do you think the decision is wrong?')
        .fill('The award does not count the months I could not work.');
      await page.getByRole('button', { name: 'Ask for a review' }).click();
      await page.waitForURL(new RegExp(`/claims/${claim.reference}$`));
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('You have asked for a review');
      expect(await statusOf(claim.claimId)).toBe('review_requested');
      // The review can no longer be asked for: its page is gone.
      const again = await page.goto(`${stack.webUrl}/claims/${claim.reference}/review`);
      expect(again?.status()).toBe(404);
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'a victim without JavaScript withdraws a claim after a confirmation page that asks why',
    async () => {
      const claim = await seedClaim(staffApi, { status: 'submitted' });
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await signInAs(page, stack, claim.citizenId);
      await page.goto(`${stack.webUrl}/claims/${claim.reference}`);
      await expectClaimPage(page);
      await page.getByRole('link', { name: 'Withdraw your claim' }).click();
      await expectClaimPage(page);
      await page.getByRole('button', { name: 'Withdraw my claim' }).click();
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.locator('.govuk-error-summary a').textContent()).toBe('Select why you want to withdraw');
      await expectAccessible(page, auditContext);
      expect(await statusOf(claim.claimId)).toBe('submitted');
      await page.getByLabel('I have been compensated another way').check();
      await page.getByRole('button', { name: 'Withdraw my claim' }).click();
      await page.waitForURL(new RegExp(`/claims/${claim.reference}$`));
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('You have withdrawn your claim');
      expect(await statusOf(claim.claimId)).toBe('withdrawn');
      await expectClaimPage(page);
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('another victim’s claim is page not found on every claim page, and a signed-out visitor is sent to sign in', async () => {
    const mine = await seedClaim(staffApi, { status: 'submitted' });
    const theirs = await seedClaim(staffApi, { status: 'in_assessment' });
    await askApplicant(staffApi, caseworker, theirs, 'A question for them only.');
    const [requestRow] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM information_request WHERE claim_id = $1`,
      [theirs.claimId],
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack, mine.citizenId);
    for (const path of [
      `/claims/${theirs.reference}`,
      `/claims/${theirs.reference}/withdraw`,
      `/claims/${theirs.reference}/review`,
      `/claims/${theirs.reference}/accept`,
      `/claims/${theirs.reference}/information-requests/${requestRow!.id}`,
      `/claims/${theirs.reference}/letters/00000000-0000-4000-8000-000000000000`,
      `/claims/not-a-reference`,
    ]) {
      const response = await page.goto(`${stack.webUrl}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('body').textContent()).not.toContain('A question for them only.');
    }
    await expectAccessible(page);
    // A form sent at their claim changes nothing.
    await page.goto(`${stack.webUrl}/claims/${mine.reference}/withdraw`);
    const csrf = await page.locator('input[name="_csrf"]').inputValue();
    const forged = await fetch(`${stack.webUrl}/claims/${theirs.reference}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: await cookieHeader(page) },
      body: new URLSearchParams({ _csrf: csrf, reason: 'other' }),
      redirect: 'manual',
    });
    expect(forged.status).toBe(404);
    expect(await statusOf(theirs.claimId)).toBe('awaiting_information');

    const stranger = await fetch(`${stack.webUrl}/claims/${mine.reference}`, { redirect: 'manual' });
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe(
      `/sign-in?returnTo=${encodeURIComponent(`/claims/${mine.reference}`)}`,
    );
    await context.close();
  });

  it('every claim form without its CSRF token, or with a tampered field, is refused and changes nothing', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    await askApplicant(staffApi, caseworker, claim, 'What is your GP called?');
    const [requestRow] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM information_request WHERE claim_id = $1`,
      [claim.claimId],
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack, claim.citizenId);
    await page.goto(`${stack.webUrl}/claims/${claim.reference}/withdraw`);
    const csrf = await page.locator('input[name="_csrf"]').inputValue();
    const cookie = await cookieHeader(page);
    const post = (path: string, body: Record<string, string>) =>
      fetch(`${stack.webUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams(body),
        redirect: 'manual',
      });
    for (const [path, body] of [
      [`/claims/${claim.reference}/withdraw`, { reason: 'other' }],
      [`/claims/${claim.reference}/information-requests/${requestRow!.id}`, { answer: 'An answer' }],
      [`/claims/${claim.reference}/review`, { reasons: 'Reasons long enough' }],
      [`/claims/${claim.reference}/accept`, {}],
    ] as const) {
      const response = await post(path, body);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(await response.text()).toContain('This form has expired');
    }
    const tampered = await post(`/claims/${claim.reference}/withdraw`, { _csrf: csrf, reason: 'because-i-say-so' });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('Select why you want to withdraw');
    const blank = await post(`/claims/${claim.reference}/information-requests/${requestRow!.id}`, {
      _csrf: csrf,
      answer: '   ',
    });
    expect(blank.status).toBe(400);
    expect(await statusOf(claim.claimId)).toBe('awaiting_information');
    const [open] = await db.query<Array<{ status: string }>>(`SELECT status FROM information_request WHERE id = $1`, [
      requestRow!.id,
    ]);
    expect(open!.status).toBe('open');
    await context.close();
  });

  it('lists only the victim’s own claims', async () => {
    const mine = await seedClaim(staffApi, { status: 'submitted' });
    const theirs = await seedClaim(staffApi, { status: 'submitted' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack, mine.citizenId);
    await page.goto(`${stack.webUrl}/claims`);
    const references = await page.locator('table a').allTextContents();
    expect(references).toEqual([mine.reference]);
    expect(references).not.toContain(theirs.reference);
    await context.close();
  });
});
