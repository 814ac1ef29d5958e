import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, isLanguage, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';
import { CitizenSession, safeReturnPath } from './citizen-session.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The page's language: the sign-in code email is sent in it. */
function pageLanguage(reply: FastifyReply): string {
  return isLanguage(reply.locals.lang) ? reply.locals.lang : 'en';
}

function t(reply: FastifyReply): TFunction {
  return reply.locals.t as TFunction;
}

/** Sign in with a code emailed to the person: email page, code page, a new code, too many tries, sign out. */
@Controller()
export class SignInController {
  constructor(
    @Inject(CITIZEN_API) private readonly api: CitizenApiClient,
    private readonly session: CitizenSession,
  ) {}

  @Get('sign-in')
  async emailPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const returnTo = (request.query as Record<string, unknown>).returnTo;
    if (returnTo !== undefined) request.session.returnTo = safeReturnPath(returnTo, '/applications');
    if (this.session.isSignedIn(request)) return reply.redirect(request.session.returnTo ?? '/applications', 303);
    return reply.view('auth/email.njk', { email: request.session.signInEmail ?? '' });
  }

  @Post('sign-in')
  async sendCode(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const email = field(request.body as FormBody, 'email');
    const problem = !email ? 'required' : email.length > 254 || !EMAIL.test(email) ? 'invalid' : undefined;
    if (problem) {
      return reply.status(400).view('auth/email.njk', {
        email,
        errors: formErrors([{ field: 'email', text: t(reply)(`signIn.email.errors.${problem}`) }]),
      });
    }
    const { response } = await this.api.POST('/v1/auth/codes', {
      body: { email },
      headers: { 'accept-language': pageLanguage(reply) },
    });
    if (response.status === 400) {
      return reply.status(400).view('auth/email.njk', {
        email,
        errors: formErrors([{ field: 'email', text: t(reply)('signIn.email.errors.invalid') }]),
      });
    }
    request.session.signInEmail = email;
    return reply.redirect('/sign-in/code', 303);
  }

  @Get('sign-in/code')
  async codePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!request.session.signInEmail) return reply.redirect('/sign-in', 303);
    return reply.view('auth/code.njk', { email: request.session.signInEmail });
  }

  @Post('sign-in/code')
  async checkCode(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const email = request.session.signInEmail;
    if (!email) return reply.redirect('/sign-in', 303);
    const code = field(request.body as FormBody, 'code').replace(/\s+/g, '');
    const problem = !code ? 'required' : !/^\d{6}$/.test(code) ? 'format' : undefined;
    if (problem) {
      return reply.status(400).view('auth/code.njk', {
        email,
        errors: formErrors([{ field: 'code', text: t(reply)(`signIn.code.errors.${problem}`) }]),
      });
    }
    try {
      const { data, response } = await this.api.POST('/v1/auth/tokens', { body: { email, code } });
      if (!response.ok || !data) {
        return reply.status(400).view('auth/code.njk', {
          email,
          errors: formErrors([{ field: 'code', text: t(reply)('signIn.code.errors.wrong') }]),
        });
      }
      await this.session.signIn(request, data);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 429) return reply.redirect('/sign-in/too-many-tries', 303);
      throw error;
    }
    const next = safeReturnPath(request.session.returnTo, '/applications');
    request.session.returnTo = undefined;
    return reply.redirect(next, 303);
  }

  @Get('sign-in/resend')
  async resendPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!request.session.signInEmail) return reply.redirect('/sign-in', 303);
    return reply.view('auth/resend.njk', { email: request.session.signInEmail });
  }

  @Post('sign-in/resend')
  async resend(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const email = request.session.signInEmail;
    if (!email) return reply.redirect('/sign-in', 303);
    await this.api.POST('/v1/auth/codes', { body: { email }, headers: { 'accept-language': pageLanguage(reply) } });
    return reply.redirect('/sign-in/code', 303);
  }

  @Get('sign-in/too-many-tries')
  async tooManyTries(@Res() reply: FastifyReply) {
    return reply.status(429).view('auth/too-many-tries.njk', {});
  }

  @Get('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.session.signOut(request);
    return reply.redirect('/signed-out', 303);
  }
}
