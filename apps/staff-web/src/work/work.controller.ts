import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { expectOk, formErrors, type CaseworkerApiPaths } from '@redress/web';
import type { TFunction } from 'i18next';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';

type WorkQuery = NonNullable<CaseworkerApiPaths['/v1/work']['get']['parameters']['query']>;
type WorkItem = {
  serviceLevelDueAt: string;
  serviceLevelPaused: boolean;
  serviceLevelBreached: boolean;
  status: string;
};

/** The views of the work queue, each a filter of the API's keyset-paged queue. */
export const workViews = {
  mine: { assigned: 'me' },
  team: {},
  unassigned: { assigned: 'unassigned' },
  approval: { status: 'decision_pending_approval' },
  reviews: { status: 'review_requested' },
} as const satisfies Record<string, Partial<WorkQuery>>;
type WorkView = keyof typeof workViews;

export const filterStatuses = [
  'submitted',
  'triaged',
  'in_assessment',
  'awaiting_information',
  'decision_pending_approval',
  'decided',
  'review_requested',
  'under_review',
] as const;

const DAY = 24 * 3600 * 1000;

/** The service-level clock as words: paused, due in n days, or overdue by n days. */
export function clockOf(item: WorkItem, now = Date.now()): { key: string; days: number; overdue: boolean } {
  if (item.serviceLevelPaused) return { key: 'work.clock.paused', days: 0, overdue: false };
  const days = Math.ceil((new Date(item.serviceLevelDueAt).getTime() - now) / DAY);
  if (item.serviceLevelBreached || days < 0) return { key: 'work.clock.overdue', days: Math.abs(days), overdue: true };
  return { key: 'work.clock.due', days, overdue: false };
}

/** The badges a caseworker scans for, from what the queue tells. */
export function badgesOf(item: WorkItem): string[] {
  return [
    ...(item.serviceLevelBreached ? ['overdue'] : []),
    ...(item.status === 'awaiting_information' ? ['informationRequested'] : []),
    ...(item.status === 'decision_pending_approval' ? ['awaitingApproval'] : []),
  ];
}

/** Work: the staff member's claims, the team's queue, unassigned claims, approvals, reviews; get the next claim. */
@Controller('work')
export class WorkController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = this.session.require(request, 'work');
    const t = reply.locals.t as TFunction;
    const query = request.query as Record<string, string | undefined>;
    const view: WorkView = query.view && query.view in workViews ? (query.view as WorkView) : 'mine';
    const errors: Array<{ field: string; text: string }> = [];
    const status = query.status ?? '';
    const priority = query.priority ?? '';
    if (status && !(filterStatuses as readonly string[]).includes(status)) {
      errors.push({ field: 'status', text: t('work.filter.errors.status') });
    }
    if (priority && !/^[1-5]$/.test(priority))
      errors.push({ field: 'priority', text: t('work.filter.errors.priority') });
    const cursor = query.cursor && /^[A-Za-z0-9_-]{1,400}$/.test(query.cursor) ? query.cursor : undefined;
    const params: WorkQuery = {
      ...workViews[view],
      ...(!errors.length && status ? { status: status as WorkQuery['status'] } : {}),
      ...(!errors.length && priority ? { priority: Number(priority) } : {}),
      ...(cursor ? { cursor } : {}),
      limit: 25,
    };
    const page = expectOk(
      await this.api.GET('/v1/work', { params: { query: params }, headers: this.session.headers(request) }),
    );
    const filters = new URLSearchParams({ view, ...(status ? { status } : {}), ...(priority ? { priority } : {}) });
    const now = Date.now();
    return reply.status(errors.length ? 400 : 200).view('work/list.njk', {
      view,
      views: Object.keys(workViews),
      status,
      priority,
      statuses: filterStatuses,
      errors: errors.length ? formErrors(errors) : undefined,
      items: page.items.map((item) => ({
        ...item,
        clock: clockOf(item, now),
        badges: badgesOf(item),
        mine: item.assignedStaffId === staff.staffId,
      })),
      nextHref: typeof page.nextCursor === 'string' ? `/work?${filters.toString()}&cursor=${page.nextCursor}` : null,
      firstHref: cursor ? `/work?${filters.toString()}` : null,
      clearHref: `/work?view=${view}`,
      empty: query.empty === '1',
    });
  }

  @Post('next')
  async next(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.session.require(request, 'takeWork');
    const result = await this.api.POST('/v1/work/next', { headers: this.session.headers(request) });
    if (result.response.status === 204) return reply.redirect('/work?view=mine&empty=1', 303);
    const taken = expectOk(result);
    return reply.redirect(`/claims/${encodeURIComponent(taken.reference)}`, 303);
  }
}
