import { circumstanceTermsFor, needRequirements, type NeedRequirement } from './needs.js';
import {
  circumstanceLabels,
  supportNeedLabels,
  type Circumstance,
  type CircumstanceTerm,
  type SupportNeed,
} from './vocabulary.js';

/** Where a service works: a local authority (GSS code, e.g. E09000007), a postcode district (SW1A), or a country. */
export type ServiceAreaType = 'local-authority' | 'postcode-district' | 'country';
export const serviceAreaTypes: readonly ServiceAreaType[] = ['local-authority', 'postcode-district', 'country'];

/** GSS codes of the countries a service can cover as a whole. */
export const COUNTRY_CODES = { england: 'E92000001', wales: 'W92000004', englandAndWales: 'K04000001' } as const;

export interface ServiceArea {
  readonly type: ServiceAreaType;
  readonly code: string;
  readonly name: string;
}

/** How a service has answered the referrals sent to it so far. */
export interface ServiceRecord {
  /** Referrals it accepted or declined. */
  readonly decided: number;
  readonly accepted: number;
  /** Median hours from sending to the first answer (acknowledged, accepted or declined); null before any. */
  readonly medianResponseHours: number | null;
}

/** A service of the directory, as the matcher needs it. */
export interface DirectoryService {
  readonly serviceId: string;
  readonly organisationId: string;
  readonly serviceName: string;
  readonly organisationName: string;
  /** Service taxonomy terms: what it offers. */
  readonly serviceTerms: readonly string[];
  /** Circumstance taxonomy terms: when present, only people in one of these circumstances are eligible. */
  readonly circumstanceTerms: readonly string[];
  readonly minimumAge: number | null;
  readonly maximumAge: number | null;
  readonly areas: readonly ServiceArea[];
  /** The capacity flag: false while the service cannot take new referrals. */
  readonly acceptingReferrals: boolean;
  readonly record: ServiceRecord;
}

/** A service with its term lists turned into sets once, so that each match is cheap (see bench/referrals). */
export interface PreparedService extends DirectoryService {
  readonly serviceTermSet: ReadonlySet<string>;
  readonly circumstanceTermSet: ReadonlySet<string>;
}

export function prepareServices(services: readonly DirectoryService[]): PreparedService[] {
  return services.map((service) => ({
    ...service,
    serviceTermSet: new Set(service.serviceTerms),
    circumstanceTermSet: new Set(service.circumstanceTerms),
  }));
}

export interface MatchLocation {
  /** GSS code of the local authority the victim lives in. */
  readonly localAuthorityCode?: string | null;
  /** Outward code of the victim's postcode (see `postcodeDistrict`). */
  readonly postcodeDistrict?: string | null;
}

export interface MatchRequest {
  readonly needs: readonly SupportNeed[];
  readonly circumstances: readonly Circumstance[];
  /** Age in years; null when not known. */
  readonly age: number | null;
  readonly location: MatchLocation;
  /** Services never to offer again (already offered to this person). */
  readonly excludeServiceIds?: readonly string[];
  /** Organisations never to offer again (the person withdrew from them, or they already have a live referral). */
  readonly excludeOrganisationIds?: readonly string[];
  /** How many matches to return; all when absent. */
  readonly limit?: number;
}

export interface ServiceMatch {
  readonly serviceId: string;
  readonly organisationId: string;
  readonly score: number;
  readonly needsMet: readonly SupportNeed[];
  /** Why it matched, in plain words for the victim. */
  readonly reasons: readonly string[];
}

/**
 * Weights, in order of what matters most: a service that meets one more need always ranks higher; then a
 * service that can take the referral now; then a specialist for the person's circumstances; then a local one;
 * then the service's record of answering. Integers, so ranking is exact and repeatable.
 */
export const matchWeights = {
  perNeedMet: 1000,
  acceptingReferrals: 300,
  specialist: 200,
  localArea: 100,
  /** At most this much for the share of referrals accepted (smoothed, see `acceptedShare`). */
  acceptedShare: 60,
  /** At most this much for a quick median response; falls to 0 at `slowResponseHours`. */
  quickResponse: 40,
  slowResponseHours: 120,
} as const;

/** Accepted share with one accepted and one declined added, so a new service starts at a half, not at 0 or 1. */
export function acceptedShare(record: ServiceRecord): number {
  return (record.accepted + 1) / (record.decided + 2);
}

function countryOfLocalAuthority(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith('E')) return COUNTRY_CODES.england;
  if (code.startsWith('W')) return COUNTRY_CODES.wales;
  return null;
}

/** `SW1A 1AA` -> `SW1A`; null if it does not look like a UK postcode (or a district alone). */
export function postcodeDistrict(postcode: string): string | null {
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact)) return compact.slice(0, -3);
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(compact)) return compact;
  return null;
}

type AreaFit = { fits: false } | { fits: true; local: boolean; area: ServiceArea };

function areaFit(service: DirectoryService, location: MatchLocation, country: string | null): AreaFit {
  let wide: ServiceArea | undefined;
  for (const area of service.areas) {
    if (area.type === 'local-authority' && area.code === location.localAuthorityCode)
      return { fits: true, local: true, area };
    if (area.type === 'postcode-district' && area.code === location.postcodeDistrict)
      return { fits: true, local: true, area };
    // England-and-Wales-wide services fit anyone; a one-country service needs the person's country, known from
    // the local authority code.
    if (
      area.type === 'country' &&
      (area.code === COUNTRY_CODES.englandAndWales || (country !== null && area.code === country))
    ) {
      wide ??= area;
    }
  }
  return wide ? { fits: true, local: false, area: wide } : { fits: false };
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function daysInWords(hours: number): string {
  const days = Math.max(1, Math.ceil(hours / 24));
  return days === 1 ? '1 day' : `${days} days`;
}

/** The person's age for age limits: under-18 without an age means "some age below 18". */
function ageForLimits(request: MatchRequest): { age: number | null; under18: boolean } {
  return { age: request.age, under18: request.age === null && request.circumstances.includes('under-18') };
}

function withinAgeLimits(service: DirectoryService, age: number | null, under18: boolean): boolean {
  if (age !== null) {
    if (service.minimumAge !== null && age < service.minimumAge) return false;
    if (service.maximumAge !== null && age > service.maximumAge) return false;
    return true;
  }
  // Without an age, a child cannot be matched to an adults-only service; anything else is left open.
  return !(under18 && service.minimumAge !== null && service.minimumAge >= 18);
}

function score(service: PreparedService, needsMet: number, specialist: boolean, local: boolean): number {
  const record = service.record;
  const response =
    record.medianResponseHours === null
      ? matchWeights.quickResponse / 2
      : matchWeights.quickResponse * Math.max(0, 1 - record.medianResponseHours / matchWeights.slowResponseHours);
  return (
    needsMet * matchWeights.perNeedMet +
    (service.acceptingReferrals ? matchWeights.acceptingReferrals : 0) +
    (specialist ? matchWeights.specialist : 0) +
    (local ? matchWeights.localArea : 0) +
    Math.round(matchWeights.acceptedShare * acceptedShare(record)) +
    Math.round(response)
  );
}

function reasonsFor(
  service: PreparedService,
  needsMet: readonly SupportNeed[],
  specialistFor: readonly Circumstance[],
  fit: Extract<AreaFit, { fits: true }>,
): string[] {
  const reasons = [`Helps with ${listInWords(needsMet.map((need) => supportNeedLabels[need]))}.`];
  if (specialistFor.length) {
    reasons.push(
      `Specialises in supporting people affected by ${listInWords(specialistFor.map((c) => circumstanceLabels[c]))}.`,
    );
  }
  reasons.push(fit.local ? `Works in your area (${fit.area.name}).` : `Works across ${fit.area.name}.`);
  reasons.push(
    service.acceptingReferrals
      ? 'Can take new referrals now.'
      : 'Is very busy at the moment, so it may take longer to hear back.',
  );
  const record = service.record;
  if (record.medianResponseHours !== null)
    reasons.push(`Usually replies within ${daysInWords(record.medianResponseHours)}.`);
  if (record.decided >= 5) {
    const inTen = Math.round((record.accepted / record.decided) * 10);
    reasons.push(`Has taken on ${inTen} in 10 of the referrals it was sent.`);
  }
  if (service.minimumAge !== null || service.maximumAge !== null) {
    reasons.push(
      service.minimumAge !== null && service.maximumAge !== null
        ? `Supports people aged ${service.minimumAge} to ${service.maximumAge}.`
        : service.minimumAge !== null
          ? `Supports people aged ${service.minimumAge} and over.`
          : `Supports people aged up to ${service.maximumAge}.`,
    );
  }
  return reasons;
}

const termToCircumstance: Record<CircumstanceTerm, Circumstance> = {
  'sexual-violence': 'sexual-violence',
  'domestic-abuse': 'domestic-abuse',
  bereavement: 'bereavement',
  'children-and-young-people': 'under-18',
};

/**
 * Ranks the services that can help: each must meet at least one need, cover the person's area, take
 * people of their age and, where it is for people in particular circumstances only, be for theirs.
 * Best first; equal scores in service id order, so the same input always gives the same list.
 */
export function matchServices(request: MatchRequest, services: readonly PreparedService[]): ServiceMatch[] {
  const requirements: readonly NeedRequirement[] = needRequirements(request.needs, request.circumstances);
  if (!requirements.length) return [];
  const personTerms = circumstanceTermsFor(request.circumstances);
  const { age, under18 } = ageForLimits(request);
  const childTerm = under18 || (age !== null && age < 18);
  if (childTerm && !personTerms.includes('children-and-young-people')) personTerms.push('children-and-young-people');
  const country = countryOfLocalAuthority(request.location.localAuthorityCode);
  const excludedServices = new Set(request.excludeServiceIds ?? []);
  const excludedOrganisations = new Set(request.excludeOrganisationIds ?? []);

  const candidates: Candidate[] = [];
  for (const service of services) {
    if (excludedServices.has(service.serviceId) || excludedOrganisations.has(service.organisationId)) continue;
    const needsMet: SupportNeed[] = [];
    for (const requirement of requirements) {
      if (requirement.terms.some((term) => service.serviceTermSet.has(term))) needsMet.push(requirement.need);
    }
    if (!needsMet.length) continue;
    const specialistFor: Circumstance[] = [];
    if (service.circumstanceTermSet.size) {
      for (const term of personTerms)
        if (service.circumstanceTermSet.has(term)) specialistFor.push(termToCircumstance[term]);
      // A service for people in particular circumstances only is not for someone outside them.
      if (!specialistFor.length) continue;
    }
    if (!withinAgeLimits(service, age, under18)) continue;
    const fit = areaFit(service, request.location, country);
    if (!fit.fits) continue;
    candidates.push({
      service,
      needsMet,
      specialistFor,
      fit,
      score: score(service, needsMet.length, specialistFor.length > 0, fit.local),
    });
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      (a.service.serviceId < b.service.serviceId ? -1 : a.service.serviceId > b.service.serviceId ? 1 : 0),
  );
  // Reasons are words for people: only written for the matches that are returned.
  const chosen = request.limit === undefined ? candidates : candidates.slice(0, request.limit);
  return chosen.map(({ service, needsMet, specialistFor, fit, score: total }) => ({
    serviceId: service.serviceId,
    organisationId: service.organisationId,
    score: total,
    needsMet,
    reasons: reasonsFor(service, needsMet, specialistFor, fit),
  }));
}

interface Candidate {
  service: PreparedService;
  needsMet: SupportNeed[];
  specialistFor: Circumstance[];
  fit: Extract<AreaFit, { fits: true }>;
  score: number;
}
