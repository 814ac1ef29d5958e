import type { FastifyRequest } from 'fastify';
import { expectOk, PageNotFoundError } from '@redress/web';
import type { CaseworkerApiClient } from '../caseworker-api.js';
import type { StaffSession } from '../auth/staff-session.js';

/** The parts of the caseworker API's claim view these pages read (its OpenAPI document types them as objects). */
export interface ClaimFile {
  claim: {
    reference: string;
    status: string;
    version: number;
    submittedAt: string;
    team: string;
    priority: number;
    assignedStaffId: string | null;
    restricted: boolean;
    serviceLevel: { dueAt: string | null; pausedSince: string | null; breached: boolean };
  };
  application: Record<string, Record<string, unknown>>;
  eligibility: {
    outcome?: string;
    edition?: string;
    results?: Array<{ rule: string; paragraph: string; result: string; reason: string; caseworkerReason?: string }>;
  };
  eligibilitySource: string;
  timeline: Array<{ type: string; from: string | null; to: string | null; actor: unknown; occurredAt: string }>;
  informationRequests: Array<{
    id: string;
    recipient: string;
    topic: string;
    question: string;
    requestedBy: string;
    requestedAt: string;
    dueOn: string;
    status: string;
    answer: string | null;
    answeredAt: string | null;
  }>;
  notes: Array<{ id: string; author: string; body: string; createdAt: string }>;
  judgements: Array<{
    id: string;
    kind: string;
    paragraph: string;
    reason: string;
    recordedBy: string;
    recordedAt: string;
  }>;
  awardCalculations: Array<{
    id: string;
    input: { injuries: Array<{ code: string }> };
    breakdown: { totalPence: number; grossPence: number; explanation: string[]; lines: Array<Record<string, unknown>> };
    calculatedBy: string;
    calculatedAt: string;
  }>;
  decisions: Array<{
    id: string;
    kind: string;
    amountPence: number | null;
    status: string;
    approvalReasons: string[];
    proposedBy: string;
    proposedAt: string;
    approvedBy: string | null;
    approvedAt: string | null;
    reasons: string;
    paragraphs: string[];
  }>;
  payments: Array<{ id: string; kind: string; amountPence: number; status: string }>;
}

/** Reads a claim through the API (each read is audited there); not found or not allowed is page not found. */
export async function loadClaim(
  api: CaseworkerApiClient,
  session: StaffSession,
  request: FastifyRequest,
  reference: string,
): Promise<ClaimFile> {
  if (!/^[0-9A-Z-]{6,20}$/.test(reference)) throw new PageNotFoundError();
  const result = await api.GET('/v1/claims/{reference}', {
    params: { path: { reference } },
    headers: session.headers(request),
  });
  return expectOk(result) as unknown as ClaimFile;
}

/** The identity bar's facts: reference, name, date of birth, status, the service-level clock. */
export function identityOf(file: ClaimFile) {
  const applicant = (file.application.applicant ?? {}) as {
    firstName?: string;
    lastName?: string;
    dateOfBirth?: string;
  };
  return {
    reference: file.claim.reference,
    name: [applicant.firstName, applicant.lastName].filter(Boolean).join(' '),
    dateOfBirth: applicant.dateOfBirth ?? '',
    status: file.claim.status,
    dueAt: file.claim.serviceLevel.dueAt,
    paused: Boolean(file.claim.serviceLevel.pausedSince),
    breached: file.claim.serviceLevel.breached,
    restricted: file.claim.restricted,
  };
}

/** Flattens a section's answers into rows ("address line1": "1 High Street"), for the application page. */
export function answerRows(value: unknown, prefix = ''): Array<{ key: string; value?: string; yes?: boolean }> {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object')) return [{ key: prefix, value: value.join(', ') }];
    return value.flatMap((item, index) => answerRows(item, `${prefix} ${index + 1}`.trim()));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      answerRows(inner, prefix ? `${prefix} › ${key}` : key),
    );
  }
  if (typeof value === 'boolean') return [{ key: prefix, yes: value }];
  return [{ key: prefix, value: typeof value === 'string' ? value : JSON.stringify(value) }];
}
