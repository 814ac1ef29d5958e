import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageNotFoundError, expectOk } from '@redress/web';
import { CitizenSession } from '../auth/citizen-session.js';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';

const PAGE_SIZE = 20;
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/** Your data: who has seen your claim (the access history, a page at a time), everything held about you as a file. */
@Controller('your-data')
export class YourDataController {
  constructor(
    @Inject(CITIZEN_API) private readonly api: CitizenApiClient,
    private readonly session: CitizenSession,
  ) {}

  @Get()
  async overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.session.headers(request);
    return reply.view('your-data/overview.njk', {});
  }

  @Get('access-history')
  async accessHistory(@Query('cursor') cursor: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    // A cursor is the API's own nextCursor; anything else was not made by this service.
    if (cursor !== undefined && (typeof cursor !== 'string' || !CURSOR.test(cursor))) throw new PageNotFoundError();
    const result = await this.api.GET('/v1/me/access-history', {
      params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      headers: await this.session.headers(request),
    });
    // 400: a cursor the API cannot read (from an older page that no longer exists): nothing to show there.
    if (result.response.status === 400) throw new PageNotFoundError();
    const page = expectOk(result);
    return reply.view('your-data/access-history.njk', {
      entries: page.entries,
      nextCursor: page.nextCursor ?? null,
      firstPage: !cursor,
    });
  }

  @Get('download')
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const result = await this.api.GET('/v1/me/data', {
      headers: await this.session.headers(request),
      parseAs: 'text',
    });
    const body = expectOk(result);
    const today = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="your-data-${today}.json"`)
      .header('x-content-type-options', 'nosniff')
      .send(body);
  }
}
