import type { ClaimEventType, ClaimStatus } from './claim-lifecycle.js';
import type { ClaimEvent } from './claim.js';

/**
 * Steps the victim is not shown: a review decision's four-eyes check. Until it is approved the original decision
 * stands and nothing has changed for them; they hear when the review is decided (`claim.review-decided`).
 */
export const staffOnlyClaimEvents = [
  'claim.review-decision-proposed',
  'claim.review-decision-returned',
  // Payments under four eyes: the victim hears when a payee is recorded and when a payment is on its way.
  'claim.payee-approved',
  'claim.payment-proposed',
] as const satisfies readonly ClaimEventType[];
type CitizenClaimEventType = Exclude<ClaimEventType, (typeof staffOnlyClaimEvents)[number]>;

/**
 * Plain words for the victim (GOV.UK style: short, active, "we" and "you"). The timeline shows every event but
 * the staff-only ones; the caseworker-only steps say only what the victim needs to know.
 */
const citizenWords: Record<CitizenClaimEventType, string> = {
  'claim.submitted': 'We received your application.',
  'claim.triaged': 'We checked your application and passed it to a caseworker.',
  'claim.assessment-started': 'A caseworker started looking at your claim.',
  'claim.information-requested': 'We asked you for more information.',
  'claim.assessment-resumed': 'We have what we asked for and carried on with your claim.',
  'claim.decision-proposed': 'A caseworker is getting a decision on your claim checked.',
  'claim.decision-returned': 'We are looking at your claim again before we decide.',
  'claim.decided': 'We made a decision on your claim.',
  'claim.award-accepted': 'You accepted the award.',
  'claim.paid': 'We paid your award.',
  'claim.closed': 'Your claim is closed.',
  'claim.review-requested': 'You asked us to review our decision.',
  'claim.review-started': 'A different caseworker started reviewing the decision.',
  'claim.review-decided': 'We made a decision on your review.',
  'claim.appeal-recorded': 'We recorded the tribunal’s decision on your appeal.',
  'claim.withdrawn': 'Your claim was withdrawn.',
  'claim.reopened': 'We reopened your claim.',
  'claim.information-request-due-date-moved': 'We changed the date by which we need the information we asked for.',
  'claim.information-request-reply-recorded': 'We received information we asked for.',
  'claim.information-request-cancelled': 'We no longer need the information we asked for.',
  'claim.payee-recorded': 'We recorded an account to pay your award into. Contact us at once if you did not give it.',
  'claim.payment-approved': 'We approved a payment on your claim. It will reach the account in a few working days.',
};

function isCitizenClaimEvent(type: ClaimEventType): type is CitizenClaimEventType {
  return !(staffOnlyClaimEvents as readonly ClaimEventType[]).includes(type);
}

/** The victim's words for an event, or `null` for a staff-only step, which their timeline leaves out. */
export function describeClaimEventForCitizen(event: Pick<ClaimEvent, 'type'>): string | null {
  return isCitizenClaimEvent(event.type) ? citizenWords[event.type] : null;
}

/**
 * Whether the victim's timeline shows the event. Requests to the police, a GP or a hospital are casework between
 * us and them (the victim sees only requests addressed to them), so events about them are left out.
 */
export function isClaimEventForCitizen(event: { readonly data: Readonly<Record<string, unknown>> }): boolean {
  const recipient = event.data.recipient;
  return recipient === undefined || recipient === null || recipient === 'applicant';
}

/** What happens next, in the victim's words. */
export function nextStepForCitizen(status: ClaimStatus, context: { openInformationRequests: number }): string {
  switch (status) {
    case 'draft':
      return 'Finish your application and send it to us.';
    case 'submitted':
    case 'triaged':
      return 'We will check your application and give it to a caseworker. You do not need to do anything yet.';
    case 'in_assessment':
      return 'A caseworker is looking at your claim. We will contact you if we need anything.';
    case 'awaiting_information':
      return context.openInformationRequests > 0
        ? 'Send us the information we asked for by the date shown.'
        : 'We will carry on with your claim shortly.';
    case 'decision_pending_approval':
      return 'A decision is being checked. We will write to you when it is made.';
    case 'decided':
      return 'Read our decision. You can accept an award, or ask us to review the decision within 56 days.';
    case 'accepted':
      return 'We will pay your award.';
    case 'paid':
      return 'Your award has been paid.';
    case 'closed':
      return 'There is nothing more to do. Contact us if your injuries get much worse.';
    case 'review_requested':
    case 'under_review':
      return 'A different caseworker will review the decision and write to you.';
    case 'appealed':
      return 'The tribunal has decided. We will write to you about what it means for your claim.';
    case 'withdrawn':
      return 'There is nothing more to do. You can apply again if you change your mind and are still in time.';
    case 'reopened':
      return 'A caseworker will look at your claim again.';
  }
}
