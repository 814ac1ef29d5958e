import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProviderUnavailableError, StaffOidc } from './staff-oidc.js';
import { safeReturnPath, StaffSession } from './staff-session.js';
import { StaffWebConfig } from '../config.js';

/** Sign in at the organisation's OpenID Connect provider, and sign out there too. */
@Controller()
export class SignInController {
  constructor(
    private readonly oidc: StaffOidc,
    private readonly session: StaffSession,
    private readonly config: StaffWebConfig,
  ) {}

  @Get()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return reply.redirect(this.session.current(request) ? '/work' : '/sign-in', 303);
  }

  @Get('sign-in')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo, '/work');
    if (this.session.current(request)) return reply.redirect(returnTo, 303);
    try {
      const { url, codeVerifier, state, nonce } = await this.oidc.begin();
      request.session.oidc = { codeVerifier, state, nonce, returnTo };
      return reply.redirect(url, 303);
    } catch (error) {
      if (error instanceof ProviderUnavailableError) {
        request.log.warn({ err: { name: error.name } }, 'identity provider unavailable');
        return reply.status(503).view('auth/provider-unavailable.njk', {});
      }
      throw error;
    }
  }

  @Get('sign-in/callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const expected = request.session.oidc;
    if (!expected) return reply.redirect('/sign-in', 303);
    request.session.oidc = undefined;
    const url = new URL(request.url, this.config.OIDC_REDIRECT_URL);
    let staff: Awaited<ReturnType<StaffOidc['complete']>>;
    try {
      staff = await this.oidc.complete(url, expected);
    } catch (error) {
      if (error instanceof ProviderUnavailableError) return reply.status(503).view('auth/provider-unavailable.njk', {});
      // A refused or tampered answer (state, nonce, PKCE, an error from the provider): say so, sign no one in.
      request.log.warn(
        { err: { name: (error as Error).name, code: (error as { code?: string }).code } },
        'sign-in refused',
      );
      return reply.status(400).view('auth/sign-in-failed.njk', {});
    }
    if (staff === 'no-role') return reply.status(403).view('auth/no-role.njk', {});
    await this.session.signIn(request, staff);
    return reply.redirect(safeReturnPath(expected.returnTo, '/work'), 303);
  }

  /** A form post (CSRF-checked): no other site can sign a staff member out with a link or an image. */
  @Post('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const idToken = request.session.staff?.idToken;
    await request.session.destroy();
    const endSession = idToken ? await this.oidc.endSessionUrl(idToken) : null;
    return reply.redirect(endSession ?? '/signed-out', 303);
  }

  @Get('signed-out')
  signedOut(@Res() reply: FastifyReply) {
    return reply.view('auth/signed-out.njk', {});
  }
}
