import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectPageBasics } from './browser.js';
import { lastSignInCode, type CitizenStack } from './citizen-web.js';

/** Checks the page a person has just reached: one h1, lang, a title, and WCAG 2.2 AA (axe). */
export async function checkPage(page: Page, audit: BrowserContext): Promise<void> {
  await expectPageBasics(page);
  await expectAccessible(page, audit);
}

export async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').textContent()) ?? '').trim();
}

/** Signs in through the pages (email, then the code the API "emailed"). */
export async function signIn(page: Page, stack: CitizenStack, email: string, audit: BrowserContext): Promise<void> {
  await page.waitForURL(/\/sign-in/);
  await checkPage(page, audit);
  await page.getByLabel('What is your email address?').fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.waitForURL(/\/sign-in\/code$/);
  await checkPage(page, audit);
  await page.getByLabel('Enter the 6-digit code').fill(lastSignInCode(stack.notifySink, email));
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** A person's answers, page by page, from "Who is applying" to the declaration, as they would type and click. */
export async function answerEverySection(page: Page, audit: BrowserContext): Promise<void> {
  const next = async () => {
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForLoadState();
    await checkPage(page, audit);
  };
  const section = async (name: string) => {
    await page.getByRole('link', { name, exact: true }).click();
    await checkPage(page, audit);
  };
  const group = (name: string) => page.getByRole('group', { name });
  // The page's own question: its Yes comes first, and its No last (follow-ups revealed under Yes sit between;
  // without JavaScript they are all shown).
  const answer = (choice: 'Yes' | 'No') => {
    const radios = page.getByRole('radio', { name: choice, exact: true });
    return (choice === 'Yes' ? radios.first() : radios.last()).check();
  };
  const date = async (name: string, day: string, month: string, year: string) => {
    await group(name).getByLabel('Day').fill(day);
    await group(name).getByLabel('Month').fill(month);
    await group(name).getByLabel('Year').fill(year);
  };

  await section('Who is applying');
  await page.getByLabel('Myself').check();
  await next();
  expect(await heading(page)).toBe('Apply for criminal injuries compensation');

  await section('About the victim');
  await page.getByLabel('First name').fill('Alex');
  await page.getByLabel('Last name').fill('Example');
  await next();
  await next(); // other names: none
  await date('What is the victim’s date of birth?', '1', '5', '1990');
  await next();
  await page.getByLabel('Address line 1').fill('1 Example Street');
  await page.getByLabel('Town or city').fill('Exampleton');
  await page.getByLabel('Postcode').fill('EX1 2MP');
  await next();

  await section('Where the victim lives');
  await page.getByLabel('They normally lived in the UK').check();
  await next();
  await page.getByLabel('What is the victim’s nationality? (optional)').fill('British');
  await next();

  await section('About the crime');
  await page.getByLabel('Once').check();
  await next();
  await date('When did the crime happen?', '14', '3', '2026');
  await next();
  await page.getByLabel('England').check();
  await next();
  await next(); // town: optional
  await page.getByLabel('A physical attack').check();
  await next();
  await page.getByLabel('Tell us what happened (optional)').fill('A man pushed me to the ground and kicked me.');
  await next();
  await answer('Yes');
  await date('When was it reported?', '14', '3', '2026');
  await page.getByLabel('Which police force was it reported to?').fill('Metropolitan');
  await group('Have you helped the police with their investigation?').getByLabel('Yes').check();
  expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);
  await next();

  await section('About the offender');
  await answer('No');
  await next();
  await answer('No');
  await next();
  await next(); // contact: optional
  await answer('No');
  await next();

  await section('Injuries');
  await page.getByLabel('Face').check();
  await next();
  await page.getByLabel('A broken bone').check();
  await next();
  await next(); // description: optional
  await answer('No');
  await next();
  await answer('No');
  await next();
  await next(); // infection: optional

  await section('How the crime has affected the victim');
  await answer('No');
  await next();
  await next(); // daily life: optional
  await answer('No');
  await next();

  await section('Treatment');
  await answer('No');
  await next();
  await answer('Yes');
  await page.getByLabel('Name of the hospital').fill('Exampleton General Hospital');
  await next();
  await answer('No');
  await next();
  await next(); // ongoing: optional

  await section('Other compensation');
  await answer('No');
  await next();

  await section('Previous applications');
  await answer('No');
  await next();
  await answer('No');
  await next();

  await section('Convictions');
  await answer('No');
  await next();

  await section('Support');
  await answer('No');
  await next();
  await next();
  await next();
  await next();

  await section('How to contact you');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address').fill('alex@example.test');
  await next();
  await page.getByLabel('Do not send letters').check();
  await next();
  expect(await heading(page)).toBe('Apply for criminal injuries compensation');
}

/** From the task list: check your answers, make the declaration, send; answers the claim reference. */
export async function declareAndSend(page: Page, audit: BrowserContext): Promise<string> {
  await page.getByRole('button', { name: 'Check your answers and send' }).click();
  await page.waitForURL(/\/check-answers$/);
  await checkPage(page, audit);
  await page.getByLabel('I confirm the information I have given is true and complete').check();
  await page.getByLabel('Your full name').fill('Alex Example');
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.waitForURL(/\/confirmation$/);
  await checkPage(page, audit);
  expect(await heading(page)).toBe('Application sent');
  return ((await page.locator('.govuk-panel__body strong').textContent()) ?? '').trim();
}
