import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { declineReasons, referralOutcomes } from '@redress/domain';
import { field, formErrors, type FormBody } from '@redress/web';
import { PartnerSession, t } from '../auth/partner-session.js';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { filterOf, inboxFilters, workingDaysLeft, type InboxFilter } from './referral-clocks.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sorts = ['due', 'newest', 'oldest'] as const;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Working days left to acknowledge a referral not yet acknowledged; null once it has been. */
function acknowledgeDaysLeft(referral: { acknowledgeDueOn?: unknown; acknowledgedAt?: unknown }): number | null {
  const due = text(referral.acknowledgeDueOn);
  return due && !referral.acknowledgedAt ? workingDaysLeft(due) : null;
}

/**
 * The referrals inbox and one referral: read, accept or decline, record contact and the outcome, close. Every read
 * goes through the API, which audits it (attributed to the organisation and this user) and answers 404 for a
 * referral that is not the organisation's or whose consent was withdrawn.
 */
@Controller('referrals')
export class ReferralsController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: PartnerSession,
  ) {}

  @Get()
  async inbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const query = request.query as Record<string, unknown>;
    const filter: InboxFilter = inboxFilters.includes(query.status as InboxFilter)
      ? (query.status as InboxFilter)
      : 'new';
    const sort = sorts.includes(query.sort as (typeof sorts)[number]) ? (query.sort as (typeof sorts)[number]) : 'due';
    const { data } = await this.api.GET('/v1/partner/referrals', {
      params: { query: { limit: 500 } },
      headers: await this.session.headers(request),
    });
    const all = data ?? [];
    const counts = Object.fromEntries(inboxFilters.map((name) => [name, 0])) as Record<InboxFilter, number>;
    for (const referral of all) counts[filterOf(referral.status)] += 1;
    const rows = all
      .filter((referral) => filterOf(referral.status) === filter)
      .map((referral) => ({
        ...referral,
        acknowledgeDaysLeft: acknowledgeDaysLeft(referral),
      }))
      .sort((a, b) => {
        if (sort === 'due')
          return (text(a.acknowledgeDueOn) ?? '9999').localeCompare(text(b.acknowledgeDueOn) ?? '9999');
        const order = (text(a.sentAt) ?? '').localeCompare(text(b.sentAt) ?? '');
        return sort === 'oldest' ? order : -order;
      });
    return reply.view('referrals/inbox.njk', { filter, sort, counts, rows, filters: inboxFilters, sorts });
  }

  /** A referral that is gone (consent withdrawn), another organisation's, or none: one plain 404 page. */
  private gone(reply: FastifyReply) {
    return reply.status(404).view('referrals/gone.njk', {});
  }

  private async load(request: FastifyRequest, id: string) {
    if (!UUID.test(id)) return null;
    const { data, response } = await this.api.GET('/v1/partner/referrals/{referralId}', {
      params: { path: { referralId: id } },
      headers: await this.session.headers(request),
    });
    return response.ok && data ? data : null;
  }

  @Get(':id')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const referral = await this.load(request, id);
    if (!referral) return this.gone(reply);
    return this.render(reply, referral, {});
  }

  private render(
    reply: FastifyReply,
    referral: Awaited<ReturnType<ReferralsController['load']>> & object,
    extra: Record<string, unknown>,
    status = 200,
  ) {
    return reply.status(status).view('referrals/referral.njk', {
      referral,
      acknowledgeDaysLeft: acknowledgeDaysLeft(referral),
      declineReasons,
      outcomes: referralOutcomes,
      values: {},
      ...extra,
    });
  }

  /** Accept, or decline with a reason. */
  @Post(':id/decision')
  async decide(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const body = request.body as FormBody;
    const decision = field(body, 'decision');
    const reason = field(body, 'reason');
    const note = field(body, 'note');
    const errors: Array<{ field: string; text: string }> = [];
    if (decision !== 'accept' && decision !== 'decline')
      errors.push({ field: 'decision', text: t(reply)('referrals.decision.errors.required') });
    if (decision === 'decline' && !(declineReasons as readonly string[]).includes(reason))
      errors.push({ field: 'reason', text: t(reply)('referrals.decision.errors.reason') });
    if (note.length > 1000) errors.push({ field: 'note', text: t(reply)('referrals.errors.noteTooLong') });
    return this.act(request, reply, id, errors, { decision, reason, note }, async (headers) =>
      decision === 'accept'
        ? this.api.POST('/v1/partner/referrals/{referralId}/accept', {
            params: { path: { referralId: id } },
            body: note ? { note } : {},
            headers,
          })
        : this.api.POST('/v1/partner/referrals/{referralId}/decline', {
            params: { path: { referralId: id } },
            body: { reason: reason as (typeof declineReasons)[number], ...(note ? { note } : {}) },
            headers,
          }),
    );
  }

  /** Contact made, or any progress: the first marks the support as started. */
  @Post(':id/updates')
  async update(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const note = field(request.body as FormBody, 'updateNote');
    const errors: Array<{ field: string; text: string }> = [];
    if (!note) errors.push({ field: 'updateNote', text: t(reply)('referrals.update.errors.required') });
    else if (note.length > 1000) errors.push({ field: 'updateNote', text: t(reply)('referrals.errors.noteTooLong') });
    return this.act(request, reply, id, errors, { updateNote: note }, async (headers) =>
      this.api.POST('/v1/partner/referrals/{referralId}/updates', {
        params: { path: { referralId: id } },
        body: { note },
        headers,
      }),
    );
  }

  @Post(':id/close')
  async close(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const body = request.body as FormBody;
    const outcome = field(body, 'outcome');
    const note = field(body, 'closeNote');
    const errors: Array<{ field: string; text: string }> = [];
    if (!(referralOutcomes as readonly string[]).includes(outcome))
      errors.push({ field: 'outcome', text: t(reply)('referrals.close.errors.required') });
    if (note.length > 1000) errors.push({ field: 'closeNote', text: t(reply)('referrals.errors.noteTooLong') });
    return this.act(request, reply, id, errors, { outcome, closeNote: note }, async (headers) =>
      this.api.POST('/v1/partner/referrals/{referralId}/close', {
        params: { path: { referralId: id } },
        body: { outcome: outcome as (typeof referralOutcomes)[number], ...(note ? { note } : {}) },
        headers,
      }),
    );
  }

  /** Checks the form, calls the API, and answers: the referral again (done), its errors, or the 404 page. */
  private async act(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: Array<{ field: string; text: string }>,
    values: Record<string, string>,
    call: (headers: { authorization: string }) => Promise<{ response: Response }>,
  ) {
    if (!UUID.test(id)) return this.gone(reply);
    if (errors.length) {
      const referral = await this.load(request, id);
      if (!referral) return this.gone(reply);
      return this.render(reply, referral, { errors: formErrors(errors), values }, 400);
    }
    const { response } = await call(await this.session.headers(request));
    if (response.status === 404) return this.gone(reply);
    if (response.status === 409) {
      const referral = await this.load(request, id);
      if (!referral) return this.gone(reply);
      const conflict = [{ field: 'status', text: t(reply)('referrals.errors.changed') }];
      return this.render(reply, referral, { errors: formErrors(conflict), values }, 409);
    }
    if (!response.ok) {
      const referral = await this.load(request, id);
      if (!referral) return this.gone(reply);
      const invalid = [{ field: 'status', text: t(reply)('referrals.errors.invalid') }];
      return this.render(reply, referral, { errors: formErrors(invalid), values }, 400);
    }
    return reply.redirect(`/referrals/${id}`, 303);
  }
}
