import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CitizenStack } from './support/citizen-web.js';
import type { TestOidcProvider } from './support/oidc-provider.js';
import { ONE_LOGIN_CLIENT_ID as CLIENT_ID, startOneLoginStack, type OneLoginStack } from './support/one-login.js';

/**
 * The citizen web service signing citizens in through GOV.UK One Login (here a local oidc-provider configured as One
 * Login is), over HTTP as a browser would: a cookie jar per host, redirects followed by hand.
 */

class Agent {
  private readonly jars = new Map<string, Map<string, string>>();

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    this.jars.set(target.host, jar);
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  /** Follows redirects until a page answers or a redirect leaves for `stopAt` (a URL prefix). */
  async follow(url: string | URL, stopAt?: string): Promise<{ response: Response; url: URL }> {
    let next = new URL(url);
    for (let hop = 0; hop < 15; hop += 1) {
      const response = await this.request(next);
      const location = response.headers.get('location');
      if (!location) return { response, url: next };
      next = new URL(location, next);
      if (stopAt && next.href.startsWith(stopAt)) return { response, url: next };
    }
    throw new Error('too many redirects');
  }
}

describe('citizen web: sign in through GOV.UK One Login', () => {
  let provider: TestOidcProvider;
  let stack: CitizenStack;
  let webUrl: string;

  let oneLogin: OneLoginStack;
  beforeAll(async () => {
    oneLogin = await startOneLoginStack();
    ({ provider, stack, webUrl } = oneLogin);
  });
  afterAll(async () => {
    await oneLogin.close();
  });

  /** Signs a new person in; answers the agent (their browser) and their subject. */
  async function signIn(account: Parameters<TestOidcProvider['account']>[1] = {}) {
    const agent = new Agent();
    const subject = provider.account(`urn:fdc:gov.uk:2022:${randomUUID()}`, account);
    provider.nextSubject = subject;
    const { response, url } = await agent.follow(`${webUrl}/sign-in`, `${webUrl}/applications`);
    return { agent, subject, response, url };
  }
  const isSignedIn = async (agent: Agent) =>
    (await agent.request(`${webUrl}/sign-in`)).headers.get('location') === '/applications';

  it('asks One Login for a code with PKCE, state, nonce and the vtr, and signs the person in', async () => {
    const agent = new Agent();
    const start = await agent.request(`${webUrl}/sign-in`);
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.href.startsWith(provider.issuer)).toBe(true);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${webUrl}/sign-in/callback`,
      code_challenge_method: 'S256',
      vtr: '["Cl.Cm"]',
      scope: 'openid email',
      ui_locales: 'en',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(authorize.searchParams.get(name)!.length).toBeGreaterThanOrEqual(43);
    }

    const { url, subject } = await signIn({ email: 'sam@example.test' });
    expect(url.href).toBe(`${webUrl}/applications`);
    // The citizen API took the provider's access token: the account exists, keyed by issuer and subject.
    const accounts = await stack.api
      .get(DataSource)
      .query('SELECT external_issuer FROM citizen_account WHERE external_subject = $1', [subject]);
    expect(accounts).toEqual([{ external_issuer: provider.issuer }]);
  });

  it('refuses a sign-in below the trust asked for (vot Cl for vtr Cl.Cm): the person is not signed in', async () => {
    const { agent, response, url } = await signIn({ vot: 'Cl' });
    expect(url.pathname).toBe('/sign-in/callback');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('You need to sign in with a security code');
    expect(await isSignedIn(agent)).toBe(false);
  });

  it('refuses a callback with no sign-in under way (replayed or forged) with a page, not an error', async () => {
    const agent = new Agent();
    const response = await agent.request(`${webUrl}/sign-in/callback?code=forged&state=forged`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('You have not signed in');
  });

  it('signs out here and sends the person to One Login’s end session endpoint with the ID token hint', async () => {
    const { agent } = await signIn();
    expect(await isSignedIn(agent)).toBe(true);
    const out = await agent.request(`${webUrl}/sign-out`);
    const endSession = new URL(out.headers.get('location')!);
    expect(endSession.href.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${webUrl}/signed-out`);
    expect(await isSignedIn(agent)).toBe(false);
  });

  it('ends the session here when the person signs out at One Login (back-channel logout)', async () => {
    const { agent } = await signIn();
    const other = await signIn();
    expect(await isSignedIn(agent)).toBe(true);
    // Signing out at One Login itself: its confirmation form, then One Login calls us back-channel.
    const form = await agent.request(`${provider.issuer}/session/end`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const confirmed = await agent.request(`${provider.issuer}/session/end/confirm`, { form: { xsrf, logout: 'yes' } });
    expect([200, 302, 303]).toContain(confirmed.status);
    expect(await isSignedIn(agent)).toBe(false);
    expect(await isSignedIn(other.agent)).toBe(true);
  });

  it('refuses a back-channel logout token that One Login did not sign', async () => {
    const agent = new Agent();
    const response = await agent.request(`${webUrl}/sign-in/back-channel-logout`, {
      form: { logout_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    });
    expect(response.status).toBe(400);
  });
});
