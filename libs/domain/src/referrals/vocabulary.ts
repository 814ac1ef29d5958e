/**
 * The words of the application's support-needs section, as the victim sees them, and the taxonomy the
 * directory uses. The two are kept apart on purpose: the victim never has to know how support
 * organisations describe themselves (architecture, "one front door built around needs").
 */

/** What the victim says they need help with (the application's support-needs section). */
export const supportNeeds = [
  'feeling-safe',
  'emotional-support',
  'practical-help',
  'money',
  'housing',
  'health',
  'legal-help',
  'children',
  'going-to-court',
] as const;
export type SupportNeed = (typeof supportNeeds)[number];

/** Circumstances the victim chose to tell us about; each may make specialist services eligible. */
export const circumstances = ['sexual-violence', 'domestic-abuse', 'bereavement', 'under-18'] as const;
export type Circumstance = (typeof circumstances)[number];

/** Plain words for each need, to use inside a sentence ("Helps with feeling safe and money"). */
export const supportNeedLabels: Record<SupportNeed, string> = {
  'feeling-safe': 'feeling safe',
  'emotional-support': 'emotional support',
  'practical-help': 'practical help',
  money: 'money',
  housing: 'housing',
  health: 'health',
  'legal-help': 'legal help',
  children: 'children',
  'going-to-court': 'going to court',
};

export const circumstanceLabels: Record<Circumstance, string> = {
  'sexual-violence': 'sexual violence',
  'domestic-abuse': 'domestic abuse',
  bereavement: 'bereavement',
  'under-18': 'children and young people',
};

/** The two taxonomies of the directory (HSDS 3 `taxonomy`), identified by name. */
export const REFERRAL_NEEDS_TAXONOMY = 'redress-support-services';
export const REFERRAL_CIRCUMSTANCES_TAXONOMY = 'redress-circumstances';

/** Service taxonomy terms (the services a support organisation offers). */
export const serviceTerms = [
  'safety-planning',
  'home-security',
  'idva',
  'isva',
  'refuge',
  'emotional-support',
  'counselling',
  'bereavement-support',
  'young-people-support',
  'practical-help',
  'money-advice',
  'benefits-advice',
  'housing-advice',
  'health-support',
  'legal-advice',
  'children-and-families',
  'court-support',
] as const;
export type ServiceTerm = (typeof serviceTerms)[number];

/** Circumstance taxonomy terms: a service coded with any of them is for people in those circumstances only. */
export const circumstanceTerms = [
  'sexual-violence',
  'domestic-abuse',
  'bereavement',
  'children-and-young-people',
] as const;
export type CircumstanceTerm = (typeof circumstanceTerms)[number];

export function isSupportNeed(value: unknown): value is SupportNeed {
  return typeof value === 'string' && (supportNeeds as readonly string[]).includes(value);
}

export function isCircumstance(value: unknown): value is Circumstance {
  return typeof value === 'string' && (circumstances as readonly string[]).includes(value);
}
