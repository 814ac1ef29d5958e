import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageNotFoundError } from '@redress/web';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';
import { answerRows, identityOf, loadClaim, type ClaimFile } from './claim-file.js';
import { searchTariff } from './tariff.js';

export const claimTabs = [
  'summary',
  'application',
  'information-requests',
  'notes',
  'award',
  'decision',
  'timeline',
] as const;
export type ClaimTab = (typeof claimTabs)[number];

/** What every claim page shows: the identity bar and the sub navigation. */
export function claimContext(file: ClaimFile, tab: ClaimTab) {
  const base = `/claims/${file.claim.reference}`;
  return {
    file,
    identity: identityOf(file),
    tab,
    tabs: claimTabs.map((name) => ({
      name,
      href: name === 'summary' ? base : `${base}/${name}`,
      active: name === tab,
    })),
    base,
    version: file.claim.version,
    pendingDecision: file.decisions.find((decision) => decision.status === 'pending-approval') ?? null,
  };
}

/** The claim's pages (reads only): summary, application, information requests, notes, award, decision, timeline. */
@Controller('claims/:reference')
export class ClaimController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  private async page(request: FastifyRequest, reply: FastifyReply, reference: string, tab: ClaimTab, extra = {}) {
    const file = await loadClaim(this.api, this.session, request, reference);
    return reply.view(`claims/${tab}.njk`, { ...claimContext(file, tab), ...extra });
  }

  @Get()
  summary(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    return this.page(request, reply, reference, 'summary');
  }

  @Get('application')
  async application(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    const file = await loadClaim(this.api, this.session, request, reference);
    const sections = Object.entries(file.application).map(([name, answers]) => ({ name, rows: answerRows(answers) }));
    return reply.view('claims/application.njk', { ...claimContext(file, 'application'), sections });
  }

  @Get('information-requests')
  informationRequests(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ) {
    return this.page(request, reply, reference, 'information-requests', { form: {} });
  }

  @Get('notes')
  notes(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    return this.page(request, reply, reference, 'notes', { form: {} });
  }

  @Get('award')
  async award(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    const query = request.query as Record<string, string | string[] | undefined>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const chosen = ([] as string[]).concat(query.injury ?? []).filter((code) => /^[A-Z0-9-]{1,60}$/.test(code));
    const file = await loadClaim(this.api, this.session, request, reference);
    const matches = q ? await searchTariff(this.api, this.session.headers(request), q) : [];
    return reply.view('claims/award.njk', { ...claimContext(file, 'award'), q, matches, form: { injuries: chosen } });
  }

  @Get('decision')
  decision(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    return this.page(request, reply, reference, 'decision', { form: {} });
  }

  @Get('timeline')
  timeline(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    return this.page(request, reply, reference, 'timeline');
  }

  @Get(':unknown')
  unknown(): never {
    throw new PageNotFoundError();
  }
}
