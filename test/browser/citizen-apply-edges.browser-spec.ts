import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exampleCompleteApplication } from '@redress/domain';
import { loadConfig } from '@redress/platform';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createCitizenWeb } from '../../apps/citizen-web/src/bootstrap.js';
import { CitizenWebConfig } from '../../apps/citizen-web/src/config.js';
import { createApplication } from '../support/applications.js';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser.js';
import { createTestCitizen, type TestCitizen } from '../support/citizen-api.js';
import { checkPage, heading, signIn } from '../support/citizen-journey.js';
import { lastSignInCode, startCitizenStack, uniqueEmail, type CitizenStack } from '../support/citizen-web.js';

/** An input as the page's script sees it (the tests' TypeScript has no DOM types). */
type Input = { value: string; remove(): void };

/** Everything but the declaration, saved through the API: the person has only to check and send. */
function allButDeclaration() {
  const { declaration: _declaration, ...sections } = exampleCompleteApplication();
  return sections;
}

describe('citizen web: the application journey by keyboard, with bad input, and when things go wrong', () => {
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

  /** A signed-in person in a context of their own, with an API identity for checks behind the pages. */
  async function person(options: { javaScriptEnabled?: boolean } = {}) {
    const email = uniqueEmail();
    const citizen = await createTestCitizen(stack.api, email);
    const context = await newContext(browser, options);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/sign-in`);
    await signIn(page, stack, email, withScript);
    await page.waitForURL(/\/applications$/);
    return { email, citizen, context, page };
  }

  async function claimsOf(citizen: TestCitizen): Promise<unknown[]> {
    const response = await fetch(`${stack.apiUrl}/v1/claims`, { headers: { authorization: citizen.authorization } });
    const body = (await response.json()) as { claims?: unknown[] } | unknown[];
    return Array.isArray(body) ? body : (body.claims ?? []);
  }

  /** Presses Tab until the element the selector names has focus (a person tabbing through the page). */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let presses = 0; presses < 120; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    }
    throw new Error(`could not reach ${selector} with Tab`);
  }

  it('sends an application by keyboard alone (Tab, Space, Enter)', async () => {
    const email = uniqueEmail();
    const citizen = await createTestCitizen(stack.api, email);
    const { id } = await createApplication(stack.api, citizen, allButDeclaration());
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/sign-in`);
    await tabTo(page, '#email');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in\/code$/);
    await tabTo(page, '#code');
    await page.keyboard.type(lastSignInCode(stack.notifySink, email));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/applications$/);
    await tabTo(page, `a[href="/applications/${id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/applications/${id}$`));
    await tabTo(page, `a[href="/applications/${id}/check-answers"].govuk-button`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check-answers$/);
    await checkPage(page, withScript);
    await tabTo(page, '#agreement');
    await page.keyboard.press('Space');
    await tabTo(page, '#fullName');
    await page.keyboard.type('Alex Example');
    await tabTo(page, 'form button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/confirmation$/);
    expect(await heading(page)).toBe('Application sent');
    expect(await claimsOf(citizen)).toHaveLength(1);
    await context.close();
  }, 120_000);

  it('answers empty, too long, impossible and tampered forms with GOV.UK errors, and keeps what was typed', async () => {
    const { page, context } = await person();
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const base = page.url();
    const send = () => page.getByRole('button', { name: 'Save and continue' }).click();

    // Empty.
    await page.goto(`${base}/applicant/name`);
    await send();
    expect(await page.title()).toMatch(/^Error: What is the victim’s name\?/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the victim’s first name');
    expect(await page.evaluate("document.activeElement?.classList.contains('govuk-error-summary')")).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'citizen-question-error', 'docs/images');

    // Too long (the API's limit, worded for a person), with the typed answer kept.
    const long = 'A'.repeat(101);
    await page.getByLabel('First name').fill(long);
    await page.getByLabel('Last name').fill('Example');
    await send();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'First name must be 100 characters or fewer',
    );
    expect(await page.getByLabel('First name').inputValue()).toBe(long);
    expect(await page.getByLabel('Last name').inputValue()).toBe('Example');
    await expectAccessible(page);

    // An impossible date.
    await page.goto(`${base}/applicant/date-of-birth`);
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('1990');
    await send();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Date of birth must be a real date');
    expect(await page.getByLabel('Day').inputValue()).toBe('31');
    await expectAccessible(page);

    // An option the page never offered (a tampered form).
    await page.goto(`${base}/applying-for/who`);
    await page.locator('input[value="self"]').evaluate((input: Input) => (input.value = 'administrator'));
    await page.getByLabel('Myself').check();
    await send();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select one of the options');

    // Without its CSRF token, or with a tampered one: the form-expired page, nothing saved.
    for (const tamper of [(input: Input) => input.remove(), (input: Input) => (input.value = 'forged')]) {
      await page.goto(`${base}/applying-for/who`);
      await page.locator('input[name="_csrf"]').evaluate(tamper);
      await page.getByLabel('Myself').check();
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), send()]);
      expect(response.status()).toBe(403);
      expect(await heading(page)).toContain('expired');
    }
    await page.goto(base);
    expect(await page.locator('.govuk-task-list__status').first().textContent()).toContain('Not yet started');

    // Save and come back later keeps what is valid and drops what is not.
    await page.goto(`${base}/applicant/name`);
    await page.getByLabel('First name').fill('Alex');
    await page.getByLabel('Last name').fill('B'.repeat(101));
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.waitForURL(/\/applications$/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Your answers have been saved');
    await page.goto(`${base}/applicant/name`);
    expect(await page.getByLabel('First name').inputValue()).toBe('Alex');
    expect(await page.getByLabel('Last name').inputValue()).toBe('');
    await context.close();
  }, 120_000);

  it('never makes a second claim from a double submission, a replay or a back-and-resubmit', async () => {
    const { page, context, citizen } = await person();
    const { id } = await createApplication(stack.api, citizen, allButDeclaration());
    await page.goto(`${stack.webUrl}/applications/${id}/check-answers`);
    // The declaration sent empty: GOV.UK errors, nothing sent.
    await page.getByRole('button', { name: 'Accept and send' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Confirm the information you have given is true and complete',
    );
    await expectAccessible(page);
    expect(await claimsOf(citizen)).toHaveLength(0);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const form = { _csrf: csrf, agreed: 'agreed', fullName: 'Alex Example' };
    // Two posts of the same rendered form at once (a double click), then the same again (a replay).
    const url = `${stack.webUrl}/applications/${id}/check-answers`;
    const answers = await Promise.all([
      context.request.post(url, { form: { ...form, agreement: 'agreed' }, maxRedirects: 0 }),
      context.request.post(url, { form: { ...form, agreement: 'agreed' }, maxRedirects: 0 }),
    ]);
    expect(answers.map((answer) => answer.status())).toEqual([303, 303]);
    const replay = await context.request.post(url, { form: { ...form, agreement: 'agreed' }, maxRedirects: 0 });
    expect(replay.status()).toBe(303);
    await page.goto(url);
    expect(new URL(page.url()).pathname).toBe(`/applications/${id}/confirmation`);
    expect(await claimsOf(citizen)).toHaveLength(1);
    await context.close();
  }, 120_000);

  it('answers page not found for another person’s application, and shows them nothing', async () => {
    const other = await createTestCitizen(stack.api);
    const { id } = await createApplication(stack.api, other, allButDeclaration());
    const { page, context } = await person();
    for (const path of ['', '/crime/date', '/check-answers', '/evidence', '/delete', '/confirmation', '/nope/nope']) {
      const response = await page.goto(`${stack.webUrl}/applications/${id}${path}`);
      expect(response?.status()).toBe(404);
      expect(await heading(page)).toBe('Page not found');
      expect(await page.content()).not.toContain('Example');
    }
    // A form with a good CSRF token of the person's own session, posted to the other person's application.
    await page.goto(`${stack.webUrl}/applications`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    for (const path of ['/crime/date', '/check-answers', '/delete']) {
      const posted = await context.request.post(`${stack.webUrl}/applications/${id}${path}`, {
        form: {
          _csrf: csrf,
          'date-day': '1',
          'date-month': '1',
          'date-year': '2026',
          agreement: 'agreed',
          fullName: 'X',
        },
        maxRedirects: 0,
      });
      expect(posted.status()).toBe(404);
    }
    expect(await claimsOf(other)).toHaveLength(0);
    await page.goto(`${stack.webUrl}/applications/${id}`);
    await expectAccessible(page);
    await context.close();
  }, 120_000);

  it('uploads evidence one file at a time, refuses other types, and removes a file after asking', async () => {
    const { page, context } = await person();
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.getByRole('link', { name: 'Upload evidence' }).click();
    await page.waitForURL(/\/evidence$/);
    const evidencePage = page.url();
    await checkPage(page, withScript);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c10000000049454e44ae426082',
      'hex',
    );
    await page.getByLabel('Upload a file').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload file' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('letter.png has been uploaded');
    await checkPage(page, withScript);

    await page
      .getByLabel('Upload a file')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('button', { name: 'Upload file' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('must be a PDF, JPG, PNG, HEIC or DOCX');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Upload file' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select a file');

    // Without the CSRF token the upload is refused before the file is read.
    await page.locator('input[name="_csrf"]').evaluate((input: Input) => input.remove());
    await page.getByLabel('Upload a file').setInputFiles({ name: 'again.png', mimeType: 'image/png', buffer: png });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Upload file' }).click(),
    ]);
    expect(refused.status()).toBe(403);

    await page.goto(evidencePage);
    await page.getByRole('link', { name: 'Remove letter.png' }).click();
    await checkPage(page, withScript);
    await page.getByRole('button', { name: 'Yes, remove this file' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('letter.png has been removed');
    expect(await page.getByText('You have not uploaded any files.').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('deletes a draft after asking', async () => {
    const { page, context } = await person();
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.goto(`${stack.webUrl}/applications`);
    await page.getByRole('link', { name: /^Delete/ }).click();
    await checkPage(page, withScript);
    await page.getByRole('button', { name: 'Yes, delete this application' }).click();
    await page.waitForURL(/\/applications$/);
    expect(await page.getByText('You have no applications in progress.').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('shows the service-problem page when the API is down, and the saved answers are there when it is back', async () => {
    const { page, context } = await person();
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const path = new URL(page.url()).pathname;
    await page.goto(`${stack.webUrl}${path}/applicant/name`);
    await page.getByLabel('First name').fill('Alex');
    await page.getByLabel('Last name').fill('Example');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // A second web service on the same sessions, whose API is at a port where nothing listens.
    let broken: NestFastifyApplication | undefined;
    try {
      broken = await createCitizenWeb(
        loadConfig(CitizenWebConfig, { ...process.env, CITIZEN_API_URL: 'http://127.0.0.1:9' }),
      );
      await broken.listen(0, '127.0.0.1');
      const brokenUrl = (await broken.getUrl()).replace('[::1]', '127.0.0.1');
      const response = await page.goto(`${brokenUrl}${path}/applicant/name`);
      expect(response?.status()).toBe(503);
      expect(await heading(page)).toContain('problem');
      await expectAccessible(page);
    } finally {
      await broken?.close();
    }
    await page.goto(`${stack.webUrl}${path}/applicant/name`);
    expect(await page.getByLabel('First name').inputValue()).toBe('Alex');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Example');
    await context.close();
  }, 120_000);

  it('keeps both changes when the application changed elsewhere after the page was shown (412, merged once)', async () => {
    const { page, context, citizen } = await person();
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.goto(`${stack.webUrl}/applications/${id}/offender/name`);
    // Meanwhile, another device saves another section: the version the page was shown at is stale.
    const current = await fetch(`${stack.apiUrl}/v1/applications/${id}`, {
      headers: { authorization: citizen.authorization },
    });
    const saved = await fetch(`${stack.apiUrl}/v1/applications/${id}/sections/residence`, {
      method: 'PUT',
      headers: {
        authorization: citizen.authorization,
        'content-type': 'application/json',
        'if-match': current.headers.get('etag')!,
      },
      body: JSON.stringify({ noneApply: true }),
    });
    expect(saved.status).toBe(200);
    await page.getByRole('radio', { name: 'No', exact: true }).last().check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/offender\/family$/);
    const after = (await (
      await fetch(`${stack.apiUrl}/v1/applications/${id}`, { headers: { authorization: citizen.authorization } })
    ).json()) as { sections: Record<string, unknown> };
    expect(after.sections.residence).toEqual({ noneApply: true });
    expect(after.sections.offender).toEqual({ nameKnown: false });
    await context.close();
  }, 120_000);
});
