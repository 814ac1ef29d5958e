import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';
import { lastSignInCode, startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

type Messages = Record<string, unknown>;
const messages = (language: string, file: string): Messages =>
  JSON.parse(readFileSync(`apps/citizen-web/locales/${language}/${file}.json`, 'utf8')) as Messages;
const start = { en: messages('en', 'start'), cy: messages('cy', 'start') };
const signIn = { en: messages('en', 'signIn'), cy: messages('cy', 'signIn') };
const emailTitle = (language: 'en' | 'cy') => (signIn[language].email as Messages).title as string;

describe('citizen web in Welsh: choosing the language, and keeping it', () => {
  let stack: CitizenStack;
  let browser: Browser;
  let withScript: BrowserContext;

  beforeAll(async () => {
    stack = await startCitizenStack();
    browser = await launchBrowser();
    withScript = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const h1 = (page: Page) => page.locator('h1').innerText();
  /** The language saved on the account of this email address (found by its blind index, as the API does). */
  const accountLanguage = async (email: string) =>
    (
      await stack.api
        .get(DataSource)
        .query<Array<{ preferred_language: string }>>(
          'SELECT preferred_language FROM citizen_account WHERE email_blind_index = $1',
          [stack.api.get(FieldCipher).blindIndex('citizen-email', email.toLowerCase())],
        )
    )[0]?.preferred_language;
  const toggle = (page: Page, name: 'Cymraeg' | 'English') =>
    page.getByRole('navigation', { name: /Choose a language|Dewiswch iaith/ }).getByRole('link', { name });
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'chooses Welsh on the start page %s: the same page, lang="cy", no axe violations',
    async (_, javaScriptEnabled) => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(stack.webUrl);
      await expectPageBasics(page, 'en');
      expect(await h1(page)).toBe(start.en.title);
      await toggle(page, 'Cymraeg').click();
      await page.waitForURL((url) => url.searchParams.get('lang') === 'cy');
      expect(new URL(page.url()).pathname).toBe('/');
      await expectPageBasics(page, 'cy');
      expect(await h1(page)).toBe(start.cy.title);
      // The way back says "English", in English; the current choice is marked, in Welsh.
      expect(await toggle(page, 'English').getAttribute('lang')).toBe('en');
      expect(await toggle(page, 'English').getAttribute('hreflang')).toBe('en');
      expect(await page.locator('[aria-current="true"]').getAttribute('lang')).toBe('cy');
      await expectAccessible(page, withScript);
      // The choice sticks for the rest of the visit, with no ?lang= in the address.
      await page.goto(`${stack.webUrl}/cookies`);
      await expectPageBasics(page, 'cy');
      expect(await h1(page)).toBe(messages('cy', 'cookies').title);
      await expectAccessible(page, withScript);
      await context.close();
    },
  );

  it('starts in Welsh for a browser that asks for Welsh first', async () => {
    const context = await newContext(browser, { locale: 'cy-GB' });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/privacy`);
    await expectPageBasics(page, 'cy');
    expect(await h1(page)).toBe(messages('cy', 'privacy').title);
    await context.close();
  });

  it('keeps the page and its query when switching language', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/accessibility?from=footer`);
    await toggle(page, 'Cymraeg').click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'cy');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/accessibility');
    expect(url.searchParams.get('from')).toBe('footer');
    expect(await h1(page)).toBe(messages('cy', 'accessibility').title);
    await toggle(page, 'English').click();
    await page.waitForURL((next) => next.searchParams.get('lang') === 'en');
    expect(new URL(page.url()).pathname).toBe('/accessibility');
    expect(await h1(page)).toBe(messages('en', 'accessibility').title);
    await context.close();
  });

  it('leads a page shown after a form was sent (POST) to the same page by GET, in the other language', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByRole('button', { name: 'Send code' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await toggle(page, 'Cymraeg').getAttribute('href')).toBe('/sign-in?lang=cy');
    await toggle(page, 'Cymraeg').click();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('lang') === 'cy');
    expect(await h1(page)).toBe(emailTitle('cy'));
    await expectPageBasics(page, 'cy');
    await expectAccessible(page, withScript);
    await context.close();
  });

  it('signs in in Welsh, sends the Welsh code email, and saves the choice on the account; switching back saves English', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = uniqueEmail();
    await page.goto(`${stack.webUrl}/sign-in?lang=cy`);
    expect(await h1(page)).toBe(emailTitle('cy'));
    await page.getByLabel(emailTitle('cy')).fill(email);
    await page.getByRole('button', { name: (signIn.cy.email as Messages).send as string }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    await expectPageBasics(page, 'cy');
    await expectAccessible(page, withScript);
    expect(stack.notifySink.lastEmailTo(email)?.templateId).toBe('local-sign-in-code-cy');
    await page.getByLabel((signIn.cy.code as Messages).label as string).fill(lastSignInCode(stack.notifySink, email));
    await page.getByRole('button', { name: (signIn.cy.code as Messages).continue as string }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    expect(await accountLanguage(email)).toBe('cy');

    await page.goto(`${stack.webUrl}/cookies`);
    await expectPageBasics(page, 'cy');
    await toggle(page, 'English').click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    expect(await h1(page)).toBe(messages('en', 'cookies').title);
    expect(await accountLanguage(email)).toBe('en');
    await context.close();
  });

  it('gives a returning signed-in person the language saved on their account', async () => {
    const email = uniqueEmail();
    // First visit: choose Welsh, sign in (saved on the account), sign out.
    const first = await newContext(browser);
    let page = await first.newPage();
    await page.goto(`${stack.webUrl}/sign-in?lang=cy`);
    await page.getByLabel(emailTitle('cy')).fill(email);
    await page.getByRole('button', { name: (signIn.cy.email as Messages).send as string }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    await page.getByLabel((signIn.cy.code as Messages).label as string).fill(lastSignInCode(stack.notifySink, email));
    await page.getByRole('button', { name: (signIn.cy.code as Messages).continue as string }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await first.close();
    // Another browser, in English: after signing in, the pages are Welsh.
    const second = await newContext(browser);
    page = await second.newPage();
    await page.goto(`${stack.webUrl}/sign-in`);
    expect(await h1(page)).toBe(emailTitle('en'));
    await page.getByLabel(emailTitle('en')).fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    await page.getByLabel('Enter the 6-digit code').fill(lastSignInCode(stack.notifySink, email));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${stack.webUrl}/privacy`);
    await expectPageBasics(page, 'cy');
    await second.close();
  });
});
