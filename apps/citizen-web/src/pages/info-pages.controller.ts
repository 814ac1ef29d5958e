import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** The start page and the pages every GOV.UK service has: cookies, accessibility statement, privacy notice. */
@Controller()
export class InfoPagesController {
  @Get()
  async start(@Res() reply: FastifyReply) {
    return reply.view('pages/start.njk', {});
  }

  @Get('cookies')
  async cookies(@Res() reply: FastifyReply) {
    return reply.view('pages/text-page.njk', { page: 'cookies' });
  }

  @Get('accessibility')
  async accessibility(@Res() reply: FastifyReply) {
    return reply.view('pages/text-page.njk', { page: 'accessibility' });
  }

  @Get('privacy')
  async privacy(@Res() reply: FastifyReply) {
    return reply.view('pages/text-page.njk', { page: 'privacy' });
  }
}
