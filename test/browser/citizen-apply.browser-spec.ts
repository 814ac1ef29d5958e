import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { answerEverySection, checkPage, declareAndSend, heading, signIn } from '../support/citizen-journey.js';
import { startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

describe('citizen web: the application journey with JavaScript', () => {
  let stack: CitizenStack;
  let browser: Browser;
  let withScript: BrowserContext;

  beforeAll(async () => {
    stack = await startCitizenStack();
    browser = await launchBrowser();
    withScript = await newContext(browser);
    withScript.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('goes from the start page to a sent claim, typed and clicked as a person would', async () => {
    const page = await withScript.newPage();
    await page.goto(stack.webUrl);
    await checkPage(page, withScript);
    await page.getByRole('button', { name: 'Start now' }).click();
    await signIn(page, stack, uniqueEmail(), withScript);
    await page.waitForURL(/\/applications$/);
    await checkPage(page, withScript);
    expect(await heading(page)).toBe('Your applications');

    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await checkPage(page, withScript);
    const taskList = page.url();
    expect(await page.locator('.govuk-task-list__item').count()).toBe(16);
    // Until the person says who is applying, the representative's and the authority's sections are not asked.
    expect(await page.locator('.govuk-task-list__status', { hasText: 'Not applicable' }).count()).toBe(2);

    await answerEverySection(page, withScript);
    // The representative's and the authority's sections do not apply to someone applying for themselves.
    expect(await page.locator('.govuk-task-list__status', { hasText: 'Not applicable' }).count()).toBe(2);
    await screenshot(page, 'citizen-task-list', 'docs/images');
    expect(page.url()).toBe(taskList);

    const reference = await declareAndSend(page, withScript);
    expect(reference).toMatch(/^\d{2}-\d{6}-[0-9X]$/);
    await page.goto(`${stack.webUrl}/applications`);
    expect(await page.getByRole('link', { name: new RegExp(`Claim ${reference}`) }).count()).toBe(1);
    await page.close();
  }, 600_000);
});
