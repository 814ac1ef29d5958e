import { createHash } from 'node:crypto';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ListMyAccessHistory, type AccessHistoryEntry } from '@redress/application';
import { RateLimit } from '@redress/platform';
import type { FastifyRequest } from 'fastify';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';
import {
  AccessHistoryPageResponse,
  AccessHistoryQuery,
  type AccessHistoryEntryResponse,
} from './access-history.dto.js';

const PROBLEM = { description: 'problem+json' };

/** Counts per signed-in citizen (their token), not per address. */
const perCitizen = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(String(request.headers.authorization ?? request.ip))
    .digest('base64url');

const toResponse = (entry: AccessHistoryEntry): AccessHistoryEntryResponse => ({
  at: entry.at.toISOString(),
  firstAt: entry.firstAt.toISOString(),
  count: entry.count,
  who: { ...entry.who },
  purpose: entry.purpose,
  purposeDescription: entry.purposeDescription,
  viewed: { ...entry.viewed, views: [...entry.viewed.views] },
});

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CitizenAuthGuard)
@Controller('v1/me')
export class AccessHistoryController {
  constructor(private readonly listMyAccessHistory: ListMyAccessHistory) {}

  @Get('access-history')
  @RateLimit({ name: 'access-history', max: 60, timeWindow: 60_000, keyGenerator: perCitizen })
  @ApiOperation({
    summary: 'Who has seen your claims and referrals (UK GDPR article 15: the recipients of your data)',
    description:
      'Every read of your claims by our staff (by role and team: staff are never named) and of your referrals by ' +
      'support organisations, newest first. Reads by the same kind of reader for the same purpose within the same ' +
      'hour are one entry with a count. Your own reads are not listed.',
  })
  @ApiOkResponse({ type: AccessHistoryPageResponse })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 401, ...PROBLEM })
  @ApiResponse({ status: 429, ...PROBLEM })
  async list(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Query() query: AccessHistoryQuery,
  ): Promise<AccessHistoryPageResponse> {
    const page = await this.listMyAccessHistory.execute({
      citizenId: citizen.citizenId,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    });
    return { entries: page.entries.map(toResponse), nextCursor: page.nextCursor };
  }
}
