import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../support/browser.js';
import {
  answerEverySection,
  checkPage,
  declareAndSend,
  heading,
  say,
  signIn,
  type Language,
} from '../support/citizen-journey.js';
import { startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

const cy = (key: string) => say('cy', key);

describe('citizen web in Welsh: the whole application journey', () => {
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

  /** The language toggle's link to the other language ("Cymraeg" and "English" are named in themselves). */
  const toggle = (page: Page, lang: Language) =>
    page
      .getByRole('navigation', { name: say(lang === 'cy' ? 'en' : 'cy', 'common.languageToggleLabel') })
      .getByRole('link', { name: lang === 'cy' ? 'Cymraeg' : 'English' });
  const switchTo = async (page: Page, lang: Language) => {
    await toggle(page, lang).click();
    await page.waitForURL((url) => url.searchParams.get('lang') === lang);
  };

  /** Chooses Cymraeg on the start page, signs in and starts an application: the (Welsh) task list. */
  const startInWelsh = async (page: Page) => {
    await page.goto(stack.webUrl);
    await checkPage(page, withScript, 'en');
    await switchTo(page, 'cy');
    await checkPage(page, withScript, 'cy');
    expect(await heading(page)).toBe(cy('start.title'));
    await page.getByRole('button', { name: cy('start.startNow') }).click();
    await signIn(page, stack, uniqueEmail(), withScript, 'cy');
    await page.waitForURL(/\/applications$/);
    await checkPage(page, withScript, 'cy');
    expect(await heading(page)).toBe(cy('applications.title'));
    await page.getByRole('button', { name: cy('applications.start') }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await checkPage(page, withScript, 'cy');
    expect(await heading(page)).toBe(cy('tasks.title'));
  };

  it('chooses Cymraeg on the start page and goes to a sent claim, every page in Welsh and accessible', async () => {
    // A new browser each time: the language choice lives in the session.
    const context = await newContext(browser);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await startInWelsh(page);
    expect(await page.locator('.govuk-task-list__status', { hasText: cy('tasks.status.notApplicable') }).count()).toBe(
      2,
    );
    await answerEverySection(page, withScript, 'cy');
    const reference = await declareAndSend(page, withScript, 'cy');
    expect(reference).toMatch(/^\d{2}-\d{6}-[0-9X]$/);
    await page.goto(`${stack.webUrl}/applications`);
    await checkPage(page, withScript, 'cy');
    const sent = cy('applications.sent.claim').split('{{reference}}')[0];
    expect(await page.getByRole('link', { name: `${sent}${reference}` }).count()).toBe(1);
    await context.close();
  }, 600_000);

  it('keeps the saved answers when the language is switched halfway through a section', async () => {
    // A new browser each time: the language choice lives in the session.
    const context = await newContext(browser);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await startInWelsh(page);
    await page.getByRole('link', { name: cy('section-applicant.title'), exact: true }).click();
    await page.getByLabel(cy('section-applicant.fields.firstName.label')).fill('Alys');
    await page.getByLabel(cy('section-applicant.fields.lastName.label')).fill('Enghraifft');
    await page.getByRole('button', { name: cy('common.saveAndContinue') }).click();
    await page.waitForURL(/\/other-names$/);
    await checkPage(page, withScript, 'cy');

    // Halfway through the section: switch to English, and the name page shows what was saved.
    await switchTo(page, 'en');
    await checkPage(page, withScript, 'en');
    expect(new URL(page.url()).pathname).toMatch(/\/other-names$/);
    await page.getByRole('link', { name: say('en', 'common.back'), exact: true }).click();
    await page.waitForURL(/\/name$/);
    await checkPage(page, withScript, 'en');
    expect(await page.locator('input[name="firstName"]').inputValue()).toBe('Alys');
    expect(await page.locator('input[name="lastName"]').inputValue()).toBe('Enghraifft');

    // And back to Welsh: the same answers, in the Welsh page.
    await switchTo(page, 'cy');
    await checkPage(page, withScript, 'cy');
    expect(new URL(page.url()).pathname).toMatch(/\/name$/);
    expect(await page.getByLabel(cy('section-applicant.fields.firstName.label')).inputValue()).toBe('Alys');
    expect(await page.getByLabel(cy('section-applicant.fields.lastName.label')).inputValue()).toBe('Enghraifft');
    await context.close();
  }, 600_000);
});
