import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';
import { lastSignInCode, startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

describe('citizen web: start page and sign in', () => {
  let stack: CitizenStack;
  let browser: Browser;
  let withScript: BrowserContext;
  let withoutScript: BrowserContext;

  beforeAll(async () => {
    stack = await startCitizenStack();
    browser = await launchBrowser();
    withScript = await newContext(browser);
    withoutScript = await newContext(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(page: Page, email: string, context: BrowserContext) {
    await page.goto(`${stack.webUrl}/sign-in`);
    await expectPageBasics(page);
    await expectAccessible(page, withScript);
    await page.getByLabel('What is your email address?').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    await expectAccessible(page, withScript);
    await page.getByLabel('Enter the 6-digit code').fill(lastSignInCode(stack.notifySink, email));
    await page.getByRole('button', { name: 'Continue' }).click();
    void context;
  }

  it.each([
    ['with JavaScript', () => withScript],
    ['without JavaScript', () => withoutScript],
  ])('shows the start page and signs a victim in %s', async (_, contextOf) => {
    const context = contextOf();
    const page = await context.newPage();
    await page.goto(stack.webUrl);
    await expectPageBasics(page);
    expect(await page.locator('h1').textContent()).toContain('Claim compensation');
    await expectAccessible(page, withScript);
    await signIn(page, uniqueEmail(), context);
    expect(new URL(page.url()).pathname).toBe('/applications');
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.name)).toEqual(['citizen-web']);
    expect(cookies[0]!.httpOnly).toBe(true);
    expect(cookies[0]!.sameSite).toBe('Lax');
    await page.close();
  });

  it('shows a GOV.UK error summary, with "Error: " in the title, for a wrong code, and moves focus to it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = uniqueEmail();
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByLabel('What is your email address?').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    const code = lastSignInCode(stack.notifySink, email);
    await page.getByLabel('Enter the 6-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary a').first().textContent()).toContain('The code is not right');
    expect(await page.evaluate('document.activeElement?.classList.contains("govuk-error-summary")')).toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it('refuses a form without its CSRF token with the form-expired page, and signs no one in', async () => {
    const response = await fetch(`${stack.webUrl}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=someone%40example.test',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('This form has expired');
  });

  it('answers an unknown page with the GOV.UK page not found', async () => {
    const page = await withScript.newPage();
    const response = await page.goto(`${stack.webUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await expectAccessible(page);
    await page.close();
  });
});
