import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { lastSignInCode, startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

// Sessions end after 60 s without a request (the shortest allowed); the warning opens 57 s before, so 3 s after a
// page loads: the test waits on the dialog, never on a clock of its own.
const IDLE_SECONDS = 60;
const WARNING_SECONDS = 57;

describe('citizen web: the session timeout warning', () => {
  let stack: CitizenStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startCitizenStack({
      webOverrides: { SESSION_IDLE_SECONDS: String(IDLE_SECONDS), SESSION_WARNING_SECONDS: String(WARNING_SECONDS) },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signedIn(context: BrowserContext) {
    const page = await context.newPage();
    const email = uniqueEmail();
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByLabel('What is your email address?').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    await page.getByLabel('Enter the 6-digit code').fill(lastSignInCode(stack.notifySink, email));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  it('is not on a page for someone signed out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/check`);
    expect(await page.locator('dialog[data-module="redress-session-timeout"]').count()).toBe(0);
    expect(await page.locator('script[src="/assets/session-timeout.mjs"]').count()).toBe(0);
    await context.close();
  });

  it('opens as a modal dialog with focus on its heading, says the time left, and "Stay signed in" keeps the session', async () => {
    const context = await newContext(browser);
    const page = await signedIn(context);
    await page.goto(`${stack.webUrl}/your-data`);
    const dialog = page.getByRole('dialog', { name: 'You are about to be signed out' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.evaluate('document.activeElement?.id')).toBe('session-timeout-title');
    // The time left is written in words and announced to screen readers.
    expect(await dialog.locator('[data-countdown]').textContent()).toMatch(/^\d+ seconds?$/);
    await page.waitForFunction(
      `/^We will sign you out in \\d+ seconds?\\.$/.test(document.querySelector('[data-announcement]')?.textContent ?? '')`,
    );
    await expectAccessible(page);
    // The page behind is inert while the dialog is open.
    expect(await page.evaluate('document.querySelector("dialog").matches(":modal")')).toBe(true);

    const keepAlive = page.waitForResponse(
      (response) => response.url().endsWith('/session/keep-alive') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    expect((await keepAlive).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    // Still signed in: a personal page opens without a trip to sign in.
    const response = await page.goto(`${stack.webUrl}/your-data`);
    expect(new URL(page.url()).pathname).toBe('/your-data');
    expect(response?.status()).toBe(200);
    await context.close();
  });

  it('Escape means "stay signed in" too, and a keep-alive without its CSRF token is refused', async () => {
    const context = await newContext(browser);
    const page = await signedIn(context);
    await page.goto(`${stack.webUrl}/your-data`);
    const dialog = page.getByRole('dialog', { name: 'You are about to be signed out' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const keepAlive = page.waitForResponse((response) => response.url().endsWith('/session/keep-alive'));
    await page.keyboard.press('Escape');
    expect((await keepAlive).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });

    const cookie = (await context.cookies()).map((item) => `${item.name}=${item.value}`).join('; ');
    const refused = await fetch(`${stack.webUrl}/session/keep-alive`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: '',
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
    await context.close();
  });

  it('without JavaScript the dialog never shows and the page works as it is', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await signedIn(context);
    await page.goto(`${stack.webUrl}/your-data`);
    expect(await page.locator('dialog').isVisible()).toBe(false);
    expect(await page.locator('h1').textContent()).toBe('Your data');
    await context.close();
  });
});
