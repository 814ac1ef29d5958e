import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext } from '../support/browser.js';
import { answerEverySection, checkPage, declareAndSend, heading, signIn } from '../support/citizen-journey.js';
import { startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

describe('citizen web: the application journey without JavaScript', () => {
  let stack: CitizenStack;
  let browser: Browser;
  let withScript: BrowserContext;
  let withoutScript: BrowserContext;

  beforeAll(async () => {
    stack = await startCitizenStack();
    browser = await launchBrowser();
    withScript = await newContext(browser);
    withoutScript = await newContext(browser, { javaScriptEnabled: false });
    withoutScript.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('sends a claim with every follow-up question shown, ignoring those under answers not chosen', async () => {
    const page = await withoutScript.newPage();
    await page.goto(`${stack.webUrl}/applications`);
    await signIn(page, stack, uniqueEmail(), withScript);
    await page.waitForURL(/\/applications$/);
    await checkPage(page, withScript);
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await checkPage(page, withScript);
    const id = page.url().split('/').pop()!;

    // Without JavaScript a follow-up is on the page whatever is chosen: typed under "Yes", then "No" chosen.
    await page.goto(`${stack.webUrl}/applications/${id}/offender/name`);
    await checkPage(page, withScript);
    await page.getByLabel('Offender’s name').fill('Someone Typed By Mistake');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.goto(`${stack.webUrl}/applications/${id}/offender/name`);
    expect(await page.getByLabel('Offender’s name').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);

    await page.goto(`${stack.webUrl}/applications/${id}`);
    await answerEverySection(page, withScript);
    const reference = await declareAndSend(page, withScript);
    expect(reference).toMatch(/^\d{2}-\d{6}-[0-9X]$/);
    expect(await heading(page)).toBe('Application sent');
    await page.close();
  }, 600_000);
});
