import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); no browser is downloaded. CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** WCAG 2.2 AA: the 2.2 rules run only with the last tag. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Rules switched off, each with its reason, in this one place.
 * - none yet.
 */
export const AXE_DISABLED_RULES: string[] = [];

/**
 * Rule adjustments, each with its reason, in this one place.
 * - `aria-expanded` is allowed on radios: GOV.UK Frontend sets it on a radio that reveals a follow-up question
 *   (conditional reveal), on purpose; axe's `aria-allowed-attr` otherwise reports it. Only that attribute is added
 *   to the radio role's allowed attributes; the rule stays on for everything else.
 */
export const AXE_STANDARDS = {
  ariaRoles: {
    radio: { allowedAttrs: ['aria-checked', 'aria-posinset', 'aria-setsize', 'aria-required', 'aria-expanded'] },
  },
};

let configuredAxe: string | undefined;
/** axe-core's own script, followed by the adjustments above. */
function axeSource(): string {
  configuredAxe ??=
    readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') +
    `;axe.configure(${JSON.stringify({ standards: AXE_STANDARDS })});`;
  return configuredAxe;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A browsing context as a person's: JavaScript on or off, English unless asked, a UK time zone. */
const contextsWithoutScript = new WeakSet<BrowserContext>();

export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/London',
  });
  if (options.javaScriptEnabled === false) contextsWithoutScript.add(context);
  return context;
}

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  targets: string[];
}

/**
 * Runs axe (WCAG 2.2 AA tags) on the page as it is. A page in a context without JavaScript is audited as its
 * HTML (scripts stripped) loaded at the same URL in `auditContext`, a context with JavaScript, since axe needs
 * script to run: the audit sees exactly what a person without JavaScript gets.
 */
export async function axeViolations(page: Page, auditContext?: BrowserContext): Promise<AxeViolationSummary[]> {
  let target = page;
  let temporary: Page | undefined;
  if (contextsWithoutScript.has(page.context())) {
    if (!auditContext) throw new Error('a page without JavaScript needs an audit context with JavaScript');
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    temporary = await auditContext.newPage();
    const url = page.url();
    await temporary.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await temporary.goto(url);
    target = temporary;
  }
  try {
    const results = await new AxeBuilder({ page: target, axeSource: axeSource() })
      // Only violations are read: skipping the details of passes and inapplicable rules makes a run much faster.
      .options({ resultTypes: ['violations'] })
      .withTags(AXE_TAGS)
      .disableRules(AXE_DISABLED_RULES)
      .analyze();
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  } finally {
    await temporary?.close();
  }
}

/** Fails with the rule ids and elements when the page has any violation. */
export async function expectAccessible(page: Page, auditContext?: BrowserContext): Promise<void> {
  const violations = await axeViolations(page, auditContext);
  if (violations.length) {
    await screenshot(page, `axe-${new URL(page.url()).pathname.replace(/\W+/g, '-')}`);
  }
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

/** Saves a screenshot under test-results/ (failures) or, with a docs path, under docs/images/. */
export async function screenshot(page: Page, name: string, directory = 'test-results'): Promise<string> {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Basic page structure every page must have: one h1, a title, the html lang. */
export async function expectPageBasics(page: Page, lang = 'en'): Promise<void> {
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect(await page.title()).toMatch(/ - GOV\.UK$/);
}
