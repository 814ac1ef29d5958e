import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, type FormBody } from '@redress/web';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { PartnerSession, t } from './partner-session.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RECOVERY_CODE = /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;

const isTooMany = (error: unknown) => (error as { statusCode?: number }).statusCode === 429;

/**
 * Sign in: email, the emailed code, then the second factor (set up at first sign-in with a QR code, else a code
 * from the authenticator app or a recovery code). The API counts wrong answers and locks the user after five.
 */
@Controller()
export class SignInController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: PartnerSession,
  ) {}

  @Get()
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return reply.redirect((await this.session.current(request)) ? '/referrals' : '/sign-in', 303);
  }

  @Get('sign-in')
  async emailPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    // Reaching sign-in ends any session this browser had (its token may have been refused: a removed user).
    if (request.session.partner) await this.session.signOut(request);
    return reply.view('auth/email.njk', { email: '' });
  }

  @Post('sign-in')
  async sendCode(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const email = field(request.body as FormBody, 'email');
    const problem = !email ? 'required' : email.length > 254 || !EMAIL.test(email) ? 'invalid' : undefined;
    const refuse = (key: string) =>
      reply.status(400).view('auth/email.njk', {
        email,
        errors: formErrors([{ field: 'email', text: t(reply)(`signIn.email.errors.${key}`) }]),
      });
    if (problem) return refuse(problem);
    const { data, response } = await this.api.POST('/v1/partner/auth/sign-in', { body: { email } });
    if (!response.ok || !data) return refuse('invalid');
    request.session.partnerSignIn = { challenge: data.challenge, email, step: 'code' };
    return reply.redirect('/sign-in/code', 303);
  }

  @Get('sign-in/code')
  async codePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const signIn = request.session.partnerSignIn;
    if (!signIn) return reply.redirect('/sign-in', 303);
    return reply.view('auth/code.njk', { email: signIn.email });
  }

  @Post('sign-in/code')
  async checkCode(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const signIn = request.session.partnerSignIn;
    if (!signIn) return reply.redirect('/sign-in', 303);
    const code = field(request.body as FormBody, 'code').replace(/\s+/g, '');
    const refuse = (key: string) =>
      reply.status(400).view('auth/code.njk', {
        email: signIn.email,
        errors: formErrors([{ field: 'code', text: t(reply)(`signIn.code.errors.${key}`) }]),
      });
    if (!code) return refuse('required');
    if (!/^\d{6}$/.test(code)) return refuse('format');
    try {
      const { data, response } = await this.api.POST('/v1/partner/auth/code', {
        body: { challenge: signIn.challenge, code },
      });
      if (response.status === 409) return reply.redirect('/sign-in', 303);
      if (!response.ok || !data) return refuse('wrong');
      request.session.partnerSignIn = { ...signIn, step: data.next };
      return reply.redirect(
        data.next === 'totp-setup' ? '/sign-in/set-up-authenticator' : '/sign-in/authenticator',
        303,
      );
    } catch (error) {
      if (isTooMany(error)) return reply.redirect('/sign-in/locked', 303);
      throw error;
    }
  }

  @Get('sign-in/set-up-authenticator')
  async setupPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderSetup(request, reply, undefined);
  }

  private async renderSetup(request: FastifyRequest, reply: FastifyReply, errorKey: string | undefined) {
    const signIn = request.session.partnerSignIn;
    if (!signIn || signIn.step !== 'totp-setup') return reply.redirect('/sign-in', 303);
    try {
      const { data, response } = await this.api.POST('/v1/partner/auth/totp-setup', {
        body: { challenge: signIn.challenge },
      });
      if (!response.ok || !data) return reply.redirect('/sign-in', 303);
      const qr = `data:image/svg+xml;base64,${Buffer.from(data.qrSvg, 'utf8').toString('base64')}`;
      return reply.status(errorKey ? 400 : 200).view('auth/totp-setup.njk', {
        qr,
        secret: data.secret.replace(/(.{4})/g, '$1 ').trim(),
        errors: errorKey
          ? formErrors([{ field: 'code', text: t(reply)(`signIn.totpSetup.errors.${errorKey}`) }])
          : undefined,
      });
    } catch (error) {
      if (isTooMany(error)) return reply.redirect('/sign-in/locked', 303);
      throw error;
    }
  }

  @Post('sign-in/set-up-authenticator')
  async confirmSetup(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const signIn = request.session.partnerSignIn;
    if (!signIn || signIn.step !== 'totp-setup') return reply.redirect('/sign-in', 303);
    const code = field(request.body as FormBody, 'code').replace(/\s+/g, '');
    if (!code) return this.renderSetup(request, reply, 'required');
    if (!/^\d{6}$/.test(code)) return this.renderSetup(request, reply, 'format');
    try {
      const { data, response } = await this.api.POST('/v1/partner/auth/totp-setup/confirm', {
        body: { challenge: signIn.challenge, code },
      });
      if (!response.ok || !data) return this.renderSetup(request, reply, 'wrong');
      await this.session.signIn(request, data);
      request.session.recoveryCodes = data.recoveryCodes ?? [];
      return reply.redirect('/sign-in/recovery-codes', 303);
    } catch (error) {
      if (isTooMany(error)) return reply.redirect('/sign-in/locked', 303);
      throw error;
    }
  }

  /** The recovery codes, once: they are dropped from the session as the page is drawn. */
  @Get('sign-in/recovery-codes')
  async recoveryCodes(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const codes = request.session.recoveryCodes;
    if (!request.session.partner || !codes) return reply.redirect('/referrals', 303);
    request.session.recoveryCodes = undefined;
    return reply.view('auth/recovery-codes.njk', { codes });
  }

  @Get('sign-in/authenticator')
  async totpPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const signIn = request.session.partnerSignIn;
    if (!signIn || signIn.step !== 'totp') return reply.redirect('/sign-in', 303);
    return reply.view('auth/totp.njk', {});
  }

  @Post('sign-in/authenticator')
  async checkTotp(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.secondFactor(request, reply, 'totp', 'auth/totp.njk', 'signIn.totp');
  }

  @Get('sign-in/recovery-code')
  async recoveryPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const signIn = request.session.partnerSignIn;
    if (!signIn || signIn.step !== 'totp') return reply.redirect('/sign-in', 303);
    return reply.view('auth/recovery.njk', {});
  }

  @Post('sign-in/recovery-code')
  async checkRecovery(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.secondFactor(request, reply, 'recovery-code', 'auth/recovery.njk', 'signIn.recovery');
  }

  private async secondFactor(
    request: FastifyRequest,
    reply: FastifyReply,
    method: 'totp' | 'recovery-code',
    view: string,
    words: string,
  ) {
    const signIn = request.session.partnerSignIn;
    if (!signIn || signIn.step !== 'totp') return reply.redirect('/sign-in', 303);
    const code = field(request.body as FormBody, 'code')
      .replace(/\s+/g, '')
      .toLowerCase();
    const refuse = (key: string) =>
      reply
        .status(400)
        .view(view, { errors: formErrors([{ field: 'code', text: t(reply)(`${words}.errors.${key}`) }]) });
    if (!code) return refuse('required');
    if (method === 'totp' ? !/^\d{6}$/.test(code) : !RECOVERY_CODE.test(code)) return refuse('format');
    try {
      const { data, response } = await this.api.POST('/v1/partner/auth/second-factor', {
        body: { challenge: signIn.challenge, method, code },
      });
      if (response.status === 409) return reply.redirect('/sign-in', 303);
      if (!response.ok || !data) return refuse('wrong');
      await this.session.signIn(request, data);
      return reply.redirect('/referrals', 303);
    } catch (error) {
      if (isTooMany(error)) return reply.redirect('/sign-in/locked', 303);
      throw error;
    }
  }

  @Get('sign-in/locked')
  async locked(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    request.session.partnerSignIn = undefined;
    return reply.status(429).view('auth/locked.njk', {});
  }

  @Get('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.session.signOut(request);
    return reply.redirect('/signed-out', 303);
  }

  @Get('signed-out')
  async signedOut(@Res() reply: FastifyReply) {
    return reply.view('auth/signed-out.njk', {});
  }

  /** The timeout warning's "stay signed in": touching the session renews it (rolling sessions). */
  @Post('session/keep-alive')
  async keepAlive(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!(await this.session.current(request))) return reply.status(401).send({ signedIn: false });
    return reply.status(200).send({ signedIn: true });
  }
}
