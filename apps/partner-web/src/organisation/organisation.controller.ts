import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, type FormBody } from '@redress/web';
import { PartnerSession, t } from '../auth/partner-session.js';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';

/**
 * An organisation administrator's overview: the figures, API keys (a new key shown once, revoke all) and the webhook
 * address (a new signing secret shown once). The API refuses anyone but an administrator with 403.
 */
@Controller('organisation')
export class OrganisationController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: PartnerSession,
  ) {}

  private async overview(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown>, status = 200) {
    const { data } = await this.api.GET('/v1/partner/organisation/figures', {
      headers: await this.session.headers(request),
    });
    const revoked = (request.query as Record<string, unknown>).revoked === '1';
    return reply.status(status).view('organisation/overview.njk', { figures: data, revoked, values: {}, ...extra });
  }

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.overview(request, reply, {});
  }

  @Post('api-keys')
  async newKey(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.api.POST('/v1/partner/organisation/api-keys', {
      headers: await this.session.headers(request),
    });
    if (!data) return this.overview(request, reply, {});
    return reply.view('organisation/secret-shown.njk', { kind: 'apiKey', secret: data.apiKey });
  }

  @Get('api-keys/revoke')
  async revokePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.session.headers(request);
    return reply.view('organisation/revoke-keys.njk', {});
  }

  @Post('api-keys/revoke')
  async revoke(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.api.POST('/v1/partner/organisation/api-keys/revocation', {
      headers: await this.session.headers(request),
    });
    return reply.redirect('/organisation?revoked=1', 303);
  }

  @Post('webhook')
  async webhook(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const url = field(request.body as FormBody, 'url');
    const refuse = (key: string) =>
      this.overview(
        request,
        reply,
        {
          values: { url },
          errors: formErrors([{ field: 'url', text: t(reply)(`organisation.webhook.errors.${key}`) }]),
        },
        400,
      );
    if (!url) return refuse('required');
    if (url.length > 500 || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) return refuse('https');
    const { data, response } = await this.api.PUT('/v1/partner/organisation/webhook', {
      body: { url },
      headers: await this.session.headers(request),
    });
    if (!response.ok || !data) return refuse('https');
    return reply.view('organisation/secret-shown.njk', { kind: 'webhook', secret: data.signingSecret });
  }
}
