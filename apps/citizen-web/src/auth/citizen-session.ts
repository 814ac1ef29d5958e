import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SignInRequiredError } from '@redress/web';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';

declare module 'fastify' {
  interface Session {
    /** The citizen API's tokens: kept on the server, never sent to the browser. */
    citizen?: {
      accessToken: string;
      /** Empty for One Login, which gives no refresh token: the person signs in again when the token runs out. */
      refreshToken: string;
      accessExpiresAt: number;
      signedInAt: number;
      /** One Login's ID token, the hint of the logout at One Login. */
      idToken?: string;
      /** The verified email One Login gave, for the contact address where the person gives no other. */
      verifiedEmail?: string;
    };
    /** Between the redirect to One Login and the way back: state, nonce and PKCE verifier. */
    oneLogin?: { state: string; nonce: string; codeVerifier: string };
    /** The address a code was sent to, between the email page and the code page. */
    signInEmail?: string;
    /** Where to go after signing in (a path of this service only). */
    returnTo?: string;
  }
}

/** Refresh a little before the access token runs out, so no API call meets an expired one. */
const REFRESH_MARGIN_MS = 60_000;

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  idToken?: string;
  verifiedEmail?: string;
}

/** The signed-in citizen of a request: their bearer token for the API, refreshed when it is about to expire. */
@Injectable()
export class CitizenSession {
  constructor(@Inject(CITIZEN_API) private readonly api: CitizenApiClient) {}

  isSignedIn(request: FastifyRequest): boolean {
    return Boolean(request.session.citizen);
  }

  /** Starts the signed-in session: a new session id (no fixation), the tokens kept server-side. */
  async signIn(request: FastifyRequest, tokens: SessionTokens): Promise<void> {
    const { lang, returnTo } = request.session;
    await request.session.regenerate();
    request.session.lang = lang;
    request.session.returnTo = returnTo;
    request.session.citizen = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessExpiresAt: Date.now() + tokens.expiresIn * 1000,
      signedInAt: Date.now(),
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      ...(tokens.verifiedEmail ? { verifiedEmail: tokens.verifiedEmail } : {}),
    };
    await this.settleLanguage(request);
  }

  /**
   * On signing in, one language for the page and the account: a choice made with the toggle on this visit is the
   * latest, so it is saved on the account; otherwise the account's choice is the page's. Neither stops signing in.
   */
  private async settleLanguage(request: FastifyRequest): Promise<void> {
    const headers = { authorization: `Bearer ${request.session.citizen!.accessToken}` };
    try {
      if (request.session.lang) {
        await this.saveLanguage(request, request.session.lang);
      } else {
        const { data } = await this.api.GET('/v1/me/preferences', { headers });
        if (data) request.session.lang = data.preferredLanguage;
      }
    } catch (error) {
      request.log.warn({ err: error }, 'the language choice could not be read or saved on the account');
    }
  }

  /** Saves the person's language on their account (and so on their claims), when they are signed in. */
  async saveLanguage(request: FastifyRequest, language: 'en' | 'cy'): Promise<void> {
    if (!this.isSignedIn(request)) return;
    await this.api.PUT('/v1/me/preferences', {
      body: { preferredLanguage: language },
      headers: await this.headers(request),
    });
  }

  /** `Bearer <token>` for the API; a page that needs it sends a signed-out person to sign in. */
  async authorization(request: FastifyRequest): Promise<string> {
    const citizen = request.session.citizen;
    if (!citizen) throw new SignInRequiredError();
    if (citizen.accessExpiresAt - REFRESH_MARGIN_MS > Date.now()) return `Bearer ${citizen.accessToken}`;
    if (!citizen.refreshToken) {
      request.session.citizen = undefined;
      throw new SignInRequiredError();
    }
    const { data, response } = await this.api.POST('/v1/auth/refresh', {
      body: { refreshToken: citizen.refreshToken },
    });
    if (!response.ok || !data) {
      request.session.citizen = undefined;
      throw new SignInRequiredError();
    }
    request.session.citizen = {
      ...citizen,
      accessToken: data.accessToken,
      refreshToken: data.refreshToken,
      accessExpiresAt: Date.now() + data.expiresIn * 1000,
    };
    return `Bearer ${data.accessToken}`;
  }

  /** Headers for an API call on the person's behalf, in their language. */
  async headers(request: FastifyRequest): Promise<{ authorization: string; 'accept-language': string }> {
    return { authorization: await this.authorization(request), 'accept-language': request.session.lang ?? 'en' };
  }

  /** Ends the API session and this one. */
  async signOut(request: FastifyRequest): Promise<void> {
    const citizen = request.session.citizen;
    if (citizen?.refreshToken) {
      await this.api
        .POST('/v1/auth/sign-out', {
          body: { refreshToken: citizen.refreshToken },
          headers: { authorization: `Bearer ${citizen.accessToken}` },
        })
        .catch(() => undefined);
    }
    await request.session.destroy();
  }
}

/** A path of this service to go back to, or the default: never another site (no open redirect). */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])[A-Za-z0-9/_\-?=&.%]*$/.test(value) ? value : fallback;
}
