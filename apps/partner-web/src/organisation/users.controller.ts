import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, type FormBody } from '@redress/web';
import { PartnerSession, t } from '../auth/partner-session.js';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const roles = ['administrator', 'caseworker'] as const;

/** An organisation administrator's users: list, invite, remove (the API refuses anyone else with 403). */
@Controller('organisation/users')
export class UsersController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: PartnerSession,
  ) {}

  private async users(request: FastifyRequest) {
    const { data } = await this.api.GET('/v1/partner/organisation/users', {
      headers: await this.session.headers(request),
    });
    return data ?? [];
  }

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const users = await this.users(request);
    const invited = (request.query as Record<string, unknown>).invited === '1';
    return reply.view('organisation/users.njk', {
      users: users.filter((user) => user.status !== 'removed'),
      me: request.session.partner?.userId,
      invited,
    });
  }

  @Get('invite')
  async invitePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.users(request); // administrators only: anyone else meets the API's 403 here
    return reply.view('organisation/invite.njk', { values: {} });
  }

  @Post('invite')
  async invite(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const body = request.body as FormBody;
    const email = field(body, 'email');
    const role = field(body, 'role');
    const errors: Array<{ field: string; text: string }> = [];
    if (!email) errors.push({ field: 'email', text: t(reply)('organisation.invite.errors.emailRequired') });
    else if (email.length > 254 || !EMAIL.test(email))
      errors.push({ field: 'email', text: t(reply)('organisation.invite.errors.emailInvalid') });
    if (!(roles as readonly string[]).includes(role))
      errors.push({ field: 'role', text: t(reply)('organisation.invite.errors.role') });
    const refuse = (list: typeof errors) =>
      reply.status(400).view('organisation/invite.njk', { values: { email, role }, errors: formErrors(list) });
    if (errors.length) return refuse(errors);
    const { response } = await this.api.POST('/v1/partner/organisation/users', {
      body: { email, role: role as (typeof roles)[number] },
      headers: await this.session.headers(request),
    });
    if (response.status === 409)
      return refuse([{ field: 'email', text: t(reply)('organisation.invite.errors.exists') }]);
    if (!response.ok) return refuse([{ field: 'email', text: t(reply)('organisation.invite.errors.emailInvalid') }]);
    return reply.redirect('/organisation/users?invited=1', 303);
  }

  @Get(':id/remove')
  async removePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const user = (await this.users(request)).find((candidate) => candidate.id === id && candidate.status !== 'removed');
    if (!user || id === request.session.partner?.userId) return reply.status(404).view('errors/not-found.njk', {});
    return reply.view('organisation/remove.njk', { user });
  }

  @Post(':id/remove')
  async remove(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    if (!UUID.test(id)) return reply.status(404).view('errors/not-found.njk', {});
    const { response } = await this.api.DELETE('/v1/partner/organisation/users/{userId}', {
      params: { path: { userId: id } },
      headers: await this.session.headers(request),
    });
    if (!response.ok) return reply.status(404).view('errors/not-found.njk', {});
    return reply.redirect('/organisation/users', 303);
  }
}
