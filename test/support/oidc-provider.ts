import { randomUUID, webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type AccessToken, type ClientCredentials, type ClientMetadata } from 'oidc-provider';
import * as oidcClient from 'openid-client';

/**
 * A real OpenID Connect provider (`oidc-provider`) for tests, on a free port of 127.0.0.1, configurable to behave
 * like GOV.UK One Login (ES256 ID tokens, `private_key_jwt`, `vtr` asked for and `vot` given) or like Microsoft
 * Entra ID (`oid`, `roles`, `groups` in access tokens). Sign-in is headless: the login hint names the account and
 * the interaction is finished at once (login and consent), so a test runs the authorization code flow with PKCE
 * through the provider's real endpoints and gets the tokens the provider signs.
 */

type CryptoKey = webcrypto.CryptoKey;

export interface TestAccount {
  email?: string;
  emailVerified?: boolean;
  /** The confidence level the person reached (One Login's `vot`), in the ID token and the access token. */
  vot?: string;
  /** Further access token claims (Entra's `oid`, `roles`, `groups`...), computed at each issue. */
  accessTokenClaims?: () => Record<string, unknown>;
}

export interface TestProviderOptions {
  /** Signing algorithm of ID tokens (One Login: ES256). */
  idTokenAlg?: 'ES256' | 'RS256';
  /** Signing algorithm of JWT access tokens. */
  accessTokenAlg?: 'ES256' | 'RS256';
  /** The resource indicator access tokens are issued for (`aud` unless `audience` is given). */
  resource?: string;
  audience?: string;
  /** The resource's scope granted at sign-in, in the access token's `scope`. */
  resourceScope?: string;
  /** More clients (the web service under test), as oidc-provider client metadata. */
  clients?: Array<Record<string, unknown>>;
}

export const TEST_CLIENT_ID = 'redress-test-client';
export const MACHINE_CLIENT_ID = 'redress-machine-client';
const TEST_REDIRECT_URI = 'http://127.0.0.1/test-client/callback';

interface SigningKey {
  jwk: JWK;
}

/**
 * A JWK as a plain object of this realm: WebCrypto's export builds it in Node's own realm, which oidc-provider's
 * plain-object check (under jest's module realm) does not recognise.
 */
async function plainJwk(key: CryptoKey, extra: Partial<JWK>): Promise<JWK> {
  return JSON.parse(JSON.stringify({ ...(await exportJWK(key)), ...extra })) as JWK;
}

async function newSigningKey(alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { jwk: await plainJwk(privateKey, { kid: `${alg.toLowerCase()}-${randomUUID()}`, alg, use: 'sig' }) };
}

export class TestOidcProvider {
  readonly accounts = new Map<string, TestAccount>();
  /** Who signs in when the client sends no login hint (a web service under test): the next sign-in's subject. */
  nextSubject = 'anonymous-test-person';
  /** How many times the JWKS was asked for. */
  jwksRequests = 0;
  private server: Server | null = null;
  private signingKeys: SigningKey[] = [];
  private testClient!: { config: oidcClient.Configuration };
  private testClientKey!: CryptoKey;
  private testClientJwk!: JWK;
  private port = 0;
  /** Clients' public keys, served at /client-jwks/<client id>: oidc-provider's structuredClone of inline `jwks` makes
   * objects of Node's realm, which its plain-object check under jest's module realm refuses. */
  private readonly clientJwks = new Map<string, JWK[]>();

  private constructor(
    private readonly options: Required<Omit<TestProviderOptions, 'audience'>> & { audience: string },
  ) {}

  static async start(options: TestProviderOptions = {}): Promise<TestOidcProvider> {
    const resource = options.resource ?? 'https://api.redress.test/citizen';
    const provider = new TestOidcProvider({
      idTokenAlg: options.idTokenAlg ?? 'ES256',
      accessTokenAlg: options.accessTokenAlg ?? 'ES256',
      resource,
      audience: options.audience ?? resource,
      resourceScope: options.resourceScope ?? 'redress',
      clients: options.clients ?? [],
    });
    const algs = new Set([provider.options.idTokenAlg, provider.options.accessTokenAlg]);
    provider.signingKeys = await Promise.all([...algs].map(newSigningKey));
    const clientKeys = await generateKeyPair('ES256', { extractable: true });
    provider.testClientKey = clientKeys.privateKey;
    provider.testClientJwk = await plainJwk(clientKeys.publicKey, { kid: 'test-client-key', alg: 'ES256' });
    await provider.listen();
    provider.testClient = {
      config: await oidcClient.discovery(
        new URL(provider.issuer),
        TEST_CLIENT_ID,
        { id_token_signed_response_alg: provider.options.idTokenAlg },
        oidcClient.PrivateKeyJwt({ key: provider.testClientKey, kid: 'test-client-key' }),
        { execute: [oidcClient.allowInsecureRequests] },
      ),
    };
    return provider;
  }

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** The key ids the provider signs with now (first: the one in use). */
  get keyIds(): string[] {
    return this.signingKeys.map((key) => key.jwk.kid!);
  }

  /** Registers (or replaces) the person a login hint names. */
  account(subject: string, account: TestAccount = {}): string {
    this.accounts.set(subject, account);
    return subject;
  }

  /**
   * Signs the account in through the authorization code flow with PKCE, state and nonce (the test client
   * authenticates with `private_key_jwt`) and answers the provider's tokens.
   */
  async signIn(
    subject: string,
    options: { vtr?: string; scope?: string } = {},
  ): Promise<{ accessToken: string; idToken: string }> {
    if (!this.accounts.has(subject)) this.account(subject);
    const { config } = this.testClient;
    const verifier = oidcClient.randomPKCECodeVerifier();
    const state = oidcClient.randomState();
    const nonce = oidcClient.randomNonce();
    const url = oidcClient.buildAuthorizationUrl(config, {
      redirect_uri: TEST_REDIRECT_URI,
      scope: options.scope ?? `openid email ${this.options.resourceScope}`,
      code_challenge: await oidcClient.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: subject,
      resource: this.options.resource,
      ...(options.vtr ? { vtr: options.vtr } : {}),
    });
    const callback = await this.followToRedirect(url, TEST_REDIRECT_URI);
    const tokens = await oidcClient.authorizationCodeGrant(
      config,
      callback,
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
      { resource: this.options.resource },
    );
    return { accessToken: tokens.access_token, idToken: tokens.id_token! };
  }

  /** A client-credentials access token of the machine client: no person behind it. */
  async clientCredentialsToken(): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${MACHINE_CLIENT_ID}:machine-secret-of-the-tests`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: this.options.resourceScope,
        resource: this.options.resource,
      }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`client credentials refused: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  /** A new signing key, used from now on; the old ones stay in the JWKS unless withdrawn. */
  async rotateKeys(options: { withdrawOld: boolean }): Promise<void> {
    const fresh = await Promise.all(
      [...new Set([this.options.idTokenAlg, this.options.accessTokenAlg])].map(newSigningKey),
    );
    this.signingKeys = options.withdrawOld ? fresh : [...fresh, ...this.signingKeys];
    await this.stop();
    await this.listen();
  }

  /** Stops answering (an outage); `listen()` brings it back on the same port. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  async listen(): Promise<void> {
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
    const server = createServer((req, res) => handle(req, res));
    // The port first (a free one, or the same again after a stop): the issuer names it.
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    const provider = this.newProvider();
    const callback = provider.callback();
    handle = (req, res) => {
      if (req.url === '/jwks') this.jwksRequests += 1;
      const clientJwks = /^\/client-jwks\/([^/?]+)$/.exec(req.url ?? '');
      if (clientJwks) {
        const keys = this.clientJwks.get(decodeURIComponent(clientJwks[1]!));
        res.writeHead(keys ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
      } else if (req.url?.startsWith('/interaction/')) {
        this.finishInteraction(provider, req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      } else {
        void callback(req, res);
      }
    };
    this.server = server;
  }

  /** Follows the provider's redirects (with its cookies) until one goes to the redirect URI; answers that URL. */
  async followToRedirect(start: URL, redirectUri: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let next = start;
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await fetch(next, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`provider answered ${response.status}: ${await response.text()}`);
      next = new URL(location, next);
      if (next.href.startsWith(redirectUri)) return next;
    }
    throw new Error('too many redirects');
  }

  private async finishInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const params = details.params as Record<string, string | undefined>;
    const accountId = params.login_hint ?? this.nextSubject;
    if (!this.accounts.has(accountId)) this.account(accountId);
    const grant = new provider.Grant({ accountId, clientId: params.client_id! });
    grant.addOIDCScope(params.scope ?? 'openid');
    grant.addResourceScope(this.options.resource, this.options.resourceScope);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  private newProvider(): Provider {
    const { options } = this;
    const account = (subject: string) => this.accounts.get(subject) ?? {};
    const clients = [
      {
        client_id: TEST_CLIENT_ID,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [this.testClientJwk] },
        redirect_uris: [TEST_REDIRECT_URI],
        id_token_signed_response_alg: options.idTokenAlg,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: MACHINE_CLIENT_ID,
        client_secret: 'machine-secret-of-the-tests',
        id_token_signed_response_alg: options.idTokenAlg,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      ...options.clients,
    ].map(({ jwks, ...client }) => {
      if (!jwks) return client;
      const clientId = String(client.client_id);
      this.clientJwks.set(clientId, (jwks as { keys: JWK[] }).keys);
      return { ...client, jwks_uri: `${this.issuer}/client-jwks/${encodeURIComponent(clientId)}` };
    });
    return new Provider(this.issuer, {
      clients: clients as unknown as ClientMetadata[],
      jwks: { keys: this.signingKeys.map((key) => key.jwk) },
      cookies: { keys: ['test-only-cookie-key-of-the-oidc-provider'] },
      pkce: { required: () => true },
      conformIdTokenClaims: false,
      claims: { openid: ['sub', 'vot'], email: ['email', 'email_verified'] },
      extraParams: ['vtr'],
      enabledJWA: {
        idTokenSigningAlgValues: ['ES256', 'RS256'],
        clientAuthSigningAlgValues: ['ES256', 'RS256'],
      },
      findAccount: (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: () => {
          const person = account(sub);
          return {
            sub,
            vot: person.vot ?? 'Cl.Cm',
            ...(person.email ? { email: person.email, email_verified: person.emailVerified ?? true } : {}),
          };
        },
      }),
      extraTokenClaims: (_ctx: unknown, token: AccessToken | ClientCredentials) => {
        if (!('accountId' in token) || !token.accountId) return undefined;
        const person = account(token.accountId);
        return { vot: person.vot ?? 'Cl.Cm', ...(person.accessTokenClaims?.() ?? {}) };
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      routes: { jwks: '/jwks' },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        backchannelLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => options.resource,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: options.resourceScope,
            audience: options.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 300,
            jwt: { sign: { alg: options.accessTokenAlg } },
          }),
        },
      },
      ttl: { AccessToken: 300, IdToken: 300, ClientCredentials: 300, Interaction: 300, Session: 3600, Grant: 3600 },
    });
  }
}
