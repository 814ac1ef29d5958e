import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StaffSession } from '../auth/staff-session.js';
import { StaffWebConfig } from '../config.js';

/** Administration (administrators): the queue dashboard. Partner credentials are not here yet (see docs). */
@Controller('admin')
export class AdminController {
  constructor(
    private readonly session: StaffSession,
    private readonly config: StaffWebConfig,
  ) {}

  @Get()
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.session.require(request, 'administer');
    return reply.view('admin/index.njk', { queueDashboardUrl: this.config.QUEUE_DASHBOARD_URL });
  }
}
