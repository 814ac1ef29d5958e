import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedClaim } from '../support/caseworker-api.js';
import { startStaffStack, type StaffStack } from '../support/staff-web.js';
import { expectAccessible, expectPageBasics, launchBrowser, newContext, screenshot } from '../support/browser.js';

describe('staff web: a caseworker works a claim and a senior caseworker approves it', () => {
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

  /** Signs in through the development provider's page, as the named person. */
  async function signIn(page: Page, name: string) {
    await page.goto(`${stack.webUrl}/work`);
    await page.waitForURL((url) => url.pathname.startsWith('/interaction/'));
    await expectAccessible(page, audit);
    await page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await page.waitForURL(`${stack.webUrl}/work`);
  }

  async function expectErrorSummary(page: Page, message: string) {
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(message);
    await expectAccessible(page, audit);
  }

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'takes the next claim, asks for and records information, calculates, proposes; a senior approves (%s)',
    async (_, javaScriptEnabled) => {
      const claim = await seedClaim(stack.api, { team: stack.team, priority: 1 });
      const caseworker = await newContext(browser, { javaScriptEnabled });
      const page = await caseworker.newPage();
      await signIn(page, 'Casey Walker');
      await expectPageBasics(page);
      await expectAccessible(page, audit);
      await page.goto(`${stack.webUrl}/work?view=team`);
      await expectAccessible(page, audit);
      expect(await page.getByRole('link', { name: claim.reference }).count()).toBe(1);
      if (javaScriptEnabled) await screenshot(page, 'staff-queue', 'docs/images');
      await page.getByRole('button', { name: 'Get next claim' }).click();
      await page.waitForURL(`${stack.webUrl}/claims/${claim.reference}`);
      await expectPageBasics(page);
      await expectAccessible(page, audit);
      if (javaScriptEnabled) await screenshot(page, 'staff-claim-summary', 'docs/images');
      const base = `${stack.webUrl}/claims/${claim.reference}`;

      // Ask the police for evidence; an empty form first gives the error summary.
      await page.getByRole('link', { name: 'Information requests' }).click();
      await page.waitForURL(`${base}/information-requests`);
      await expectAccessible(page, audit);
      await page.getByLabel('Working days to answer').fill('');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expectErrorSummary(page, 'Select who to ask');
      await page.getByLabel('The police').check();
      await page.getByLabel('Topic').selectOption('police-evidence');
      await page.getByLabel('Question').fill('Please send the crime report.');
      await page.getByLabel('Working days to answer').fill('10');
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.waitForURL(`${base}/information-requests`);
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain(
        'Please send the crime report.',
      );
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('Open');

      // Record the police's reply.
      await page.getByRole('button', { name: 'Save reply' }).click();
      await expectErrorSummary(page, 'Enter a summary of the reply');
      await page.getByLabel('Summary of the reply').fill('Crime report received: assault confirmed.');
      await page.getByRole('button', { name: 'Save reply' }).click();
      await page.waitForURL(`${base}/information-requests`);
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('Crime report received');
      await expectAccessible(page, audit);

      // Calculate an award above the four-eyes threshold: search the tariff, choose the injury, calculate.
      await page.getByRole('link', { name: 'Award' }).click();
      await page.waitForURL(`${base}/award`);
      await page.getByRole('button', { name: 'Calculate and save' }).click();
      await expectErrorSummary(page, 'Select at least one injury');
      await page.getByLabel('Search the tariff').fill('A-HEAD-BRAIN-SERIOUS');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/award\?/);
      await expectAccessible(page, audit);
      await page.getByLabel(/A-HEAD-BRAIN-SERIOUS/).check();
      await page.getByRole('button', { name: 'Calculate and save' }).click();
      await page.waitForURL(`${base}/award`);
      expect(await page.locator('.govuk-summary-card').first().textContent()).toMatch(/Total payable\s*£[\d,]+/);
      await expectAccessible(page, audit);
      if (javaScriptEnabled) await screenshot(page, 'staff-award-calculator', 'docs/images');

      // Propose the award: checked, confirmed, then waiting for a senior caseworker.
      await page.getByRole('link', { name: 'Decision' }).click();
      await page.waitForURL(`${base}/decision`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectErrorSummary(page, 'Select a decision');
      await page.getByLabel('Award', { exact: true }).check();
      await page.getByLabel('Reasons').fill('The police confirm the assault; the injury is in the tariff.');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('h1').textContent()).toContain('Are you sure you want to propose this decision?');
      await expectAccessible(page, audit);
      await page.getByRole('button', { name: 'Yes, propose this decision' }).click();
      await page.waitForURL(`${base}/decision`);
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('Waiting for approval');
      expect(await page.locator('.govuk-summary-card').first().textContent()).toContain(
        'Waiting for approval by a senior caseworker other than dev-caseworker',
      );
      expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);

      // A senior caseworker signs in and approves, after confirming.
      const senior = await newContext(browser, { javaScriptEnabled });
      const seniorPage = await senior.newPage();
      await signIn(seniorPage, 'Sam Senior');
      await seniorPage.goto(`${base}/decision`);
      await expectAccessible(seniorPage, audit);
      await seniorPage.getByRole('button', { name: 'Approve', exact: true }).click();
      expect(await seniorPage.locator('h1').textContent()).toContain('Are you sure you want to approve this decision?');
      await expectAccessible(seniorPage, audit);
      await seniorPage.getByRole('button', { name: 'Yes, approve and issue' }).click();
      await seniorPage.waitForURL(`${base}/decision`);
      expect(await seniorPage.locator('.govuk-summary-card').first().textContent()).toContain(
        'Approved by dev-senior-caseworker',
      );
      expect(await seniorPage.locator('.moj-identity-bar').textContent()).toContain('Decided');
      await senior.close();
      await caseworker.close();
    },
    // Two people's whole journey with axe on every page: minutes on a loaded machine.
    240_000,
  );
});
