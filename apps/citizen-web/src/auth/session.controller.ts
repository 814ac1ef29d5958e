import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CitizenSession } from './citizen-session.js';

/** The pages of a session whichever way the person signed in: signed out, and the timeout warning's keep-alive. */
@Controller()
export class SessionController {
  constructor(private readonly session: CitizenSession) {}

  @Get('signed-out')
  async signedOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const timedOut = (request.query as Record<string, unknown>).reason === 'timeout';
    return reply.view('auth/signed-out.njk', { timedOut });
  }

  /** The timeout warning's "stay signed in": touching the session renews it (rolling sessions). */
  @Post('session/keep-alive')
  async keepAlive(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.session.isSignedIn(request)) return reply.status(401).send({ signedIn: false });
    return reply.status(200).send({ signedIn: true });
  }
}
