import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectPageBasics, launchBrowser, newContext } from '../support/browser.js';
import { startCitizenStack, type CitizenStack } from '../support/citizen-web.js';

/** A date some days before today, as the three boxes of a GOV.UK date input. */
function daysAgo(days: number): { day: string; month: string; year: string } {
  const date = new Date(Date.now() - days * 86_400_000);
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

/** A journey audits every page with axe (about 2 s a page on this machine): longer than one request's test. */
const JOURNEY_TIMEOUT_MS = 180_000;

type Step = { path: string; choose?: string[]; date?: { day: string; month: string; year: string }; text?: string };

describe('citizen web: check if you can claim', () => {
  let stack: CitizenStack;
  let browser: Browser;
  let withScript: BrowserContext;
  let withoutScript: BrowserContext;

  beforeAll(async () => {
    // The anonymous check's per-address limit (30 a minute) would count every browser test as one address.
    stack = await startCitizenStack({ apiOverrides: { RATE_LIMIT_OVERRIDES: 'eligibility-check=1000/60000' } });
    browser = await launchBrowser();
    withScript = await newContext(browser);
    withoutScript = await newContext(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** Answers one question page as a person would, checking the page first. */
  async function answer(page: Page, step: Step, audit = true) {
    expect(new URL(page.url()).pathname).toBe(step.path);
    if (audit) {
      await expectPageBasics(page);
      await expectAccessible(page, withScript);
    }
    for (const label of step.choose ?? []) await page.getByLabel(label, { exact: true }).check();
    if (step.date) {
      await page.getByLabel('Day').fill(step.date.day);
      await page.getByLabel('Month').fill(step.date.month);
      await page.getByLabel('Year').fill(step.date.year);
    }
    if (step.text !== undefined) await page.locator('textarea').fill(step.text);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState('domcontentloaded');
  }

  const directVictim = (incident: { day: string; month: string; year: string }): Step[] => [
    { path: '/check/who', choose: ['I was injured by a crime of violence'] },
    { path: '/check/date-of-birth', date: { day: '1', month: '5', year: '1990' } },
    { path: '/check/incident-date', date: incident },
    { path: '/check/place', choose: ['England'] },
    { path: '/check/kind', choose: ['I was physically attacked'] },
    { path: '/check/reported', choose: ['Yes'] },
    { path: '/check/reported-on', date: incident },
    { path: '/check/cooperated', choose: ['Yes'] },
    { path: '/check/lived-with', choose: ['No'] },
    { path: '/check/assailant-benefit', choose: ['No'] },
    { path: '/check/minor-only', choose: ['No'] },
    { path: '/check/mental-injury', choose: ['No'] },
    { path: '/check/convictions', choose: ['No'] },
    { path: '/check/residence', choose: ['I normally live in the UK'] },
    { path: '/check/previous-application', choose: ['No'] },
  ];

  it(
    'asks one question a page and says a recent attack reported at once is likely to be claimable (JavaScript on)',
    async () => {
      const page = await withScript.newPage();
      await page.goto(`${stack.webUrl}/check`);
      await expectPageBasics(page);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Start now' }).click();
      for (const step of directVictim(daysAgo(30))) await answer(page, step);
      expect(new URL(page.url()).pathname).toBe('/check/result');
      await expectPageBasics(page);
      expect(await page.locator('h1').textContent()).toBe('You are likely to be able to claim');
      // Each reason in plain words with the scheme paragraph it comes from.
      const fine = await page.locator('h2:has-text("What is likely to be fine") + ul li').allTextContents();
      expect(fine.some((item) => /Scheme paragraph 87/.test(item))).toBe(true);
      expect(fine.some((item) => /Scheme Annex B/.test(item))).toBe(true);
      await expectAccessible(page);
      // Questions the answers did not make relevant were never asked.
      const answered = await page.locator('.govuk-summary-list__key').allTextContents();
      expect(answered.map((text) => text.trim())).not.toContain('Still live with them');
      expect(answered.map((text) => text.trim())).not.toContain('Who diagnosed it');
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'without JavaScript: a witness who is not a loved one is told why, can still apply, and can change an answer',
    async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${stack.webUrl}/check/who`);
      const incident = daysAgo(10);
      const steps: Step[] = [
        { path: '/check/who', choose: ['I saw someone I love being hurt, or was there just after'] },
        { path: '/check/loved-one', choose: ['No'] },
        { path: '/check/present', choose: ['Yes'] },
        ...directVictim(incident).slice(1, 10),
        { path: '/check/minor-only', choose: ['No'] },
        { path: '/check/mental-injury', choose: ['Yes'] },
        { path: '/check/mental-disabling', choose: ['Yes'] },
        { path: '/check/mental-duration', choose: ['It is still affecting me'] },
        { path: '/check/mental-diagnosis', choose: ['A psychiatrist'] },
        { path: '/check/convictions', choose: ['No'] },
        { path: '/check/residence', choose: ['I am a British citizen'] },
        { path: '/check/previous-application', choose: ['No'] },
      ];
      for (const step of steps) await answer(page, step);
      expect(await page.locator('h1').textContent()).toBe('You may not be able to get compensation');
      const refused = await page.locator('h2:has-text("What may stop you") + ul li').allTextContents();
      expect(refused).toHaveLength(1);
      expect(refused[0]).toContain('Scheme paragraph 6');
      expect(await page.locator('.govuk-inset-text').textContent()).toContain('You can still apply');
      expect(await page.getByRole('button', { name: 'Apply for compensation' }).getAttribute('href')).toBe(
        '/applications',
      );
      await expectAccessible(page, withScript);

      // Back goes to the last question; Change comes back to the result with the new answer.
      expect(await page.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/check/previous-application');
      await page.getByRole('link', { name: /Change\s+The person hurt was a loved one/ }).click();
      expect(await page.isChecked('input[name="loved-one"][value="no"]')).toBe(true);
      await answer(page, { path: '/check/loved-one', choose: ['Yes'] });
      expect(new URL(page.url()).pathname).toBe('/check/result');
      expect(await page.locator('h1').textContent()).toBe('You are likely to be able to claim');
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('a late application is refused until a reason is given, then a caseworker decides (refer), never a stop', async () => {
    const page = await withoutScript.newPage();
    await page.goto(`${stack.webUrl}/check/who`);
    for (const step of directVictim(daysAgo(365 * 3))) await answer(page, step, false);
    expect(await page.locator('h1').textContent()).toBe('You may not be able to get compensation');
    await page.getByRole('link', { name: 'Tell us why you could not apply sooner' }).click();
    expect(await page.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/check/result');
    await answer(page, { path: '/check/late-reason', text: 'I was in hospital for a long time.' });
    expect(await page.locator('h1').textContent()).toBe('A caseworker will need to decide');
    expect(await page.locator('.govuk-inset-text').textContent()).toContain(
      'A caseworker will decide. You can still apply.',
    );
    await expectAccessible(page, withScript);
    await page.close();
  });

  it('keeps to the order: a question not reached yet sends the person to the next one; an unknown one is not found', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/check/convictions`);
    expect(new URL(page.url()).pathname).toMatch(/^\/check\//);
    expect(new URL(page.url()).pathname).not.toBe('/check/convictions');
    const missing = await page.goto(`${stack.webUrl}/check/no-such-question`);
    expect(missing?.status()).toBe(404);
    await context.close();
  });

  it('bad input: empty answers, impossible dates and a too-long reason give GOV.UK errors and keep the answers so far', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/check/who`);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary a').textContent()).toBe('Select which of these best describes you');
    expect(await page.evaluate('document.activeElement?.classList.contains("govuk-error-summary")')).toBe(true);
    await expectAccessible(page);
    await answer(page, { path: '/check/who', choose: ['I was injured by a crime of violence'] });
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('1990');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('.govuk-error-summary a').textContent()).toBe('Your date of birth must be a real date');
    expect(await page.getByLabel('Day').inputValue()).toBe('31');
    await expectAccessible(page);
    // The answer before is still there.
    await page.goto(`${stack.webUrl}/check/who`);
    expect(await page.isChecked('input[name="who"][value="direct-victim"]')).toBe(true);
    // An option that is not on the page is refused like an empty answer.
    const csrf = await page.locator('input[name="_csrf"]').inputValue();
    const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const tampered = await fetch(`${stack.webUrl}/check/who`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf, who: 'not-a-route' }),
      redirect: 'manual',
    });
    expect(tampered.status).toBe(400);
    const tooLong = await fetch(`${stack.webUrl}/check/late-reason`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf, 'late-reason': 'x'.repeat(2001) }),
      redirect: 'manual',
    });
    // Not reachable before the other answers: sent on to the next question, nothing kept.
    expect(tooLong.status).toBe(303);
    const withoutToken = await fetch(`${stack.webUrl}/check/who`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ who: 'witness' }),
      redirect: 'manual',
    });
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.text()).toContain('This form has expired');
    await page.goto(`${stack.webUrl}/check/who`);
    expect(await page.isChecked('input[name="who"][value="direct-victim"]')).toBe(true);
    await context.close();
  });

  it('a too-long late reason is refused with its limit', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/check/who`);
    for (const step of directVictim(daysAgo(365 * 3))) await answer(page, step, false);
    await page.goto(`${stack.webUrl}/check/late-reason`);
    await page.locator('textarea').fill('x'.repeat(2001));
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('.govuk-error-summary a').textContent()).toBe(
      'Why you could not apply sooner must be 2000 characters or fewer',
    );
    await expectAccessible(page, withScript);
    await page.goto(`${stack.webUrl}/check/result`);
    expect(await page.locator('h1').textContent()).toBe('You may not be able to get compensation');
    await context.close();
  });
});
