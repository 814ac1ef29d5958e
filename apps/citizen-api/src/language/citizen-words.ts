import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ClaimStatus } from '@redress/domain';
import { hasPlatformText, platformT, requestLanguage, type Language } from '@redress/platform';

/**
 * The citizen API's own words in the language of the answer (Accept-Language; English by default). The domain and
 * the use cases give codes (a rule and its result, a section and its status, an event type, a claim status); the
 * words come from the platform's catalogues (libs/platform/locales), so the web app and the worker say the same.
 */
export const AnswerLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language =>
  requestLanguage(context.switchToHttp().getRequest()),
);

/** A rule's result as the domain gives it (or a DTO copies it). */
interface RuleLike {
  readonly rule: string;
  readonly result: string;
  readonly reason: string;
}

interface Task {
  readonly section: string;
  readonly status: string;
}

/** Each task with its name and its status in words. */
export function tasksIn<T extends Task>(language: Language, tasks: readonly T[]) {
  const t = platformT(language);
  return tasks.map((task) => ({
    ...task,
    name: t(`tasks.sections.${task.section}`),
    statusText: t(`tasks.statuses.${task.status}`),
  }));
}

/** An object holding `tasks` (an application, a task list), with its tasks in words. */
export function withTasksIn<T extends { readonly tasks: readonly Task[] }>(language: Language, view: T) {
  return { ...view, tasks: tasksIn(language, view.tasks) };
}

/**
 * A rule's reason for the victim. In English, the domain's own words (they name the dates concerned); in Welsh,
 * the catalogue's for the rule and result, which say the same without the dates (the assessment's deadline gives
 * the one date the victim needs). Until the domain gives its reasons as codes with values, that is the difference.
 */
export function reasonIn(language: Language, result: RuleLike): string {
  if (language === 'en') return result.reason;
  const key = `eligibility.rules.${result.rule}.${result.result}`;
  return hasPlatformText(language, key)
    ? platformT(language)(key)
    : platformT(language)(`eligibility.results.${result.result}`);
}

/** An assessment with each reason, and the outcome, in words. */
export function assessmentIn<T extends { readonly outcome: string; readonly results: readonly RuleLike[] }>(
  language: Language,
  assessment: T,
): T & { outcomeText: string } {
  return {
    ...assessment,
    outcomeText: platformT(language)(`eligibility.outcomes.${assessment.outcome}`),
    results: assessment.results.map((result) => ({ ...result, reason: reasonIn(language, result) })),
  };
}

/** What happens next for a claim in this status. */
export function nextStepIn(language: Language, status: ClaimStatus, openInformationRequests: number): string {
  const key = status === 'awaiting_information' && openInformationRequests > 0 ? 'awaiting_information_open' : status;
  return platformT(language)(`claims.nextStep.${key}`);
}

/** A claim's status in words. */
export function claimStatusIn(language: Language, status: ClaimStatus): string {
  return platformT(language)(`claims.statuses.${status}`);
}

interface ClaimViewLike {
  readonly status: ClaimStatus;
  readonly timeline: readonly { readonly event: string; readonly description: string }[];
  readonly openInformationRequests: readonly unknown[];
}

/** A claim's timeline, status and next step in words. */
export function claimViewIn<T extends ClaimViewLike>(language: Language, view: T) {
  const t = platformT(language);
  return {
    ...view,
    statusText: claimStatusIn(language, view.status),
    timeline: view.timeline.map((entry) => ({
      ...entry,
      description: hasPlatformText(language, `claims.timeline.${entry.event}`)
        ? t(`claims.timeline.${entry.event}`)
        : entry.description,
    })),
    nextStep: nextStepIn(language, view.status, view.openInformationRequests.length),
  };
}

interface ReferralLike {
  readonly status: string;
  readonly needsMet: readonly string[];
  readonly reasons: readonly string[];
}

/**
 * A referral's status in words and why it was suggested. The English reasons are the matcher's own, stored with
 * the match; in Welsh the reason is the needs the service meets (the other English reasons are not yet kept as
 * codes: docs/welsh.md).
 */
export function referralIn<T extends ReferralLike>(language: Language, referral: T): T & { statusText: string } {
  const t = platformT(language);
  const reasons =
    language === 'en'
      ? referral.reasons
      : [t('referrals.helpsWith', { needs: referral.needsMet.map((need) => t(`referrals.needs.${need}`)).join(', ') })];
  return { ...referral, reasons: [...reasons], statusText: t(`referrals.statuses.${referral.status}`) };
}
