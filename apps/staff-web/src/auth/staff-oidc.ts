import { Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { StaffWebConfig } from '../config.js';
import { staffRoles, type SignedInStaff, type StaffRole } from './staff-session.js';

/** The identity provider could not be reached (or its discovery document is unusable). */
export class ProviderUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the identity provider could not be reached', { cause });
    this.name = 'ProviderUnavailableError';
  }
}

const TEAM = /^[a-z0-9-]{1,64}$/;

/**
 * OpenID Connect with `openid-client`: discovery of the issuer (cached; retried after a failure), the
 * authorization code flow with PKCE, state and nonce, the ID token checked (signature by the provider's JWKS,
 * issuer, audience, expiry, nonce), roles and team from configured claims, and sign-out at the provider.
 */
@Injectable()
export class StaffOidc {
  private discovered?: Promise<client.Configuration>;

  constructor(private readonly config: StaffWebConfig) {}

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        new URL(this.config.OIDC_ISSUER),
        this.config.OIDC_CLIENT_ID,
        this.config.OIDC_CLIENT_SECRET,
        client.ClientSecretBasic(this.config.OIDC_CLIENT_SECRET),
        {
          execute: this.config.OIDC_ALLOW_HTTP === 'true' ? [client.allowInsecureRequests] : [],
          timeout: 5,
        },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new ProviderUnavailableError(error);
      });
    return this.discovered;
  }

  /** Where to send the person to sign in, and the secrets to keep in the session until they return. */
  async begin(): Promise<{ url: string; codeVerifier: string; state: string; nonce: string }> {
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.OIDC_REDIRECT_URL,
      scope: this.config.OIDC_SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, codeVerifier, state, nonce };
  }

  /** Exchanges the code (checking state, PKCE and nonce) and reads who signed in from the ID token. */
  async complete(
    callbackUrl: URL,
    expected: { codeVerifier: string; state: string; nonce: string },
  ): Promise<SignedInStaff | 'no-role'> {
    const configuration = await this.configuration();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof TypeError || (error as { code?: string }).code === 'OAUTH_TIMEOUT') {
        throw new ProviderUnavailableError(error);
      }
      throw error;
    }
    const claims = tokens.claims()!;
    const claimed = claims[this.config.OIDC_ROLES_CLAIM];
    const roles = Array.isArray(claimed)
      ? [...new Set(claimed.filter((role): role is StaffRole => (staffRoles as readonly unknown[]).includes(role)))]
      : [];
    if (!roles.length) return 'no-role';
    const team = claims[this.config.OIDC_TEAM_CLAIM];
    return {
      staffId: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      roles,
      team: typeof team === 'string' && TEAM.test(team) ? team : null,
      accessToken: tokens.access_token,
      idToken: tokens.id_token!,
      accessExpiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
    };
  }

  /** The provider's end-session address (RP-initiated logout), or null when the provider has none. */
  async endSessionUrl(idToken: string | undefined): Promise<string | null> {
    const configuration = await this.configuration().catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: this.config.OIDC_POST_LOGOUT_REDIRECT_URL,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }
}
