import { createPrivateKey, webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, createRemoteJWKSet, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import { WEB_REDIS } from '@redress/web';
import type { Redis } from 'ioredis';
import type { CitizenWebConfig } from '../config.js';

export const CITIZEN_WEB_CONFIG = Symbol('CITIZEN_WEB_CONFIG');

/** What a sign-in must remember between the redirect to One Login and the way back (kept in the session). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OneLoginSignIn {
  accessToken: string;
  expiresIn: number;
  idToken: string;
  subject: string;
  sessionId: string | null;
  /** The verified email from the user info, if One Login gave one. */
  email: string | null;
}

const BACK_CHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** A sign-in One Login completed but that does not meet what was asked (a low `vot`): the person is not signed in. */
export class InsufficientTrustError extends Error {}

/**
 * GOV.UK One Login through openid-client: authorization code flow with PKCE, state and nonce, `private_key_jwt`
 * client authentication, the vector of trust (`vtr`) asked for and the ID token's `vot` checked against it; the
 * user info's verified email; logout at the provider; back-channel logout tokens verified (jose) and their
 * sessions listed in Redis so they can be ended.
 */
@Injectable()
export class OneLoginClient {
  private configuration: Promise<oidc.Configuration> | null = null;
  private keys: ReturnType<typeof createRemoteJWKSet> | null = null;
  private readonly levels: string[];
  private readonly vtr: string[];

  constructor(
    @Inject(CITIZEN_WEB_CONFIG) private readonly config: CitizenWebConfig,
    @Inject(WEB_REDIS) private readonly redis: Redis,
  ) {
    this.levels = config.ONE_LOGIN_TRUST_LEVELS.split(',');
    this.vtr = JSON.parse(config.ONE_LOGIN_VTR) as string[];
  }

  get redirectUri(): string {
    return `${this.config.PUBLIC_URL}/sign-in/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.config.PUBLIC_URL}/signed-out`;
  }

  /** Discovery once (retried on the next sign-in if One Login could not be reached). */
  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const key = await webcrypto.subtle.importKey(
        'pkcs8',
        createPrivateKey(this.config.ONE_LOGIN_PRIVATE_KEY!).export({ type: 'pkcs8', format: 'der' }),
        this.config.ONE_LOGIN_PRIVATE_KEY_ALGORITHM === 'ES256'
          ? { name: 'ECDSA', namedCurve: 'P-256' }
          : this.config.ONE_LOGIN_PRIVATE_KEY_ALGORITHM === 'RS256'
            ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
            : { name: 'RSA-PSS', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return oidc.discovery(
        new URL(this.config.ONE_LOGIN_ISSUER!),
        this.config.ONE_LOGIN_CLIENT_ID!,
        { id_token_signed_response_alg: this.config.ONE_LOGIN_ID_TOKEN_ALGORITHM },
        oidc.PrivateKeyJwt({ key, kid: this.config.ONE_LOGIN_PRIVATE_KEY_ID }),
        // Plain http only for a local provider outside production (config refuses it in production).
        this.config.NODE_ENV === 'production' ? undefined : { execute: [oidc.allowInsecureRequests] },
      );
    })().catch((error: unknown) => {
      this.configuration = null;
      throw error;
    });
    return this.configuration;
  }

  /** The URL to send the browser to, and what to keep until it comes back. */
  async start(lang: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.discovered();
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.ONE_LOGIN_SCOPE,
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      vtr: this.config.ONE_LOGIN_VTR,
      // One Login's pages in the person's language (it has English and Welsh).
      ui_locales: lang === 'cy' ? 'cy' : 'en',
    });
    return { url, pending };
  }

  /** The way back: code exchanged (PKCE, state, nonce, ID token checked by openid-client), `vot` checked. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<OneLoginSignIn> {
    const configuration = await this.discovered();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    if (!this.trustIsEnough(claims.vot)) throw new InsufficientTrustError('vot below the vtr asked for');
    // The user info holds the email (One Login); a provider whose access token is for an API only may refuse it,
    // and then the ID token's own claims are used.
    const info: Record<string, unknown> = await oidc
      .fetchUserInfo(configuration, tokens.access_token, claims.sub)
      .catch(() => claims);
    return {
      accessToken: tokens.access_token,
      expiresIn: tokens.expires_in ?? 180,
      idToken: tokens.id_token!,
      subject: claims.sub,
      sessionId: typeof claims.sid === 'string' ? claims.sid : null,
      email: typeof info.email === 'string' && info.email_verified === true ? info.email : null,
    };
  }

  /** `vot` at least the lowest level of the `vtr` asked for. */
  private trustIsEnough(vot: unknown): boolean {
    const asked = Math.min(...this.vtr.map((level) => this.levels.indexOf(level)).filter((index) => index >= 0));
    return typeof vot === 'string' && this.levels.includes(vot) && this.levels.indexOf(vot) >= asked;
  }

  /** Where to send the browser to sign out at One Login too. */
  async endSessionUrl(idToken: string | undefined): Promise<URL | null> {
    const configuration = await this.discovered();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: this.postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }

  /** Remembers which web session a One Login subject (and session) is signed in to, for back-channel logout. */
  async remember(subject: string, webSessionId: string): Promise<void> {
    const key = this.subjectKey(subject);
    await this.redis
      .multi()
      .sadd(key, webSessionId)
      .expire(key, this.config.SESSION_IDLE_SECONDS * 4)
      .exec();
  }

  /**
   * A back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.6): signed by One Login, for us, with
   * the logout event, a subject, no nonce. Answers the web sessions of that subject (forgotten here).
   */
  async loggedOutSessions(logoutToken: string): Promise<string[]> {
    const configuration = await this.discovered();
    const metadata = configuration.serverMetadata();
    this.keys ??= createRemoteJWKSet(new URL(metadata.jwks_uri!));
    const { payload } = await jwtVerify(logoutToken, this.keys, {
      issuer: metadata.issuer,
      audience: this.config.ONE_LOGIN_CLIENT_ID!,
      algorithms: [this.config.ONE_LOGIN_ID_TOKEN_ALGORITHM],
      maxTokenAge: '5 minutes',
    });
    if (!isLogoutToken(payload)) throw new Error('not a logout token');
    const key = this.subjectKey(payload.sub);
    const sessions = await this.redis.smembers(key);
    await this.redis.del(key);
    return sessions;
  }

  private subjectKey(subject: string): string {
    return `${this.config.QUEUE_PREFIX}:one-login-subject:${subject}`;
  }
}

function isLogoutToken(payload: JWTPayload): payload is JWTPayload & { sub: string } {
  const events = payload.events as Record<string, unknown> | undefined;
  return (
    typeof payload.sub === 'string' &&
    payload.nonce === undefined &&
    typeof events === 'object' &&
    events !== null &&
    BACK_CHANNEL_EVENT in events
  );
}
