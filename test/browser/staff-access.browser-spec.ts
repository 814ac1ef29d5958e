import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { auditEntriesFor, seedClaim } from '../support/caseworker-api.js';
import { freePort, startStaffStack, startStaffWebOnly, type StaffStack } from '../support/staff-web.js';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';

describe('staff web: what each role may do, bad input and faults', () => {
  let stack: StaffStack;
  let browser: Browser;
  let audit: BrowserContext;

  beforeAll(async () => {
    stack = await startStaffStack();
    browser = await launchBrowser();
    audit = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(page: Page, name: string, path = '/work') {
    await page.goto(`${stack.webUrl}${path}`);
    await page.waitForURL((url) => url.pathname.startsWith('/interaction/'));
    await page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await page.waitForURL(`${stack.webUrl}${path}`);
  }

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'shows an auditor no write action, and a forged form post is refused by the API (%s)',
    async (_, javaScriptEnabled) => {
      const claim = await seedClaim(stack.api, { team: stack.team, status: 'in_assessment' });
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, 'Alex Audit', '/work?view=team');
      await expectAccessible(page, audit);
      expect(await page.getByRole('button', { name: 'Get next claim' }).count()).toBe(0);
      const base = `${stack.webUrl}/claims/${claim.reference}`;
      for (const path of ['', '/information-requests', '/notes', '/award', '/decision', '/timeline', '/application']) {
        await page.goto(`${base}${path}`);
        await expectPageBasics(page);
        await expectAccessible(page, audit);
        // The only form that changes anything is signing out.
        expect(
          await page.locator('form[method="post"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action'))),
        ).toEqual(['/sign-out']);
      }
      // A forged note, with a valid CSRF token of the auditor's own session: the API refuses, the page says so.
      const csrf = await page.locator('form[action="/sign-out"] input[name="_csrf"]').inputValue();
      const forged = await page.request.post(`${base}/notes`, {
        form: { _csrf: csrf, note: 'An auditor should not write this.', version: '1' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain('You cannot do that');
      const actions = (await auditEntriesFor(stack.api, claim.claimId)).map((entry) => entry.action);
      expect(actions.some((action) => action.includes('note'))).toBe(false);
      await context.close();
    },
    180_000,
  );

  it('lets a team leader open the fairness report: table with suppression marked, SVG chart, CSV; bad dates get an error summary', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'Taylor Lead', '/reports');
    await expectPageBasics(page);
    await expectAccessible(page, audit);
    await page.getByRole('link', { name: 'Fairness: refusals by protected characteristic' }).click();
    await page.waitForURL(`${stack.webUrl}/reports/fairness`);
    await expectPageBasics(page);
    await expectAccessible(page, audit);
    await page.locator('#from-day').fill('31');
    await page.locator('#from-month').fill('2');
    await page.locator('#from-year').fill('2026');
    await page.getByRole('button', { name: 'Show report' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The start date must be a real date');
    await expectAccessible(page, audit);
    const csv = await page.request.get(`${stack.webUrl}/reports/fairness.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toBe('characteristic,value,decisions,refusals,withheld');
    // A caseworker has no reports: the API would refuse, and the page is not offered.
    const caseworker = await (await newContext(browser)).newPage();
    await signIn(caseworker, 'Casey Walker');
    expect(await caseworker.getByRole('link', { name: 'Reports' }).count()).toBe(0);
    const refused = await caseworker.request.get(`${stack.webUrl}/reports/fairness`);
    expect(refused.status()).toBe(403);
    await context.close();
  });

  it('finds a claim by reference; a wrong reference gets an error summary; an administrator gets the queue dashboard', async () => {
    const claim = await seedClaim(stack.api, { team: stack.team });
    const page = await (await newContext(browser)).newPage();
    await signIn(page, 'Casey Walker', '/search');
    await expectPageBasics(page);
    await expectAccessible(page, audit);
    await page.getByLabel('Claim reference').fill('not-a-reference');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter a claim reference in the right format',
    );
    await expectAccessible(page, audit);
    await page.getByLabel('Claim reference').fill(claim.reference);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: claim.reference }).click();
    await page.waitForURL(`${stack.webUrl}/claims/${claim.reference}`);
    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, 'Ari Admin', '/admin');
    await expectPageBasics(admin);
    await expectAccessible(admin, audit);
    expect(await admin.getByRole('link', { name: 'Queue dashboard' }).getAttribute('href')).toMatch(/\/admin\/queues$/);
    expect(await admin.getByRole('link', { name: 'Work', exact: true }).count()).toBe(0);
  });

  it('cancels an information request only after confirming, with a reason', async () => {
    const claim = await seedClaim(stack.api, { team: stack.team, status: 'in_assessment' });
    const base = `${stack.webUrl}/claims/${claim.reference}`;
    const page = await (await newContext(browser)).newPage();
    await signIn(page, 'Casey Walker', `/claims/${claim.reference}/information-requests`);
    await page.getByLabel('A hospital').check();
    await page.getByLabel('Topic').selectOption('medical-evidence');
    await page.getByLabel('Question').fill('Please send the discharge summary.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForURL(`${base}/information-requests`);
    // Move the due date: a reason is required; then the new date is shown.
    const dueBefore = await page.locator('.govuk-summary-card').first().textContent();
    await page.getByText('Move the due date').click();
    await page.getByLabel('New due date, in working days from today').fill('30');
    await page.getByRole('button', { name: 'Move due date' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why you are moving the due date');
    await expectAccessible(page, audit);
    await page.getByLabel('Why are you moving it?').fill('The hospital asked for more time.');
    await page.getByRole('button', { name: 'Move due date' }).click();
    await page.waitForURL(`${base}/information-requests`);
    expect(await page.locator('.govuk-summary-card').first().textContent()).not.toBe(dueBefore);
    await page.getByRole('link', { name: /Cancel this request/ }).click();
    expect(await page.locator('h1').textContent()).toContain('Are you sure you want to cancel this request?');
    await expectPageBasics(page);
    await expectAccessible(page, audit);
    await page.getByRole('button', { name: 'Yes, cancel this request' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why you are cancelling');
    await expectAccessible(page, audit);
    expect(await page.locator('.govuk-summary-card, .govuk-summary-list').first().textContent()).toContain('discharge');
    await page.getByLabel('Why are you cancelling it?').fill('The applicant sent it themselves.');
    await page.getByRole('button', { name: 'Yes, cancel this request' }).click();
    await page.waitForURL(`${base}/information-requests`);
    expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('Cancelled');
    expect(await page.getByRole('link', { name: /Cancel this request/ }).count()).toBe(0);
  });

  it('explains a stale version (someone else changed the claim) and keeps what was typed', async () => {
    const claim = await seedClaim(stack.api, { team: stack.team, status: 'in_assessment' });
    const page = await (await newContext(browser)).newPage();
    await signIn(page, 'Casey Walker', `/claims/${claim.reference}/notes`);
    // Someone else changes the claim while the caseworker types.
    await stack.api.get(DataSource).query('UPDATE claim SET version = version + 1 WHERE id = $1', [claim.claimId]);
    await page.getByLabel('Add a note').fill('Spoke to the applicant about the GP letter.');
    await page.getByRole('button', { name: 'Save note' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Someone else changed this claim');
    expect(await page.getByLabel('Add a note').inputValue()).toBe('Spoke to the applicant about the GP letter.');
    await expectAccessible(page, audit);
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.waitForURL(`${stack.webUrl}/claims/${claim.reference}/notes`);
    expect(await page.locator('main').textContent()).toContain('Spoke to the applicant about the GP letter.');
  });

  it('shows a clear sign-in error page when the identity provider is down', async () => {
    const deadIssuer = `http://127.0.0.1:${await freePort()}`;
    const web = await startStaffWebOnly({ OIDC_ISSUER: deadIssuer, CASEWORKER_API_URL: stack.apiUrl });
    try {
      const page = await (await newContext(browser)).newPage();
      const response = await page.goto(`${web.url}/work`);
      expect(response?.status()).toBe(503);
      expect(await page.locator('h1').textContent()).toContain('Sorry, you cannot sign in at the moment');
      await expectPageBasics(page);
      await expectAccessible(page, audit);
    } finally {
      await web.close();
    }
  });

  it('shows the service-problem page when the caseworker API fails', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, 'Casey Walker');
    await stack.api.close();
    const response = await page.goto(`${stack.webUrl}/work?view=team`);
    expect(response?.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toContain('Sorry, there is a problem with the service');
    await expectPageBasics(page);
    await expectAccessible(page, audit);
  });
});
