import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { expectAccessible, expectPageBasics, launchBrowser, newContext, screenshot } from '../support/browser.js';
import { testStaff } from '../support/caseworker-api.js';
import {
  organisationId,
  referralFromVictim,
  startPartnerStack,
  withdrawConsent,
  type PartnerStack,
} from '../support/partner-web.js';
import { lastPartnerCode, totpCode } from '../support/partner-users.js';

const HARBOURLIGHT = organisationId('Harbourlight Victim Care');
const LANTERN = organisationId('Lantern Home Security Project');
const unique = (name: string) => `${name}-${Date.now().toString(36)}@harbourlight.example.org`;

describe('partner portal: sign-in with two factors, colleagues, referrals', () => {
  let stack: PartnerStack;
  let browser: Browser;
  let withScript: BrowserContext;
  let withoutScript: BrowserContext;
  const scriptless = new Set<BrowserContext>();
  async function context(javaScriptEnabled: boolean) {
    const made = await newContext(browser, { javaScriptEnabled });
    if (!javaScriptEnabled) scriptless.add(made);
    return made;
  }

  beforeAll(async () => {
    stack = await startPartnerStack();
    browser = await launchBrowser();
    withScript = await newContext(browser);
    withoutScript = await newContext(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** Every page visited: one h1, the language, a GOV.UK title, and no axe violation (audited with script). */
  async function check(page: Page, docsName?: string) {
    await expectPageBasics(page);
    await expectAccessible(page, withScript);
    if (docsName) await screenshot(page, docsName, 'docs/images');
  }

  /** A form's bad input: "Error: " in the title and a GOV.UK error summary naming the problem. */
  async function expectErrorSummary(page: Page, text: string) {
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(text);
    if (!scriptless.has(page.context())) {
      expect(await page.evaluate('document.activeElement?.classList.contains("govuk-error-summary")')).toBe(true);
    }
    await check(page);
  }

  /** Signs in through every step at first sign-in; answers the TOTP secret read from the set-up page. */
  async function firstSignIn(page: Page, email: string, docs = false): Promise<string> {
    await page.goto(`${stack.webUrl}/sign-in`);
    await check(page, docs ? 'partner-sign-in' : undefined);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expectErrorSummary(page, 'Enter your email address');
    await page.getByLabel('Sign in to your organisation’s referrals').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.waitForURL(/\/sign-in\/code$/);
    await check(page);
    const code = lastPartnerCode(stack.notifySink, email);
    await page.getByLabel('Enter the 6-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrorSummary(page, 'The code is not right');
    await page.getByLabel('Enter the 6-digit code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/sign-in\/set-up-authenticator$/);
    await check(page, docs ? 'partner-authenticator-set-up' : undefined);
    expect(await page.locator('img[alt="QR code to scan with your authenticator app"]').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Enter the 6-digit code from the app').fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrorSummary(page, 'The code must be 6 numbers');
    await page.getByLabel('Enter the 6-digit code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/sign-in\/recovery-codes$/);
    await check(page, docs ? 'partner-recovery-codes' : undefined);
    expect(await page.locator('#recovery-codes li').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.waitForURL(/\/referrals$/);
    await check(page);
    // The recovery codes are shown once.
    await page.goto(`${stack.webUrl}/sign-in/recovery-codes`);
    await page.waitForURL(/\/referrals$/);
    return secret;
  }

  it('an invited administrator signs in with the code and sets up the second factor; invites a colleague who works a referral to its close', async () => {
    const adminEmail = unique('admin');
    await request(stack.caseworkerApi.getHttpServer())
      .post(`/v1/support-organisations/${HARBOURLIGHT}/users`)
      .set('authorization', testStaff('administrator').authorization)
      .send({ email: adminEmail, role: 'administrator' })
      .expect(201);
    const admin = await (await context(true)).newPage();
    await firstSignIn(admin, adminEmail, true);

    // Invite a colleague: bad input first.
    await admin.getByRole('link', { name: 'Your organisation' }).click();
    await admin.waitForURL(/\/organisation$/);
    await check(admin, 'partner-organisation');
    expect(await admin.locator('#figures').textContent()).toContain('Referrals received');
    await admin.getByRole('button', { name: 'Save webhook address' }).click();
    await expectErrorSummary(admin, 'Enter the webhook address');
    await admin.getByRole('button', { name: 'Issue a new API key' }).click();
    await check(admin);
    expect(await admin.locator('#secret').textContent()).toMatch(/rpk_/);
    await admin.goto(`${stack.webUrl}/organisation`);
    await admin.getByRole('link', { name: 'Users: invite and remove colleagues' }).click();
    await admin.waitForURL(/\/organisation\/users$/);
    await check(admin);
    await admin.getByRole('button', { name: 'Invite a colleague' }).click();
    await check(admin);
    await admin.getByLabel('Their work email address').fill('not an email');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await expectErrorSummary(admin, 'Enter an email address in the correct format');
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Select what they can do');
    const colleagueEmail = unique('colleague');
    await admin.getByLabel('Their work email address').fill(colleagueEmail);
    await admin.getByLabel('Caseworker').check();
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.waitForURL(/\/organisation\/users\?invited=1$/);
    await check(admin, 'partner-users');
    expect(await admin.locator('#users').textContent()).toContain(colleagueEmail);

    // A victim's referral, made through the citizen API with consent.
    const { referralId } = await referralFromVictim(stack, HARBOURLIGHT, 'Robin');

    // The colleague, without JavaScript, signs in and works the referral.
    const colleague = await (await context(false)).newPage();
    await firstSignIn(colleague, colleagueEmail);
    expect(await colleague.locator('#referrals').textContent()).toContain('Robin');
    await screenshot(colleague, 'partner-inbox', 'docs/images');
    await colleague.goto(`${stack.webUrl}/referrals/${referralId}`);
    await check(colleague, 'partner-referral');
    const contact = (await colleague.locator('#contact').textContent()) ?? '';
    expect(contact).toContain('07700 900123');
    expect(contact).toContain('heron');
    expect(contact).toContain('Do not leave a voicemail');
    await colleague.getByRole('button', { name: 'Save decision' }).click();
    await expectErrorSummary(colleague, 'Select whether you can take this referral on');
    await colleague.getByLabel('Yes, accept it').check();
    await colleague.getByRole('button', { name: 'Save decision' }).click();
    await colleague.waitForURL(new RegExp(`/referrals/${referralId}$`));
    await check(colleague);
    await colleague.getByRole('button', { name: 'Save record' }).click();
    await expectErrorSummary(colleague, 'Enter what happened');
    await colleague.getByLabel('Record contact or progress').fill('Texted Robin, then spoke on Tuesday.');
    await colleague.getByRole('button', { name: 'Save record' }).click();
    await check(colleague);
    await colleague.getByRole('button', { name: 'Close referral' }).click();
    await expectErrorSummary(colleague, 'Select the outcome of the support');
    await colleague.getByLabel('Support given', { exact: true }).check();
    await colleague.getByRole('button', { name: 'Close referral' }).click();
    await check(colleague);
    expect(await colleague.locator('#outcome').textContent()).toContain('Support given');
    const [row] = await stack.db.query('SELECT status, outcome FROM referral WHERE id = $1', [referralId]);
    expect(row).toEqual({ status: 'closed', outcome: 'support-given' });
    await colleague.goto(`${stack.webUrl}/referrals?status=closed`);
    await check(colleague);
    expect(await colleague.locator('#referrals').textContent()).toContain('Robin');

    // Portal reads are in the victim's access history: audited as partner reads, by this user, for the organisation.
    const reads = await stack.db.query(
      `SELECT actor_type, details->>'organisationId' AS organisation FROM audit_log
        WHERE action = 'referral.read' AND target_id = $1`,
      [referralId],
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(
      reads.every(
        (read: { actor_type: string; organisation: string }) =>
          read.actor_type === 'partner' && read.organisation === HARBOURLIGHT,
      ),
    ).toBe(true);

    // The administrator removes the colleague: the colleague's next page sends them to sign in.
    await admin.goto(`${stack.webUrl}/organisation/users`);
    await admin.getByRole('link', { name: `Remove ${colleagueEmail}` }).click();
    await check(admin);
    await admin.getByRole('button', { name: 'Remove' }).click();
    await admin.waitForURL(/\/organisation\/users$/);
    expect(await admin.locator('#users').textContent()).not.toContain(colleagueEmail);
    await colleague.goto(`${stack.webUrl}/referrals`);
    await colleague.waitForURL(/\/sign-in/);
    await admin.context().close();
    await colleague.context().close();
  }, 480_000);

  it.each([
    ['with JavaScript', () => withScript],
    ['without JavaScript', () => withoutScript],
  ])(
    'a referral vanishes from the inbox once the victim withdraws consent (%s)',
    async (_, contextOf) => {
      const email = unique('withdrawal');
      await request(stack.caseworkerApi.getHttpServer())
        .post(`/v1/support-organisations/${HARBOURLIGHT}/users`)
        .set('authorization', testStaff('administrator').authorization)
        .send({ email, role: 'caseworker' })
        .expect(201);
      const page = await (await context(contextOf() === withScript)).newPage();
      await firstSignIn(page, email);
      const name = `Alex${Date.now().toString(36)}`;
      const { referralId, authorization } = await referralFromVictim(stack, HARBOURLIGHT, name);
      await page.goto(`${stack.webUrl}/referrals`);
      expect(await page.locator('#referrals').textContent()).toContain(name);
      await page.goto(`${stack.webUrl}/referrals/${referralId}`);
      await check(page);
      await withdrawConsent(stack, authorization, HARBOURLIGHT);
      await page.reload();
      expect(await page.locator('h1').textContent()).toContain('Page not found');
      expect(await page.locator('main').textContent()).toContain('withdrawn their consent');
      await check(page, 'partner-referral-withdrawn');
      await page.goto(`${stack.webUrl}/referrals`);
      expect((await page.locator('main').textContent()) ?? '').not.toContain(name);
      // Another organisation's referral id, or nonsense, in the URL: the same page, and the attempt is audited.
      const other = await referralFromVictim(stack, organisationId('Kestrel Legal Advice Clinic'), 'Kim', [
        'emotional-support',
        'legal-help',
      ]);
      const response = await page.goto(`${stack.webUrl}/referrals/${other.referralId}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toContain('Page not found');
      const refused = await stack.db.query(
        `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'referral.access-refused' AND target_id = $1`,
        [other.referralId],
      );
      expect(refused.map((row: { reason: string }) => row.reason)).toContain('other-organisation');
      expect((await page.goto(`${stack.webUrl}/referrals/not-a-referral`))?.status()).toBe(404);
      await page.context().close();
    },
    180_000,
  );

  it('a user marks a service as not taking referrals, and the next proposal for a matching victim ranks it lower', async () => {
    const email = unique('directory');
    await request(stack.caseworkerApi.getHttpServer())
      .post(`/v1/support-organisations/${LANTERN}/users`)
      .set('authorization', testStaff('administrator').authorization)
      .send({ email, role: 'caseworker' })
      .expect(201);
    const page = await (await context(true)).newPage();
    await firstSignIn(page, email);
    // Practical help near NW1: Lantern (local, NW1) and Harbourlight (England and Wales) both meet the one need, so
    // Lantern leads by working locally (100 points) while both can take referrals (300 points each).
    const rankOfLantern = async () => {
      const { proposedOrganisations } = await referralFromVictim(stack, LANTERN, 'Sam', ['practical-help'], {
        consent: false,
      });
      return proposedOrganisations.indexOf(LANTERN);
    };
    const before = await rankOfLantern();
    expect(before).toBe(0);

    await page.getByRole('link', { name: 'Our directory entry' }).click();
    await page.waitForURL(/\/directory$/);
    await check(page, 'partner-directory');
    await page
      .getByRole('link', { name: /^Change/ })
      .first()
      .click();
    await check(page, 'partner-directory-service');
    await page.getByLabel('Youngest age you support (optional)').fill('sixteen');
    await page.getByLabel('Areas you cover').fill('Narnia');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectErrorSummary(page, 'Enter an age in years');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      '“Narnia” is not a local authority code',
    );
    await page.goto(page.url());
    await page.getByLabel('No, not taking new referrals now').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/directory\?updated=1$/);
    await check(page);
    expect(await page.locator('main').textContent()).toContain('No, not taking new referrals now');

    const after = await rankOfLantern();
    expect(after === -1 || after > before).toBe(true);

    // Back to taking referrals, so that other tests meet the directory as seeded.
    await page
      .getByRole('link', { name: /^Change/ })
      .first()
      .click();
    await page.getByLabel('Yes, taking new referrals').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/directory\?updated=1$/);
    await page.context().close();
  }, 180_000);
});
