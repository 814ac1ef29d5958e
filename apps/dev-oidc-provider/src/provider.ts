import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { DevOidcProviderConfig } from './config.js';
import { errorPage, signedOutPage, signInPage, signOutPage } from './pages.js';
import { developmentUsers, findDevelopmentUser } from './users.js';

/** The OIDC scope that puts the roles and team claims in the ID token. */
export const STAFF_SCOPE = 'staff';
/** The caseworker API's scope: asking for it gets a JWT access token whose audience is the API. */
export const CASEWORK_SCOPE = 'casework';

export interface DevOidcProvider {
  readonly issuer: string;
  readonly server: Server;
  close(): Promise<void>;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function configuration(config: DevOidcProviderConfig): Configuration {
  const audience = config.STAFF_TOKEN_AUDIENCE;
  const resource = config.STAFF_API_RESOURCE;
  // A new signing key at every start: nothing secret is committed, and old tokens die with the process.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `dev-${randomBytes(6).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
  const staffClaims = (sub: string) => {
    const user = findDevelopmentUser(sub);
    if (!user) return {};
    return {
      [config.STAFF_ROLES_CLAIM]: [...user.roles],
      [config.STAFF_TEAM_CLAIM]: config.DEV_USERS_TEAM || user.team,
    };
  };
  return {
    clients: [
      {
        client_id: config.OIDC_CLIENT_ID,
        client_secret: config.OIDC_CLIENT_SECRET,
        client_name: 'Redress staff web service',
        redirect_uris: config.OIDC_REDIRECT_URIS.split(',').map((uri) => uri.trim()),
        post_logout_redirect_uris: config.OIDC_POST_LOGOUT_REDIRECT_URIS.split(',').map((uri) => uri.trim()),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', STAFF_SCOPE],
    claims: { openid: ['sub'], profile: ['name'], [STAFF_SCOPE]: [config.STAFF_ROLES_CLAIM, config.STAFF_TEAM_CLAIM] },
    // Roles and team in the ID token itself (as Entra ID puts app roles there), not only at userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: config.ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: CASEWORK_SCOPE,
            audience,
            accessTokenTTL: config.ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: (_ctx, sub) => {
      const user = findDevelopmentUser(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: user.name, ...staffClaims(sub) }) };
    },
    // The caseworker API reads roles and team from its access token.
    extraTokenClaims: (_ctx, token) =>
      token.kind === 'AccessToken' && token.accountId ? staffClaims(token.accountId) : undefined,
    // First-party client: consent is implied (oidc-provider's "skip consent" recipe).
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!session.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(`openid profile ${STAFF_SCOPE}`);
      grant.addResourceScope(resource, CASEWORK_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(typeof out.error === 'string' ? out.error : 'error');
    },
  };
}

/**
 * A real OpenID Connect provider (`oidc-provider`) for development and tests: a sign-in page listing development
 * staff, the authorization code flow with PKCE, RS256 JWT access tokens for the caseworker API (audience, issuer,
 * roles and team as it expects), RP-initiated logout. Never for production (the config refuses it).
 */
export async function startDevOidcProvider(config: DevOidcProviderConfig): Promise<DevOidcProvider> {
  if (!['development', 'test'].includes(config.NODE_ENV)) {
    throw new Error('the development OIDC provider refuses to run unless NODE_ENV is development or test');
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = config.OIDC_ISSUER || `http://${config.HOST}:${port}`;
  const provider = new Provider(issuer, configuration(config));
  const callback = provider.callback();
  const users = developmentUsers.map((user) => ({ ...user, team: config.DEV_USERS_TEAM || user.team }));

  async function interaction(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const uid = details.uid;
    if (request.method === 'GET' && path === `/interaction/${uid}`) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(signInPage(uid, users));
      return;
    }
    if (request.method === 'POST' && path === `/interaction/${uid}/login`) {
      const user = findDevelopmentUser((await readForm(request)).get('user') ?? '');
      if (!user) {
        response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        response.end(signInPage(uid, users));
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: user.sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    response.writeHead(404).end();
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (!path.startsWith('/interaction/')) {
      void callback(request, response);
      return;
    }
    interaction(request, response, path).catch(() => {
      if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(errorPage('invalid_request'));
    });
  });

  return {
    issuer,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
