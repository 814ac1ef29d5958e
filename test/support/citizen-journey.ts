import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectPageBasics } from './browser.js';
import { lastSignInCode, type CitizenStack } from './citizen-web.js';

export type Language = 'en' | 'cy';

/**
 * The words a person reads in a language, from the message files: `say('cy', 'section-crime.title')` reads
 * apps/citizen-web/locales/cy/section-crime.json; `common.*` is the web platform's (libs/web/locales).
 */
export function say(lang: Language, key: string): string {
  const [file, ...path] = key.split('.');
  const dir = file === 'common' ? 'libs/web/locales' : 'apps/citizen-web/locales';
  let value: unknown = JSON.parse(readFileSync(`${dir}/${lang}/${file}.json`, 'utf8'));
  for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string' || value === '') throw new Error(`No ${lang} message for ${key}`);
  return value;
}

/** Checks the page a person has just reached: one h1, lang, a title, and WCAG 2.2 AA (axe). */
export async function checkPage(page: Page, audit: BrowserContext, lang: Language = 'en'): Promise<void> {
  await expectPageBasics(page, lang);
  await expectAccessible(page, audit);
}

export async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').textContent()) ?? '').trim();
}

/** Signs in through the pages (email, then the code the API "emailed"). */
export async function signIn(
  page: Page,
  stack: CitizenStack,
  email: string,
  audit: BrowserContext,
  lang: Language = 'en',
): Promise<void> {
  await page.waitForURL(/\/sign-in/);
  await checkPage(page, audit, lang);
  await page.getByLabel(say(lang, 'signIn.email.title')).fill(email);
  await page.getByRole('button', { name: say(lang, 'signIn.email.send') }).click();
  await page.waitForURL(/\/sign-in\/code$/);
  await checkPage(page, audit, lang);
  await page.getByLabel(say(lang, 'signIn.code.label')).fill(lastSignInCode(stack.notifySink, email));
  await page.getByRole('button', { name: say(lang, 'signIn.code.continue') }).click();
}

/** A person's answers, page by page, from "Who is applying" to the declaration, as they would type and click. */
export async function answerEverySection(page: Page, audit: BrowserContext, lang: Language = 'en'): Promise<void> {
  const t = (key: string) => say(lang, key);
  const next = async () => {
    await page.getByRole('button', { name: t('common.saveAndContinue') }).click();
    await page.waitForLoadState();
    await checkPage(page, audit, lang);
  };
  const section = async (file: string) => {
    await page.getByRole('link', { name: t(`${file}.title`), exact: true }).click();
    await checkPage(page, audit, lang);
  };
  const group = (name: string) => page.getByRole('group', { name });
  // The page's own question: its Yes comes first, and its No last (follow-ups revealed under Yes sit between;
  // without JavaScript they are all shown). By value: Welsh answers yes and no in the question's own verb
  // ("Ydw", "Oes", "Do"...), so the words differ from page to page.
  const answer = (choice: 'yes' | 'no') => {
    const radios = page.locator(`input[type="radio"][value="${choice}"]`);
    return (choice === 'yes' ? radios.first() : radios.last()).check();
  };
  const date = async (name: string, day: string, month: string, year: string) => {
    await group(name).getByLabel(t('common.date.day')).fill(day);
    await group(name).getByLabel(t('common.date.month')).fill(month);
    await group(name).getByLabel(t('common.date.year')).fill(year);
  };

  await section('section-applying-for');
  await page.getByLabel(t('section-applying-for.fields.role.options.self')).check();
  await next();
  expect(await heading(page)).toBe(t('tasks.title'));

  await section('section-applicant');
  await page.getByLabel(t('section-applicant.fields.firstName.label')).fill('Alex');
  await page.getByLabel(t('section-applicant.fields.lastName.label')).fill('Example');
  await next();
  await next(); // other names: none
  await date(t('section-applicant.pages.date-of-birth.title'), '1', '5', '1990');
  await next();
  await page.getByLabel(t('questions.address.line1')).fill('1 Example Street');
  await page.getByLabel(t('questions.address.town')).fill('Exampleton');
  await page.getByLabel(t('questions.address.postcode')).fill('EX1 2MP');
  await next();

  await section('section-residence');
  await page.getByLabel(t('section-residence.fields.bases.options.ordinarily-resident-uk')).check();
  await next();
  await page.getByLabel(t('section-residence.pages.nationality.title')).fill('British');
  await next();

  await section('section-crime');
  await page.getByLabel(t('section-crime.fields.pattern.options.single-incident')).check();
  await next();
  await date(t('section-crime.pages.date.title'), '14', '3', '2026');
  await next();
  await page.getByLabel(t('section-crime.fields.place.options.england')).check();
  await next();
  await next(); // town: optional
  await page.getByLabel(t('section-crime.fields.kind.options.physical-attack')).check();
  await next();
  await page.getByLabel(t('section-crime.pages.account.title')).fill('A man pushed me to the ground and kicked me.');
  await next();
  await answer('yes');
  await date(t('section-crime.fields.reportedOn.label'), '14', '3', '2026');
  await page.getByLabel(t('section-crime.fields.policeForce.label')).fill('Metropolitan');
  await group(t('section-crime.fields.cooperatedWithPolice.label'))
    .getByLabel(t('common.yes'), { exact: true })
    .check();
  expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);
  await next();

  await section('section-offender');
  await answer('no');
  await next();
  await answer('no');
  await next();
  await next(); // contact: optional
  await answer('no');
  await next();

  await section('section-injuries');
  await page.getByLabel(t('section-injuries.fields.physicalInjuries.bodyArea.options.face')).check();
  await next();
  await page.getByLabel(t('section-injuries.fields.physicalInjuries.kind.options.fracture')).check();
  await next();
  await next(); // description: optional
  await answer('no');
  await next();
  await answer('no');
  await next();
  await next(); // infection: optional

  await section('section-impact');
  await answer('no');
  await next();
  await next(); // daily life: optional
  await answer('no');
  await next();

  await section('section-treatment');
  await answer('no');
  await next();
  await answer('yes');
  await page.getByLabel(t('section-treatment.fields.hospital.name.label')).fill('Exampleton General Hospital');
  await next();
  await answer('no');
  await next();
  await next(); // ongoing: optional

  await section('section-other-compensation');
  await answer('no');
  await next();

  await section('section-previous-applications');
  await answer('no');
  await next();
  await answer('no');
  await next();

  await section('section-convictions');
  await answer('no');
  await next();

  await section('section-support-needs');
  await answer('no');
  await next();
  await next();
  await next();
  await next();

  await section('section-contact-preferences');
  await page.getByLabel(t('section-contact-preferences.fields.method.options.email'), { exact: true }).check();
  await page.getByLabel(t('section-contact-preferences.fields.email.label')).fill('alex@example.test');
  await next();
  await page.getByLabel(t('section-contact-preferences.fields.safeContact.options.noPost')).check();
  await next();
  expect(await heading(page)).toBe(t('tasks.title'));
}

/** From the task list: check your answers, make the declaration, send; answers the claim reference. */
export async function declareAndSend(page: Page, audit: BrowserContext, lang: Language = 'en'): Promise<string> {
  const t = (key: string) => say(lang, key);
  await page.getByRole('button', { name: t('tasks.send.button') }).click();
  await page.waitForURL(/\/check-answers$/);
  await checkPage(page, audit, lang);
  await page.getByLabel(t('section-declaration.fields.agreement.options.agreed')).check();
  await page.getByLabel(t('section-declaration.fields.fullName.label')).fill('Alex Example');
  await page.getByRole('button', { name: t('checkAnswers.send') }).click();
  await page.waitForURL(/\/confirmation$/);
  await checkPage(page, audit, lang);
  expect(await heading(page)).toBe(t('confirmation.title'));
  return ((await page.locator('.govuk-panel__body strong').textContent()) ?? '').trim();
}
