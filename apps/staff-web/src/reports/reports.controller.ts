import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateInputItems, expectOk, formErrors, parseDateInput, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';
import { barChartSvg } from './svg-chart.js';

interface FairnessRow {
  characteristic: string;
  value: string;
  decisions: number | null;
  refusals: number | null;
  withheld?: { decisions?: string; refusals?: string };
}
interface FairnessReport {
  period?: { from: string; to: string };
  suppressBelow?: number;
  rows: FairnessRow[];
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reports for team leaders (and auditors): the fairness report as a table, a server-drawn chart and a CSV. */
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  private async fairness(request: FastifyRequest, query: { from?: string; to?: string }): Promise<FairnessReport> {
    const result = await this.api.GET('/v1/reports/refusals-by-characteristic', {
      params: { query },
      headers: this.session.headers(request),
    });
    return expectOk(result);
  }

  private period(request: FastifyRequest, t: TFunction) {
    const body = request.query as FormBody;
    const from = parseDateInput(body, 'from');
    const to = parseDateInput(body, 'to');
    const errors = [
      ...(from.problem ? [{ field: 'from', href: '#from-day', text: t(`reports.errors.from.${from.problem}`) }] : []),
      ...(to.problem ? [{ field: 'to', href: '#to-day', text: t(`reports.errors.to.${to.problem}`) }] : []),
    ];
    if (!errors.length && from.value && to.value && from.value > to.value) {
      errors.push({ field: 'to', href: '#to-day', text: t('reports.errors.order') });
    }
    return {
      from,
      to,
      errors,
      query: { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) },
    };
  }

  @Get()
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.session.require(request, 'reports');
    return reply.view('reports/index.njk', {});
  }

  @Get('fairness')
  async fairnessPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.session.require(request, 'reports');
    const t = reply.locals.t as TFunction;
    const { from, to, errors, query } = this.period(request, t);
    const report = await this.fairness(request, errors.length ? {} : query);
    const rows = report.rows.map((row) => ({
      ...row,
      rate:
        row.decisions !== null && row.refusals !== null && row.decisions > 0
          ? Math.round((row.refusals / row.decisions) * 100)
          : null,
    }));
    const chart = barChartSvg(
      rows.map((row) => ({ label: `${row.characteristic}: ${row.value}`, value: row.rate })),
      t('reports.fairness.chartTitle'),
      t('reports.withheld'),
    );
    const csvQuery = new URLSearchParams(query).toString();
    return reply.status(errors.length ? 400 : 200).view('reports/fairness.njk', {
      report,
      rows,
      chart,
      fromItems: dateInputItems(
        t,
        from.parts,
        errors.some((error) => error.field === 'from'),
      ),
      toItems: dateInputItems(
        t,
        to.parts,
        errors.some((error) => error.field === 'to'),
      ),
      errors: errors.length ? formErrors(errors) : undefined,
      csvHref: `/reports/fairness.csv${csvQuery ? `?${csvQuery}` : ''}`,
    });
  }

  @Get('fairness.csv')
  async fairnessCsv(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.session.require(request, 'reports');
    const t = reply.locals.t as TFunction;
    const { query } = this.period(request, t);
    const report = await this.fairness(request, query);
    const header = ['characteristic', 'value', 'decisions', 'refusals', 'withheld'];
    const lines = report.rows.map((row) =>
      [row.characteristic, row.value, row.decisions, row.refusals, Object.keys(row.withheld ?? {}).join(' ')]
        .map(csvCell)
        .join(','),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="fairness-report.csv"')
      .send(`${header.join(',')}\n${lines.join('\n')}\n`);
  }
}
