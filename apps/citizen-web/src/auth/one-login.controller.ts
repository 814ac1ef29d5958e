import { Controller, Get, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignInRequiredError } from '@redress/web';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';
import { CitizenSession, safeReturnPath } from './citizen-session.js';
import { InsufficientTrustError, OneLoginClient } from './one-login.client.js';

/**
 * Sign in through GOV.UK One Login (`CITIZEN_SIGN_IN=one-login`), in place of the emailed code: to One Login and
 * back, sign out here and at One Login, and One Login's back-channel logout ending this service's sessions.
 */
@Controller()
export class OneLoginController {
  private readonly logger = new Logger('OneLogin');

  constructor(
    @Inject(CITIZEN_API) private readonly api: CitizenApiClient,
    private readonly oneLogin: OneLoginClient,
    private readonly session: CitizenSession,
  ) {}

  @Get('sign-in')
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const returnTo = (request.query as Record<string, unknown>).returnTo;
    if (returnTo !== undefined) request.session.returnTo = safeReturnPath(returnTo, '/applications');
    if (this.session.isSignedIn(request)) return reply.redirect(request.session.returnTo ?? '/applications', 303);
    const { url, pending } = await this.oneLogin.start(request.session.lang ?? 'en');
    request.session.oneLogin = pending;
    return reply.redirect(url.href, 303);
  }

  @Get('sign-in/callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const pending = request.session.oneLogin;
    request.session.oneLogin = undefined;
    const query = request.query as Record<string, unknown>;
    // No sign-in under way (a bookmarked or replayed callback), or One Login says it did not happen.
    if (!pending || typeof query.error === 'string') {
      return reply.status(400).view('auth/one-login-problem.njk', { reason: 'notCompleted' });
    }
    const url = new URL(request.url, this.oneLogin.redirectUri);
    let signedIn;
    try {
      signedIn = await this.oneLogin.finish(url, pending);
    } catch (error) {
      const lowTrust = error instanceof InsufficientTrustError;
      // Never the tokens or the person: the kind of failure only.
      this.logger.warn({ reason: lowTrust ? 'vot' : (error as Error).name }, 'One Login sign-in refused');
      return reply.status(lowTrust ? 403 : 400).view('auth/one-login-problem.njk', {
        reason: lowTrust ? 'lowTrust' : 'notCompleted',
      });
    }
    // The citizen API must take the token too (it checks the access token, client and confidence itself): the
    // account is made, and the sign-in audited, now rather than at the first page that needs it.
    try {
      await this.api.GET('/v1/auth/me', { headers: { authorization: `Bearer ${signedIn.accessToken}` } });
    } catch (error) {
      if (!(error instanceof SignInRequiredError)) throw error;
      this.logger.warn({ reason: 'api-refused' }, 'One Login sign-in refused');
      return reply.status(400).view('auth/one-login-problem.njk', { reason: 'notCompleted' });
    }
    await this.session.signIn(request, {
      accessToken: signedIn.accessToken,
      refreshToken: '',
      expiresIn: signedIn.expiresIn,
      idToken: signedIn.idToken,
      ...(signedIn.email ? { verifiedEmail: signedIn.email } : {}),
    });
    await this.oneLogin.remember(signedIn.subject, request.session.sessionId);
    const next = safeReturnPath(request.session.returnTo, '/applications');
    request.session.returnTo = undefined;
    return reply.redirect(next, 303);
  }

  /** Signs out here, then at One Login (which comes back to /signed-out). */
  @Get('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const idToken = request.session.citizen?.idToken;
    await this.session.signOut(request);
    const endSession = idToken ? await this.oneLogin.endSessionUrl(idToken).catch(() => null) : null;
    return reply.redirect(endSession?.href ?? '/signed-out', 303);
  }

  /** One Login tells us a person signed out elsewhere: their sessions here end. Server to server, no CSRF token. */
  @Post('sign-in/back-channel-logout')
  @RouteConfig({ csrfInHandler: true })
  async backChannelLogout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const logoutToken = (request.body as Record<string, unknown> | undefined)?.logout_token;
    if (typeof logoutToken !== 'string' || logoutToken.length > 8192) {
      return reply.status(400).header('cache-control', 'no-store').send({ error: 'invalid_request' });
    }
    let sessions: string[];
    try {
      sessions = await this.oneLogin.loggedOutSessions(logoutToken);
    } catch {
      return reply.status(400).header('cache-control', 'no-store').send({ error: 'invalid_request' });
    }
    await Promise.all(
      sessions.map(
        (sessionId) =>
          new Promise<void>((resolve, reject) =>
            request.sessionStore.destroy(sessionId, (error?: unknown) =>
              error ? reject(error instanceof Error ? error : new Error('session store failed')) : resolve(),
            ),
          ),
      ),
    );
    return reply.status(200).header('cache-control', 'no-store').send();
  }
}
