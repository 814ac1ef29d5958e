import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';
import { startOneLoginStack, type OneLoginStack } from '../support/one-login.js';

/** The GOV.UK One Login journey in Chromium, against a local provider configured as One Login is. */
describe('citizen web: sign in through GOV.UK One Login in a browser', () => {
  let oneLogin: OneLoginStack;
  let browser: Browser;
  let withScript: BrowserContext;

  beforeAll(async () => {
    oneLogin = await startOneLoginStack();
    browser = await launchBrowser();
    withScript = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await oneLogin?.close();
  });

  const person = (account: { vot?: string } = {}) => {
    const subject = oneLogin.provider.account(`urn:fdc:gov.uk:2022:${randomUUID()}`, {
      email: 'sam@example.test',
      ...account,
    });
    oneLogin.provider.nextSubject = subject;
    return subject;
  };

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('goes to One Login and back signed in, then signs out at One Login too (%s)', async (_, javaScriptEnabled) => {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    person();
    await page.goto(`${oneLogin.webUrl}/sign-in`);
    await page.waitForURL((url) => url.pathname === '/applications');
    // Cookies are per host, not per port: One Login's own (`_session`) sit beside ours on 127.0.0.1.
    const ours = (await context.cookies(oneLogin.webUrl)).find((cookie) => cookie.name === 'citizen-web');
    expect(ours).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const signInNow = () => context.request.get(`${oneLogin.webUrl}/sign-in`, { maxRedirects: 0 });
    expect((await signInNow()).headers().location).toBe('/applications');
    // Signing out ends the session here, then at One Login (its own confirmation page), and back to /signed-out.
    await page.goto(`${oneLogin.webUrl}/sign-out`);
    await page.waitForURL((url) => url.href.startsWith(oneLogin.provider.issuer));
    await page.getByRole('button', { name: /yes/i }).click();
    await page.waitForURL((url) => url.href.startsWith(`${oneLogin.webUrl}/signed-out`));
    await expectPageBasics(page);
    await expectAccessible(page, withScript);
    expect((await signInNow()).headers().location?.startsWith(oneLogin.provider.issuer)).toBe(true);
    await context.close();
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('explains, accessibly, a sign-in below the trust asked for (%s)', async (_, javaScriptEnabled) => {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    person({ vot: 'Cl' });
    await page.goto(`${oneLogin.webUrl}/sign-in`);
    await page.waitForURL((url) => url.pathname === '/sign-in/callback');
    await expectPageBasics(page);
    expect(await page.locator('h1').textContent()).toBe('You need to sign in with a security code');
    await expectAccessible(page, withScript);
    // By keyboard: Tab reaches the way to try again.
    let focused = '';
    for (let presses = 0; presses < 30 && focused !== 'Sign in again'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate('document.activeElement?.textContent?.trim()'));
    }
    expect(focused).toBe('Sign in again');
    await context.close();
  });

  it('explains a callback with no sign-in under way, accessibly', async () => {
    const page = await withScript.newPage();
    await page.goto(`${oneLogin.webUrl}/sign-in/callback?code=x&state=y`);
    await expectPageBasics(page);
    expect(await page.locator('h1').textContent()).toBe('You have not signed in');
    await expectAccessible(page, withScript);
    await page.close();
  });
});
