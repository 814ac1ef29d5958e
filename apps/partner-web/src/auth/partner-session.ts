import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { SignInRequiredError } from '@redress/web';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import type { PartnerWebConfig } from '../config.js';

export const PARTNER_WEB_CONFIG = Symbol('PARTNER_WEB_CONFIG');

declare module 'fastify' {
  interface Session {
    /** The signed-in partner user: the API's access token stays on the server, never in the browser. */
    partner?: {
      accessToken: string;
      signedInAt: number;
      userId: string;
      role: 'administrator' | 'caseworker';
    };
    /** A sign-in in progress: the API's challenge and the address the code went to. */
    partnerSignIn?: { challenge: string; email: string; step: 'code' | 'totp-setup' | 'totp' };
    /** The recovery codes of a second factor just set up, shown once on the next page. */
    recoveryCodes?: string[];
  }
}

export function t(reply: FastifyReply): TFunction {
  return reply.locals.t as TFunction;
}

/** The signed-in partner user of a request; sessions end after the idle time (the cookie) or 12 hours at most. */
@Injectable()
export class PartnerSession {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    @Inject(PARTNER_WEB_CONFIG) private readonly config: PartnerWebConfig,
  ) {}

  /** The signed-in user, or null; a session older than the maximum is ended here. */
  async current(request: FastifyRequest) {
    const partner = request.session.partner;
    if (!partner) return null;
    if (Date.now() - partner.signedInAt > this.config.SESSION_MAX_SECONDS * 1000) {
      await this.signOut(request);
      return null;
    }
    return partner;
  }

  /** Starts the signed-in session under a new session id (no fixation). */
  async signIn(
    request: FastifyRequest,
    issued: { accessToken: string; user: { id: string; role: 'administrator' | 'caseworker' } },
  ): Promise<void> {
    await request.session.regenerate();
    request.session.partner = {
      accessToken: issued.accessToken,
      signedInAt: Date.now(),
      userId: issued.user.id,
      role: issued.user.role,
    };
  }

  /** Headers for an API call as the signed-in user; a signed-out person is sent to sign in. */
  async headers(request: FastifyRequest): Promise<{ authorization: string }> {
    const partner = await this.current(request);
    if (!partner) throw new SignInRequiredError();
    return { authorization: `Bearer ${partner.accessToken}` };
  }

  async signOut(request: FastifyRequest): Promise<void> {
    const partner = request.session.partner;
    if (partner) {
      await this.api
        .POST('/v1/partner/auth/sign-out', { headers: { authorization: `Bearer ${partner.accessToken}` } })
        .catch(() => undefined);
    }
    await request.session.destroy();
  }
}
