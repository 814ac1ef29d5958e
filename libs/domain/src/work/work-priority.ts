/**
 * Work priority, 1 (most urgent) to 5. Queues hand out the most urgent claim first, then the oldest. Urgent
 * cases in the CICA's own practice: terminal illness, a victim over 75 or under 18 at risk, imminent
 * hardship (cf. VA Caseflow's automatic prioritisation of appellants over 75).
 */
export const WORK_PRIORITIES = [1, 2, 3, 4, 5] as const;
export type WorkPriority = (typeof WORK_PRIORITIES)[number];
export const DEFAULT_WORK_PRIORITY: WorkPriority = 3;

/** The claim states in which a caseworker can pick a claim up from a queue. */
export const workableClaimStatuses = ['submitted', 'triaged', 'in_assessment', 'reopened', 'review_requested'] as const;
export type WorkableClaimStatus = (typeof workableClaimStatuses)[number];

export function isWorkPriority(value: unknown): value is WorkPriority {
  return typeof value === 'number' && (WORK_PRIORITIES as readonly number[]).includes(value);
}
