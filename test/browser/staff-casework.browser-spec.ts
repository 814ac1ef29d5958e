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
      await page.getByRole('button', { name: 'Get next claim' }).click();
      await page.waitForURL(`${stack.webUrl}/claims/${claim.reference}`);
      await expectPageBasics(page);
      await expectAccessible(page, audit);
      if (javaScriptEnabled) await screenshot(page, 'staff-claim-summary', 'docs/images');
      await caseworker.close();
    },
  );
});
