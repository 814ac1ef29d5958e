import {
  addYearsToParts,
  ageOnParts,
  datePartsOfAttainingAge,
  dayNumberOfParts,
  formatIsoDate,
  formatUkLongDate,
  partsOfDayNumber,
  type CalendarDateParts,
  type IsoDate,
} from '../shared/calendar-date.js';
import type { EligibilityRuleId, RuleResult, RuleResultValue } from './eligibility-assessment.js';
import type {
  ApplicantFacts,
  ConvictionSentence,
  EligibilityFacts,
  FatalRelationship,
  IncidentFacts,
  IncidentKind,
  InjuryFacts,
  ResidenceBasis,
} from './eligibility-facts.js';
import type { DateFact, ReadFacts } from './impossible-facts.js';
import { schemeEditionDays, type SchemeEdition } from './scheme-editions.js';

/** What every rule reads: the facts, their dates read once, the edition, and what the time-limit rules found. */
export interface RuleContext {
  readonly facts: EligibilityFacts;
  readonly read: ReadFacts;
  readonly edition: SchemeEdition;
  /** True when the application was received before the first edition took effect (para 2). */
  readonly beforeScheme: boolean;
  readonly applicant: ApplicantFacts | undefined;
  readonly incident: IncidentFacts | undefined;
  readonly injuries: InjuryFacts | undefined;
  /** Age in whole years at the (first) incident; undefined when a date is absent. */
  readonly ageAtIncident: number | undefined;
  /** Hurt before the same-roof date while living with the assailant as family; undefined when unknown. */
  readonly sameRoofCase: boolean | undefined;
  /** Para 88A's window decides the time limit (in time whatever 87 and 88 say). */
  readonly inTimeUnder88A: boolean;
  /** Set by the time-limit rules: the last day an application is in time. */
  deadline: IsoDate | null;
}

/** A rule as code: its id, the paragraph it implements, the facts it reads, and how it decides. */
export interface EligibilityRule {
  readonly id: EligibilityRuleId;
  /** The paragraphs the rule implements, as in the contract's table. */
  readonly paragraph: string;
  /** Dotted paths of the facts the rule reads. */
  readonly reads: readonly string[];
  evaluate(context: RuleContext): RuleResult;
}

function outcome(
  rule: EligibilityRuleId,
  paragraph: string,
  result: RuleResultValue,
  reason: string,
  caseworkerReason: string,
): RuleResult {
  return { rule, paragraph, result, reason, caseworkerReason };
}

const long = (date: DateFact | CalendarDateParts | IsoDate): string =>
  formatUkLongDate(typeof date === 'object' && 'iso' in date ? date.parts : date);

const hasText = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== '';

const askHowAffected =
  'Please tell us how you were affected: hurt yourself, hurt while trying to stop a crime or help the police, ' +
  'a witness to a loved one being hurt, or a close relative of someone who died.';

const lateHelp =
  'A caseworker can still accept a late application in exceptional circumstances: please tell us what stopped ' +
  'you applying sooner (for example illness, or the effects of what happened to you), and this may change.';

const lateReferred =
  'You have told us why you could not apply sooner. A caseworker can still accept your application if ' +
  'exceptional circumstances stopped you applying earlier and your claim can be decided without long further ' +
  'enquiries; sending any police and medical records you have will help.';

// ---------------------------------------------------------------------------------------------------------------
// Para 2: the scheme applies to applications received on or after the day it took effect.

const schemeEdition: EligibilityRule = {
  id: 'scheme-edition',
  paragraph: '2',
  reads: ['receivedOn'],
  evaluate({ read, edition, beforeScheme }) {
    if (beforeScheme) {
      return outcome(
        'scheme-edition',
        '2',
        'refer',
        `Applications received before ${long(edition.inForceFrom)} come under an earlier compensation scheme. ` +
          'A caseworker will check which rules apply to you.',
        `Received ${read.received.iso}, before CICS 2012 took effect (${edition.inForceFrom}): an earlier scheme ` +
          `governs. The other results apply ${edition.name} for information only.`,
      );
    }
    const amended = edition.sameRoofBar === null;
    return outcome(
      'scheme-edition',
      '2',
      'pass',
      `Your application is looked at under the Criminal Injuries Compensation Scheme 2012` +
        `${amended ? `, as changed on ${long(edition.inForceFrom)}` : ''}.`,
      `Received ${read.received.iso}: ${edition.name} applies (in force from ${edition.inForceFrom}).`,
    );
  },
};

// Para 17: no award for an injury sustained before 1 August 1964.
const injuryBefore1964: EligibilityRule = {
  id: 'injury-before-1964',
  paragraph: '17',
  reads: ['incident.date'],
  evaluate({ read, edition }) {
    const earliest = edition.earliestIncidentDate;
    if (read.incidentDate === undefined) {
      return outcome(
        'injury-before-1964',
        '17',
        'missing',
        'Please tell us the date it happened (or the date it started, if it happened more than once).',
        'incident.date absent.',
      );
    }
    if (read.incidentDate.day < schemeEditionDays(edition).earliestIncidentDate) {
      return outcome(
        'injury-before-1964',
        '17',
        'fail',
        `We are sorry: the scheme cannot pay for injuries from before ${long(earliest)}, and this happened on ` +
          `${long(read.incidentDate)}. This is a fixed rule that nobody can set aside, but support services ` +
          'can still help you.',
        `incident.date ${read.incidentDate.iso} is before ${earliest}: para 17 bars the award.`,
      );
    }
    return outcome(
      'injury-before-1964',
      '17',
      'pass',
      `It happened after ${long(earliest)}, the earliest date the scheme covers.`,
      `incident.date ${read.incidentDate.iso} is on or after ${earliest}.`,
    );
  },
};

// Para 18: one application per injury. As amended in 2019, an earlier application refused (or deterred) under
// old para 19 does not bar a new one, so those cases go to a person to check the earlier decision.
const previousApplication: EligibilityRule = {
  id: 'previous-application',
  paragraph: '18',
  reads: ['applicant.previousApplicationForSameInjury', 'incident.date', 'applicant.livedWithAssailantAsFamily'],
  evaluate({ applicant, edition, sameRoofCase }) {
    const previous = applicant?.previousApplicationForSameInjury;
    if (previous === undefined || previous === null) {
      return outcome(
        'previous-application',
        '18',
        'missing',
        'Please tell us whether you have applied for compensation for this same injury before.',
        'applicant.previousApplicationForSameInjury absent.',
      );
    }
    if (!previous) {
      return outcome(
        'previous-application',
        '18',
        'pass',
        'You have not applied before for this injury.',
        'No previous application for the same injury.',
      );
    }
    const exception = edition.sameRoofTransitional;
    if (exception?.previousApplicationExcepted === true && sameRoofCase !== false) {
      if (sameRoofCase === undefined) {
        return outcome(
          'previous-application',
          '18',
          'missing',
          'You have applied before for this injury. Please tell us whether you lived with the person who hurt ' +
            'you, as family, when it happened: since 13 June 2019 some people turned down for that reason can apply again.',
          `Previous application for the same injury; whether this is a same-roof case (incident before ` +
            `${exception.incidentBefore}, lived with assailant as family) is unknown, and para 18 as amended ` +
            'excepts earlier applications refused under old para 19.',
        );
      }
      return outcome(
        'previous-application',
        '18',
        'refer',
        `You applied before for this injury. Since ${long(edition.inForceFrom)}, people who were turned down ` +
          `because they lived with the person who hurt them before ${long(exception.incidentBefore)} can apply ` +
          'again. A caseworker will check why your earlier application was turned down.',
        `Previous application for the same injury, in a same-roof case (incident before ${exception.incidentBefore}, ` +
          'lived with assailant as family): para 18 as amended 2019 lets through an application refused under old ' +
          'para 19. Check the earlier decision (wording of the exception unverified [U]).',
      );
    }
    return outcome(
      'previous-application',
      '18',
      'fail',
      'You have already applied for compensation for this same injury, and the scheme allows one application for ' +
        'each injury. If your earlier application was for a different injury, please tell us, as that would change this.',
      'applicant.previousApplicationForSameInjury is true: para 18 bars a second application for the same injury.',
    );
  },
};

// Para 19 (edition as made only): the "same roof" bar, omitted from 13 June 2019.
const sameRoof: EligibilityRule = {
  id: 'same-roof',
  paragraph: '19',
  reads: ['incident.date', 'applicant.livedWithAssailantAsFamily'],
  evaluate({ read, edition, sameRoofCase }) {
    const bar = edition.sameRoofBar;
    if (bar === null) {
      return outcome(
        'same-roof',
        '19',
        'not-applicable',
        'An old rule about living with the person who hurt you before October 1979 was removed on 13 June 2019, ' +
          'so it does not affect you.',
        `Para 19 is omitted in ${edition.name}.`,
      );
    }
    if (sameRoofCase === undefined) {
      return outcome(
        'same-roof',
        '19',
        'missing',
        read.incidentDate === undefined
          ? 'Please tell us the date it happened.'
          : 'Please tell us whether you lived with the person who hurt you, as family, when it happened.',
        `Same-roof bar (incident before ${bar.incidentBefore} while living with assailant as family): ` +
          `${read.incidentDate === undefined ? 'incident.date' : 'applicant.livedWithAssailantAsFamily'} absent.`,
      );
    }
    if (sameRoofCase) {
      return outcome(
        'same-roof',
        '19',
        'fail',
        `It happened before ${long(bar.incidentBefore)} while you lived with the person who hurt you as family. ` +
          'Under the rules in force when we received your application, the scheme could not pay in that case. That ' +
          'rule was removed on 13 June 2019, and people in your situation could then apply again: please ask us ' +
          'about applying under the new rules.',
        `incident.date ${read.incidentDate?.iso ?? '?'} before ${bar.incidentBefore} and lived with assailant as ` +
          `family: para 19 bars the award under ${edition.name}.`,
      );
    }
    return outcome(
      'same-roof',
      '19',
      'pass',
      `The old rule about living with the person who hurt you before ${long(bar.incidentBefore)} does not apply to you.`,
      `Not a same-roof case: incident on or after ${bar.incidentBefore}, or did not live with the assailant as family.`,
    );
  },
};

const placeNames = { england: 'England', wales: 'Wales', scotland: 'Scotland' } as const;

// Para 8 and Annex C: a relevant place is Great Britain, or an Annex C place in the circumstances there.
const relevantPlace: EligibilityRule = {
  id: 'relevant-place',
  paragraph: '8, Annex C',
  reads: ['incident.place'],
  evaluate({ incident }) {
    const place = incident?.place;
    switch (place) {
      case undefined:
      case null:
        return outcome('relevant-place', '8', 'missing', 'Please tell us where it happened.', 'incident.place absent.');
      case 'england':
      case 'wales':
      case 'scotland':
        return outcome(
          'relevant-place',
          '8',
          'pass',
          `It happened in ${placeNames[place]}, which the scheme covers.`,
          `incident.place ${place}: in Great Britain, a relevant place (para 8).`,
        );
      case 'northern-ireland':
        return outcome(
          'relevant-place',
          '8',
          'fail',
          'This scheme covers England, Wales and Scotland. Northern Ireland has its own criminal injuries ' +
            'compensation scheme, run by the Department of Justice in Northern Ireland (Compensation Services): ' +
            'you can apply to it instead.',
          'incident.place northern-ireland: not a relevant place (para 8); the Northern Ireland scheme applies.',
        );
      case 'annex-c':
        return outcome(
          'relevant-place',
          'Annex C',
          'refer',
          'It happened in a place the scheme covers only in some circumstances (for example on a British ship or ' +
            'aircraft, or in the Channel Tunnel). A caseworker will check the details with you.',
          'incident.place annex-c: whether the Annex C circumstances are met needs a person.',
        );
      case 'elsewhere':
        return outcome(
          'relevant-place',
          '8',
          'fail',
          'This scheme covers crimes in England, Wales and Scotland (and a few places linked to them, such as ' +
            'British ships and aircraft), so it cannot pay for something that happened abroad. If you were hurt ' +
            'in a terrorist attack abroad, you may be able to claim under the Victims of Overseas Terrorism ' +
            'Compensation Scheme, also run by the Criminal Injuries Compensation Authority. Many countries have ' +
            'their own schemes for victims of crime, and the country where it happened may be able to help. If it ' +
            'in fact happened on a British ship, aircraft or similar, please tell us, as that would change this.',
          'incident.place elsewhere: not a relevant place (para 8). Signposted: Victims of Overseas Terrorism ' +
            'Compensation Scheme (designated terrorist incidents), and the local scheme of the country concerned.',
        );
    }
  },
};

const annexBLimb: Record<IncidentKind, string> = {
  'physical-attack': 'Annex B 2(1)(a) physical attack',
  'violent-act': 'Annex B 2(1)(b) other act or omission of a violent nature causing physical injury',
  'threat-of-immediate-violence': 'Annex B 2(1)(c) threat causing fear of immediate violence',
  'sexual-assault': 'Annex B 2(1)(d) sexual assault to which the person did not in fact consent',
  arson: 'Annex B 2(1)(e) arson or fire-raising',
  'animal-deliberately-used': 'Annex B 3: animal used deliberately to inflict injury',
  'animal-not-deliberately-used': 'Annex B 3: animal not used deliberately to inflict injury',
  'vehicle-deliberately-used': 'Annex B 3: vehicle used deliberately to inflict injury',
  'vehicle-accident': 'Annex B 3: vehicle not used deliberately to inflict injury',
  other: 'not one of the Annex B 2(1) descriptions',
};

// Annex B: only a crime of violence counts; animal and vehicle injuries only when deliberately used to injure.
const crimeOfViolence: EligibilityRule = {
  id: 'crime-of-violence',
  paragraph: 'Annex B',
  reads: ['incident.kind'],
  evaluate({ incident }) {
    const kind = incident?.kind;
    switch (kind) {
      case undefined:
      case null:
        return outcome(
          'crime-of-violence',
          'Annex B',
          'missing',
          'Please tell us what happened (for example an attack, a threat, a sexual assault or a fire).',
          'incident.kind absent.',
        );
      case 'animal-not-deliberately-used':
        return outcome(
          'crime-of-violence',
          'Annex B',
          'fail',
          'The scheme pays for injuries from an animal only when someone used it on purpose to hurt a person. ' +
            'If someone set the animal on you, please tell us, as that would change this. You may be able to ' +
            "claim from the animal's owner or their insurer.",
          `incident.kind ${kind}: ${annexBLimb[kind]}; not a crime of violence.`,
        );
      case 'vehicle-accident':
        return outcome(
          'crime-of-violence',
          'Annex B',
          'fail',
          'The scheme pays for injuries from a vehicle only when the driver used it on purpose to hurt someone. ' +
            'If the driver meant to hurt you, please tell us, as that would change this. For road accidents, the ' +
            "driver's insurer, or the Motor Insurers' Bureau if the driver was uninsured or not traced, may " +
            'compensate you.',
          `incident.kind ${kind}: ${annexBLimb[kind]}; not a crime of violence.`,
        );
      case 'other':
        return outcome(
          'crime-of-violence',
          'Annex B',
          'refer',
          'A caseworker will look at what happened to decide whether it counts as a crime of violence under the scheme.',
          `incident.kind other: ${annexBLimb[kind]}; a person must decide whether Annex B 2 is met.`,
        );
      default:
        return outcome(
          'crime-of-violence',
          'Annex B',
          'pass',
          'What happened counts as a crime of violence under the scheme.',
          `incident.kind ${kind}: ${annexBLimb[kind]}.`,
        );
    }
  },
};

// Para 6: a witness (or someone in the immediate aftermath) gets an award only for a mental injury, and only
// where the person hurt was a loved one.
const routeWitness: EligibilityRule = {
  id: 'route-witness',
  paragraph: '6',
  reads: ['route', 'witness.lovedOne', 'witness.presentOrImmediateAftermath', 'injuries.mentalInjury'],
  evaluate({ facts, injuries }) {
    const route = facts.route;
    if (route === undefined || route === null) {
      return outcome('route-witness', '6', 'missing', askHowAffected, 'route absent.');
    }
    if (route !== 'witness') {
      return outcome(
        'route-witness',
        '6',
        'not-applicable',
        'This rule is for people who saw a loved one being hurt, which is not how you applied.',
        `route ${route}.`,
      );
    }
    const witness = facts.witness ?? undefined;
    const lovedOne = witness?.lovedOne;
    const present = witness?.presentOrImmediateAftermath;
    const mentalInjury = injuries === undefined ? undefined : injuries.mentalInjury;
    if (lovedOne === false) {
      return outcome(
        'route-witness',
        '6',
        'fail',
        'The scheme can pay a witness only when the person hurt was someone they loved, such as close family or ' +
          'a partner. If you were attacked or threatened with immediate violence yourself, please tell us: you ' +
          'could then apply as a victim yourself.',
        'route witness, witness.lovedOne false: para 6 excludes witnesses to injuries of people not loved ones.',
      );
    }
    if (present === false) {
      return outcome(
        'route-witness',
        '6',
        'fail',
        'The scheme can pay a witness only if they saw it happen or were there straight after it. If you were ' +
          'there at the time or came upon it soon after, please tell us, as that would change this.',
        'route witness, witness.presentOrImmediateAftermath false: para 6 not met.',
      );
    }
    if (mentalInjury === null) {
      return outcome(
        'route-witness',
        '6',
        'fail',
        'For witnesses, the scheme pays only for a mental injury, such as post-traumatic stress disorder (PTSD). ' +
          'If what you saw has affected your mental health, please tell us, as that would change this.',
        'route witness, injuries.mentalInjury null: para 6 pays for mental injury only.',
      );
    }
    if (lovedOne == null || present == null || mentalInjury === undefined) {
      const absent = [
        lovedOne == null ? 'witness.lovedOne' : undefined,
        present == null ? 'witness.presentOrImmediateAftermath' : undefined,
        mentalInjury === undefined ? 'injuries.mentalInjury' : undefined,
      ].filter((field) => field !== undefined);
      return outcome(
        'route-witness',
        '6',
        'missing',
        'Please tell us about the person who was hurt, whether you saw it happen or were there straight after, ' +
          'and how it has affected your mental health.',
        `route witness: ${absent.join(', ')} absent.`,
      );
    }
    return outcome(
      'route-witness',
      '6',
      'pass',
      'You saw a loved one being hurt (or were there straight after), and it caused you a mental injury: the ' +
        'scheme can cover this.',
      'route witness: loved one, present or in the immediate aftermath, mental injury (para 6).',
    );
  },
};

// Para 5: whether a risk was exceptional and justified is a judgement, so it always goes to a person.
const routeExceptionalRisk: EligibilityRule = {
  id: 'route-exceptional-risk',
  paragraph: '5',
  reads: ['route'],
  evaluate({ facts }) {
    const route = facts.route;
    if (route === undefined || route === null) {
      return outcome('route-exceptional-risk', '5', 'missing', askHowAffected, 'route absent.');
    }
    if (route !== 'exceptional-risk') {
      return outcome(
        'route-exceptional-risk',
        '5',
        'not-applicable',
        'This rule is for people hurt while trying to stop a crime or help the police, which is not how you applied.',
        `route ${route}.`,
      );
    }
    return outcome(
      'route-exceptional-risk',
      '5',
      'refer',
      'You were hurt taking a risk to stop a crime or help the police. A caseworker will look at the risk you ' +
        'took, to decide whether it was exceptional and justified as the scheme requires.',
      'route exceptional-risk: para 5 needs a judgement of the risk (stricter where risk-taking is part of the job).',
    );
  },
};

const relationshipNames: Record<Exclude<FatalRelationship, 'other'>, string> = {
  'spouse-or-civil-partner-living-together': 'husband, wife or civil partner, living with them',
  'partner-living-together-2-years': 'partner, living with them for at least 2 years',
  'spouse-or-partner-apart-through-ill-health':
    'husband, wife, civil partner or partner, apart only through ill health',
  'former-spouse-financially-supported': 'former husband, wife or civil partner, supported by them financially',
  parent: 'parent',
  child: 'child',
};

// Para 59: only a qualifying relative gets the fatal payments; whoever paid for the funeral may get that payment.
const routeFatal: EligibilityRule = {
  id: 'route-fatal',
  paragraph: '59',
  reads: ['route', 'fatal.relationship', 'fatal.paidFuneral'],
  evaluate({ facts }) {
    const route = facts.route;
    if (route === undefined || route === null) {
      return outcome('route-fatal', '59', 'missing', askHowAffected, 'route absent.');
    }
    if (route !== 'fatal') {
      return outcome(
        'route-fatal',
        '59',
        'not-applicable',
        'This rule is for relatives of someone who died, which is not how you applied.',
        `route ${route}.`,
      );
    }
    const relationship = facts.fatal?.relationship;
    if (relationship === undefined || relationship === null) {
      return outcome(
        'route-fatal',
        '59',
        'missing',
        'We are sorry for your loss. Please tell us how you were related to the person who died.',
        'route fatal: fatal.relationship absent.',
      );
    }
    if (relationship !== 'other') {
      return outcome(
        'route-fatal',
        '59',
        'pass',
        `We are sorry for your loss. As their ${relationshipNames[relationship]}, you are one of the relatives ` +
          'the scheme can pay.',
        `route fatal: ${relationship} is a qualifying relative (para 59).`,
      );
    }
    const paidFuneral = facts.fatal?.paidFuneral;
    if (paidFuneral === true) {
      return outcome(
        'route-fatal',
        '59',
        'pass',
        'We are sorry for your loss. The scheme pays bereavement payments only to close relatives such as ' +
          'partners, parents and children, but because you paid for the funeral you may be able to get the funeral payment.',
        'route fatal: not a qualifying relative (para 59), but paid for the funeral: funeral payment only ' +
          '(payee rule unverified [U]).',
      );
    }
    if (paidFuneral === false) {
      return outcome(
        'route-fatal',
        '59',
        'fail',
        'We are sorry for your loss. The scheme can pay only close relatives of the person who died (partners, ' +
          'parents, children and some former partners) and whoever paid for the funeral. If you paid for the ' +
          'funeral, or your relationship is one of these, please tell us, as that would change this.',
        'route fatal: relationship other (not a qualifying relative, para 59) and did not pay for the funeral.',
      );
    }
    return outcome(
      'route-fatal',
      '59',
      'missing',
      'We are sorry for your loss. Please tell us whether you paid for the funeral.',
      'route fatal: relationship other; fatal.paidFuneral absent.',
    );
  },
};

const residenceNames: Record<ResidenceBasis, [paragraph: string, words: string]> = {
  'ordinarily-resident-uk': ['10', 'you lived in the UK when it happened'],
  'british-citizen': ['11', 'you are a British citizen'],
  'close-relative-of-british-citizen': ['11', 'you are a close relative of a British citizen'],
  'eu-eea-national': ['11', 'you are an EU or EEA national'],
  'eu-eea-family-member': ['11', 'you are a family member of an EU or EEA national'],
  'council-of-europe-national': ['11', 'you are a national of a Council of Europe country'],
  'armed-forces': ['11', 'you are a member of the armed forces'],
  'armed-forces-relative': ['11', 'you are a close relative of a member of the armed forces'],
  'trafficking-victim': ['13(a)', 'you have been identified as a victim of human trafficking'],
  'asylum-applicant': ['13(b)', 'you have applied for asylum'],
};

// Paras 10 to 13: at least one basis of residence or nationality (incident date for 10-11, application date for 13).
const residence: EligibilityRule = {
  id: 'residence',
  paragraph: '10-13',
  reads: ['applicant.residence'],
  evaluate({ applicant }) {
    const bases = applicant?.residence;
    if (bases === undefined || bases === null) {
      return outcome(
        'residence',
        '10-13',
        'missing',
        'Please tell us about your residence or nationality, for example whether you lived in the UK when it happened.',
        'applicant.residence absent.',
      );
    }
    const first = bases[0];
    if (first === undefined) {
      return outcome(
        'residence',
        '10-13',
        'fail',
        'The scheme can pay only people with a link to the UK: for example living in the UK when it happened, ' +
          'being a British citizen or the close relative of one, an EU or EEA national or their family member, ' +
          'a member of the armed forces or their close relative, a victim of human trafficking, or someone who ' +
          'has applied for asylum. If any of these is true for you, please tell us, as that would change this.',
        'applicant.residence empty: no basis under paras 10, 11 or 13.',
      );
    }
    const cited = bases.map((basis) => `${basis} (para ${residenceNames[basis][0]})`).join(', ');
    const conditional = bases.some((basis) => basis === 'trafficking-victim' || basis === 'asylum-applicant');
    return outcome(
      'residence',
      '10-13',
      'pass',
      `You meet the residence rules: ${residenceNames[first][1]}.`,
      `Residence met: ${cited}.${conditional ? ' Paras 14-16 conditions on para 13 bases to check [U].' : ''}`,
    );
  },
};

/** Which time-limit rule is this applicant's, or why none can be chosen yet. */
function timeLimitLimb(context: RuleContext): 'adult' | 'child' | 'same-roof-window' | 'missing' {
  if (context.inTimeUnder88A) return 'same-roof-window';
  if (context.ageAtIncident === undefined) return 'missing';
  return context.ageAtIncident >= context.edition.timeLimits.adultAge ? 'adult' : 'child';
}

function missingForTimeLimit(rule: EligibilityRuleId, paragraph: string, read: ReadFacts): RuleResult {
  const field = read.incidentDate === undefined ? 'incident.date' : 'applicant.dateOfBirth';
  return outcome(
    rule,
    paragraph,
    'missing',
    read.incidentDate === undefined
      ? 'Please tell us the date it happened, so we can work out the time limit for applying.'
      : 'Please tell us your date of birth: the time limit for applying is different for people who were under 18.',
    `${field} absent: cannot tell whether para 87 or para 88 applies.`,
  );
}

/** A late application: refer under para 89 if a reason was given, else fail under the limb that was missed. */
function lateResult(
  context: RuleContext,
  rule: EligibilityRuleId,
  missedParagraph: string,
  whatWasMissed: string,
  caseworkerLimb: string,
): RuleResult {
  if (hasText(context.facts.lateApplicationReason)) {
    return outcome(
      rule,
      '89',
      'refer',
      `${whatWasMissed} ${lateReferred}`,
      `${caseworkerLimb}; late, with a reason given: para 89 needs both (a) exceptional circumstances and ` +
        '(b) no extensive further enquiries.',
    );
  }
  return outcome(
    rule,
    missedParagraph,
    'fail',
    `${whatWasMissed} ${lateHelp}`,
    `${caseworkerLimb}; late, no reason given for para 89.`,
  );
}

// Para 87 (subject to 88 and 88A): an adult's application must be received within 2 years of the incident,
// or of the last incident of a period of abuse; para 89 lets a caseworker extend it.
const timeLimitAdult: EligibilityRule = {
  id: 'time-limit',
  paragraph: '87, 89',
  reads: ['receivedOn', 'incident.date', 'incident.lastDate', 'applicant.dateOfBirth', 'lateApplicationReason'],
  evaluate(context) {
    const { read, edition } = context;
    const limb = timeLimitLimb(context);
    if (limb === 'same-roof-window') {
      return outcome(
        'time-limit',
        '88A',
        'not-applicable',
        'The special time limit for people who lived with the person who hurt them before October 1979 applies to you (see below).',
        'Para 88A decides the time limit.',
      );
    }
    if (limb === 'missing') return missingForTimeLimit('time-limit', '87', read);
    if (limb === 'child') {
      return outcome(
        'time-limit',
        '87',
        'not-applicable',
        'You were under 18 when it happened, so the time limit for children applies (see below).',
        `Aged ${context.ageAtIncident} at incident.date: para 88, not 87.`,
      );
    }
    const last = read.lastIncidentDate as DateFact;
    const deadline = addYearsToParts(last.parts, edition.timeLimits.adultYears);
    const deadlineIso = formatIsoDate(deadline);
    context.deadline = deadlineIso;
    const period = read.lastIncidentDate !== read.incidentDate;
    const what = period ? 'the last time it happened' : 'the day it happened';
    const limbText = `Adult at incident; ${period ? 'last incident' : 'incident'} ${last.iso} + ${edition.timeLimits.adultYears} years = ${deadlineIso}; received ${read.received.iso}`;
    if (read.received.day <= dayNumberOfParts(deadline)) {
      return outcome(
        'time-limit',
        '87',
        'pass',
        `We received your application within ${edition.timeLimits.adultYears} years of ${what} (by ${long(deadline)}), so it is in time.`,
        `${limbText}: in time (para 87).`,
      );
    }
    return lateResult(
      context,
      'time-limit',
      '87',
      `Applications must be received within ${edition.timeLimits.adultYears} years of ${what}, so by ` +
        `${long(deadline)}; we received yours on ${long(read.received)}.`,
      `${limbText}: late under para 87`,
    );
  },
};

// Para 88A (2019 amendment): same-roof cases received within the transitional window are in time whatever
// paras 87 and 88 say; after it, 87 and 88 decide as for anyone.
const timeLimitSameRoof: EligibilityRule = {
  id: 'time-limit-same-roof',
  paragraph: '88A',
  reads: ['receivedOn', 'incident.date', 'applicant.livedWithAssailantAsFamily'],
  evaluate({ read, edition, sameRoofCase, inTimeUnder88A }) {
    const window = edition.sameRoofTransitional;
    if (window === null) {
      return outcome(
        'time-limit-same-roof',
        '88A',
        'not-applicable',
        'This rule applies only to applications received from 13 June 2019.',
        `Para 88A is not part of ${edition.name}.`,
      );
    }
    if (inTimeUnder88A) {
      return outcome(
        'time-limit-same-roof',
        '88A',
        'pass',
        `It happened before ${long(window.incidentBefore)} while you lived with the person who hurt you as ` +
          `family. Under the special rule for these cases, applications received by ${long(window.applyBy)} are ` +
          'in time, so yours is in time.',
        `Same-roof case, received ${read.received.iso} by ${window.applyBy}: in time under para 88A.`,
      );
    }
    if (sameRoofCase === false) {
      return outcome(
        'time-limit-same-roof',
        '88A',
        'not-applicable',
        `This rule is only for people hurt before ${long(window.incidentBefore)} by someone they lived with as family.`,
        'Not a same-roof case.',
      );
    }
    if (read.received.day > (schemeEditionDays(edition).sameRoofApplyBy ?? Infinity)) {
      return outcome(
        'time-limit-same-roof',
        '88A',
        'not-applicable',
        `A special time limit for people who lived with the person who hurt them before ` +
          `${long(window.incidentBefore)} ended on ${long(window.applyBy)}, so the usual time limits apply.`,
        `Received ${read.received.iso}, after the para 88A window closed (${window.applyBy}): paras 87 and 88 decide.`,
      );
    }
    return outcome(
      'time-limit-same-roof',
      '88A',
      'missing',
      read.incidentDate === undefined
        ? 'Please tell us the date it happened.'
        : 'Please tell us whether you lived with the person who hurt you, as family, when it happened.',
      `Within the para 88A window; ${read.incidentDate === undefined ? 'incident.date' : 'applicant.livedWithAssailantAsFamily'} absent.`,
    );
  },
};

// Para 88: under 18 at the incident and reported before 18, apply before the 20th birthday (88(a)); reported at
// 18 or later, within 2 years of the first report (88(b)). Para 89 lets a caseworker extend either.
const timeLimitUnder18: EligibilityRule = {
  id: 'time-limit-under-18',
  paragraph: '88, 89',
  reads: [
    'receivedOn',
    'incident.date',
    'incident.lastDate',
    'applicant.dateOfBirth',
    'incident.reportedToPolice',
    'incident.reportedOn',
    'lateApplicationReason',
  ],
  evaluate(context) {
    const { read, edition, incident } = context;
    const limb = timeLimitLimb(context);
    if (limb === 'same-roof-window') {
      return outcome(
        'time-limit-under-18',
        '88A',
        'not-applicable',
        'The special time limit for people who lived with the person who hurt them before October 1979 applies to you (see below).',
        'Para 88A decides the time limit.',
      );
    }
    if (limb === 'missing') return missingForTimeLimit('time-limit-under-18', '88', read);
    if (limb === 'adult') {
      return outcome(
        'time-limit-under-18',
        '88',
        'not-applicable',
        'You were 18 or over when it happened, so the adult time limit applies (see above).',
        `Aged ${context.ageAtIncident} at incident.date: para 87, not 88.`,
      );
    }
    const limits = edition.timeLimits;
    const dateOfBirth = read.dateOfBirth as DateFact;
    if (incident?.reportedToPolice === false) {
      return outcome(
        'time-limit-under-18',
        '88(b)',
        'pass',
        `For people hurt as children, the time limit depends on when it is first reported to the police. It has ` +
          'not been reported yet, so the time limit has not started.',
        'Under 18 at incident, never reported: no para 88 period has begun (para 22 decides reporting).',
      );
    }
    if (read.reportedOn === undefined) {
      return outcome(
        'time-limit-under-18',
        '88',
        'missing',
        'Please tell us when it was first reported to the police: for people hurt as children, the time limit depends on it.',
        `Under 18 at incident; incident.${incident?.reportedToPolice == null ? 'reportedToPolice' : 'reportedOn'} absent.`,
      );
    }
    const adultOn = datePartsOfAttainingAge(dateOfBirth.parts, limits.adultAge);
    const reportedAsChild = read.reportedOn.day < dayNumberOfParts(adultOn);
    let deadlineDay: number;
    let paragraph: string;
    let rule: string;
    let what: string;
    if (reportedAsChild) {
      deadlineDay =
        dayNumberOfParts(datePartsOfAttainingAge(dateOfBirth.parts, limits.childReportedApplyBeforeAge)) - 1;
      paragraph = '88(a)';
      rule = `reported ${read.reportedOn.iso}, before age ${limits.adultAge}: apply before age ${limits.childReportedApplyBeforeAge}`;
      what = `You were under ${limits.adultAge} when it happened and it was reported to the police before you turned ${limits.adultAge}, so your application needed to reach us before your ${limits.childReportedApplyBeforeAge}th birthday`;
    } else {
      deadlineDay = dayNumberOfParts(addYearsToParts(read.reportedOn.parts, limits.childLateReportYears));
      paragraph = '88(b)';
      rule = `first reported ${read.reportedOn.iso}, at ${limits.adultAge} or over: ${limits.childLateReportYears} years from the report`;
      what = `You were under ${limits.adultAge} when it happened and it was first reported to the police after you turned ${limits.adultAge}, so your application needed to reach us within ${limits.childLateReportYears} years of that report`;
    }
    const deadline = partsOfDayNumber(deadlineDay);
    const deadlineIso = formatIsoDate(deadline);
    context.deadline = deadlineIso;
    const limbText = `Under ${limits.adultAge} at incident (aged ${context.ageAtIncident}); ${rule}; last day ${deadlineIso}; received ${read.received.iso}`;
    if (read.received.day <= deadlineDay) {
      return outcome(
        'time-limit-under-18',
        paragraph,
        'pass',
        `${what}, by ${long(deadline)}. We received it in time.`,
        `${limbText}: in time (para ${paragraph}).`,
      );
    }
    // A period of abuse that went on past 18: whether para 87 from the last incident can apply is unsettled [U].
    const last = read.lastIncidentDate as DateFact;
    if (
      ageOnParts(dateOfBirth.parts, last.parts) >= limits.adultAge &&
      read.received.day <= dayNumberOfParts(addYearsToParts(last.parts, limits.adultYears))
    ) {
      return outcome(
        'time-limit-under-18',
        '87',
        'refer',
        `Some of what happened was after you turned ${limits.adultAge}, and we received your application within ` +
          `${limits.adultYears} years of the last time. A caseworker will check which time limit applies; you do not need to do anything.`,
        `${limbText}: late under para ${paragraph}, but the period of abuse continued into adulthood and the ` +
          `application is within ${limits.adultYears} years of the last incident (${last.iso}); para 87 may apply [U].`,
      );
    }
    return lateResult(
      context,
      'time-limit-under-18',
      paragraph,
      `${what}, by ${long(deadline)}; we received it on ${long(read.received)}.`,
      `${limbText}: late under para ${paragraph}`,
    );
  },
};

// Para 20: no award where an assailant may benefit; a person judges whether payment can be protected (e.g. trust).
const benefitToAssailant: EligibilityRule = {
  id: 'benefit-to-assailant',
  paragraph: '20',
  reads: ['incident.assailantMayBenefit'],
  evaluate({ incident }) {
    const mayBenefit = incident?.assailantMayBenefit;
    if (mayBenefit === undefined || mayBenefit === null) {
      return outcome(
        'benefit-to-assailant',
        '20',
        'missing',
        'Please tell us whether the person who hurt you could benefit from a payment to you, for example because ' +
          'you share a home or money with them.',
        'incident.assailantMayBenefit absent.',
      );
    }
    if (mayBenefit) {
      return outcome(
        'benefit-to-assailant',
        '20',
        'refer',
        'The scheme cannot make a payment that the person who hurt you could benefit from. A caseworker will look ' +
          'at whether a payment can be made in a way that protects it, for example held in trust for you.',
        'incident.assailantMayBenefit true: para 20; consider payment arrangements that prevent any benefit.',
      );
    }
    return outcome(
      'benefit-to-assailant',
      '20',
      'pass',
      'The person who hurt you would not benefit from a payment to you.',
      'incident.assailantMayBenefit false.',
    );
  },
};

// Para 21: an adult who lived with the assailant as family gets no award while they still live together (or are
// likely to again). Children are not barred.
const livingWithAssailant: EligibilityRule = {
  id: 'living-with-assailant',
  paragraph: '21',
  reads: [
    'applicant.livedWithAssailantAsFamily',
    'applicant.stillLivesWithAssailant',
    'applicant.dateOfBirth',
    'incident.date',
  ],
  evaluate({ applicant, ageAtIncident, edition }) {
    const lived = applicant?.livedWithAssailantAsFamily;
    if (lived === false) {
      return outcome(
        'living-with-assailant',
        '21',
        'pass',
        'You did not live with the person who hurt you when it happened.',
        'applicant.livedWithAssailantAsFamily false.',
      );
    }
    if (lived === undefined || lived === null) {
      return outcome(
        'living-with-assailant',
        '21',
        'missing',
        'Please tell us whether you lived with the person who hurt you, as a partner or family, when it happened.',
        'applicant.livedWithAssailantAsFamily absent.',
      );
    }
    if (ageAtIncident !== undefined && ageAtIncident < edition.timeLimits.adultAge) {
      return outcome(
        'living-with-assailant',
        '21',
        'not-applicable',
        'This rule does not apply to people who were under 18 when it happened.',
        `Aged ${ageAtIncident} at the incident: para 21 applies to adults only.`,
      );
    }
    const still = applicant?.stillLivesWithAssailant;
    if (still === false) {
      return outcome(
        'living-with-assailant',
        '21',
        'pass',
        'You no longer live with the person who hurt you.',
        'Lived with assailant as family; no longer, and not likely to again.',
      );
    }
    if (still === undefined || still === null || ageAtIncident === undefined) {
      return outcome(
        'living-with-assailant',
        '21',
        'missing',
        still == null
          ? 'Please tell us whether you still live with the person who hurt you, or are likely to again.'
          : 'Please tell us your date of birth and the date it happened: this rule applies only to people who were 18 or over.',
        `Lived with assailant as family; ${still == null ? 'applicant.stillLivesWithAssailant' : 'age at incident'} unknown.`,
      );
    }
    return outcome(
      'living-with-assailant',
      '21',
      'fail',
      'The scheme cannot pay while you still live with the person who hurt you, or are likely to again, so that ' +
        'they cannot benefit. If you have moved apart and do not expect to live together again, please tell us, ' +
        'as that would change this. If you are in danger, call 999; the free 24-hour National Domestic Abuse ' +
        'Helpline is 0808 2000 247.',
      `Aged ${ageAtIncident} at the incident, lived with assailant as family and still does (or is likely to again): para 21.`,
    );
  },
};

// Para 22: an award may be withheld if the crime was not reported as soon as reasonably practicable. A report
// within the edition's prompt window passes; a later one needs a person's judgement (age, capacity, effects).
const reportedToPolice: EligibilityRule = {
  id: 'reported-to-police',
  paragraph: '22',
  reads: ['incident.reportedToPolice', 'incident.reportedOn', 'incident.date', 'incident.lastDate'],
  evaluate({ incident, read, edition }) {
    const reported = incident?.reportedToPolice;
    if (reported === undefined || reported === null) {
      return outcome(
        'reported-to-police',
        '22',
        'missing',
        'Please tell us whether it was reported to the police.',
        'incident.reportedToPolice absent.',
      );
    }
    if (!reported) {
      return outcome(
        'reported-to-police',
        '22',
        'fail',
        'The scheme can pay only when the crime has been reported to the police. If it has been reported, or you ' +
          'report it now, please tell us, as that would change this; a caseworker will then consider whether it was ' +
          'reported as soon as you reasonably could, taking account of your age and how it affected you.',
        'incident.reportedToPolice false: never reported (para 22).',
      );
    }
    if (read.reportedOn === undefined || read.lastIncidentDate === undefined) {
      return outcome(
        'reported-to-police',
        '22',
        'missing',
        read.reportedOn === undefined
          ? 'Please tell us the date it was first reported to the police.'
          : 'Please tell us the date it happened.',
        `${read.reportedOn === undefined ? 'incident.reportedOn' : 'incident.date'} absent.`,
      );
    }
    const daysAfter = read.reportedOn.day - read.lastIncidentDate.day;
    const period = read.lastIncidentDate !== read.incidentDate;
    if (daysAfter <= edition.promptPoliceReportDays) {
      return outcome(
        'reported-to-police',
        '22',
        'pass',
        'It was reported to the police promptly.',
        `Reported ${read.reportedOn.iso}, ${Math.max(daysAfter, 0)} day(s) after the ${period ? 'last ' : ''}incident ` +
          `(within ${edition.promptPoliceReportDays}).`,
      );
    }
    return outcome(
      'reported-to-police',
      '22',
      'refer',
      `It was reported to the police ${daysAfter} days after ${period ? 'the last time it happened' : 'it happened'}. ` +
        'The scheme expects crimes to be reported as soon as reasonably possible, and a caseworker will consider ' +
        'the reasons, including your age at the time and how what happened affected you. If something made it ' +
        'hard to report sooner, telling us will help.',
      `Reported ${read.reportedOn.iso}, ${daysAfter} days after the ${period ? 'last ' : ''}incident ` +
        `(${read.lastIncidentDate.iso}): was it as soon as reasonably practicable? (para 22)`,
    );
  },
};

// Para 23: co-operation as far as reasonably practicable in bringing the assailant to justice.
const cooperationWithPolice: EligibilityRule = {
  id: 'co-operation-with-police',
  paragraph: '23',
  reads: ['incident.cooperatedWithPolice', 'incident.reportedToPolice'],
  evaluate({ incident }) {
    if (incident?.reportedToPolice === false) {
      return outcome(
        'co-operation-with-police',
        '23',
        'not-applicable',
        'This rule is about helping the police once a crime is reported, so it does not arise yet.',
        'Never reported: co-operation does not arise (para 22 decides).',
      );
    }
    const cooperated = incident?.cooperatedWithPolice;
    if (cooperated === undefined || cooperated === null) {
      return outcome(
        'co-operation-with-police',
        '23',
        'missing',
        'Please tell us whether you have been able to help the police with their enquiries.',
        'incident.cooperatedWithPolice absent.',
      );
    }
    if (!cooperated) {
      return outcome(
        'co-operation-with-police',
        '23',
        'fail',
        'The scheme can pay only if the victim helped the police, as far as they reasonably could, to bring the ' +
          'person responsible to justice. If you did help, or something made it impossible (for example fear for ' +
          'your safety), please tell us, as that would change this.',
        'incident.cooperatedWithPolice false (para 23).',
      );
    }
    return outcome(
      'co-operation-with-police',
      '23',
      'pass',
      'You have helped the police with their enquiries.',
      'incident.cooperatedWithPolice true.',
    );
  },
};

const mandatoryRefusalSentences: ReadonlySet<ConvictionSentence> = new Set<ConvictionSentence>([
  'custodial',
  'community-order',
  'youth-rehabilitation-order',
  'service-detention',
  'removal-from-service',
  'excluded-from-rehabilitation',
]);

const sentenceNames: Record<ConvictionSentence, string> = {
  custodial: 'a prison or custodial sentence',
  'community-order': 'a community order',
  'youth-rehabilitation-order': 'a youth rehabilitation order',
  'service-detention': 'service detention',
  'removal-from-service': 'removal from the armed forces',
  'excluded-from-rehabilitation': 'a sentence that never becomes spent',
  fine: 'a fine',
  discharge: 'a discharge',
  other: 'a sentence',
};

// Annex D 3: some unspent sentences on the application date mean refusal, with no discretion; Annex D 4: any
// other unspent sentence means withholding or reduction unless there are exceptional reasons, a person's call.
const unspentConvictions: EligibilityRule = {
  id: 'unspent-convictions',
  paragraph: 'Annex D 3, 4',
  reads: ['applicant.unspentConvictions'],
  evaluate({ applicant }) {
    const convictions = applicant?.unspentConvictions;
    if (convictions === undefined || convictions === null) {
      return outcome(
        'unspent-convictions',
        'Annex D 3, 4',
        'missing',
        'Please tell us about any unspent criminal convictions you have. Spent convictions do not count.',
        'applicant.unspentConvictions absent.',
      );
    }
    if (convictions.length === 0) {
      return outcome(
        'unspent-convictions',
        'Annex D 3, 4',
        'pass',
        'You have no unspent convictions.',
        'No unspent convictions on the application date.',
      );
    }
    let unknown = 0;
    let discretionary: ConvictionSentence | undefined;
    for (const conviction of convictions) {
      const sentence = conviction?.sentence;
      if (sentence === undefined || sentence === null) unknown += 1;
      else if (mandatoryRefusalSentences.has(sentence)) {
        return outcome(
          'unspent-convictions',
          'Annex D 3',
          'fail',
          `The scheme cannot pay anyone who, on the date of their application, has an unspent conviction that led ` +
            `to ${sentenceNames[sentence]}. This rule has no exceptions while the conviction is unspent. If the ` +
            'conviction is in fact already spent, please tell us, as that would change this.',
          `Unspent conviction with sentence ${sentence}: Annex D 3, mandatory refusal.`,
        );
      } else discretionary ??= sentence;
    }
    if (unknown > 0) {
      return outcome(
        'unspent-convictions',
        'Annex D 3, 4',
        'missing',
        'Please tell us the sentence for each unspent conviction.',
        `${unknown} unspent conviction(s) without a sentence.`,
      );
    }
    const sentence = discretionary as ConvictionSentence;
    return outcome(
      'unspent-convictions',
      'Annex D 4',
      'refer',
      `You have an unspent conviction that led to ${sentenceNames[sentence]}. The scheme normally reduces or ` +
        'withholds payment in that case, unless there are exceptional reasons not to. A caseworker will decide, ' +
        'and you can tell us anything you think they should know.',
      `Unspent conviction(s), sentences ${convictions.map((conviction) => conviction.sentence).join(', ')}: ` +
        'Annex D 4, withhold or reduce unless exceptional reasons (reduction table unverified: manual).',
    );
  },
};

/** Whether the mental injury alone reaches the tariff; undefined when a fact it needs is absent. */
function mentalInjuryInTariff(injuries: InjuryFacts, minimumWeeks: number): boolean | undefined {
  const mental = injuries.mentalInjury;
  if (mental === null) return false;
  if (mental === undefined) return undefined;
  if (mental.disabling === false) return false;
  const lastsLongEnough =
    mental.ongoing === true ? true : mental.durationWeeks == null ? undefined : mental.durationWeeks > minimumWeeks;
  if (lastsLongEnough === false) return false;
  if (mental.disabling == null || lastsLongEnough === undefined) return undefined;
  return true;
}

// Para 4 and Annex E: a criminal injury is one in the tariff. Minor injuries alone do not reach its lowest level.
const injuryWithinTariff: EligibilityRule = {
  id: 'injury-within-tariff',
  paragraph: '4, Annex E',
  reads: ['injuries.minorOnly', 'injuries.sexualAssault', 'injuries.mentalInjury'],
  evaluate({ injuries, facts, edition }) {
    const whose = facts.route === 'fatal' ? 'the injuries of the person who died' : 'your injuries';
    if (injuries === undefined) {
      return outcome(
        'injury-within-tariff',
        'Annex E',
        'missing',
        `Please tell us about ${whose}.`,
        'injuries absent.',
      );
    }
    const mental = mentalInjuryInTariff(injuries, edition.mentalInjuryMinimumWeeks);
    if (injuries.minorOnly === false || injuries.sexualAssault === true || mental === true) {
      const basis =
        injuries.minorOnly === false
          ? 'not minor only'
          : injuries.sexualAssault === true
            ? 'sexual assault'
            : `disabling mental injury over ${edition.mentalInjuryMinimumWeeks} weeks or ongoing`;
      return outcome(
        'injury-within-tariff',
        'Annex E',
        'pass',
        `${whose === 'your injuries' ? 'Your injuries are' : 'The injuries of the person who died are'} of a kind the scheme's tariff covers.`,
        `Within the tariff: ${basis}.`,
      );
    }
    if (injuries.minorOnly == null || injuries.sexualAssault == null || mental === undefined) {
      return outcome(
        'injury-within-tariff',
        'Annex E',
        'missing',
        `Please tell us more about ${whose}, including any sexual assault and any effect on mental health.`,
        `Cannot tell whether within the tariff: ${[
          injuries.minorOnly == null ? 'injuries.minorOnly' : undefined,
          injuries.sexualAssault == null ? 'injuries.sexualAssault' : undefined,
          mental === undefined ? 'injuries.mentalInjury (disabling, durationWeeks or ongoing)' : undefined,
        ]
          .filter((field) => field !== undefined)
          .join(', ')} absent.`,
      );
    }
    return outcome(
      'injury-within-tariff',
      'Annex E',
      'fail',
      'The scheme pays only for injuries serious enough to be in its tariff of injuries; injuries that heal ' +
        'quickly, such as bruises, are not included. If there are other injuries, or a mental injury (such as ' +
        `anxiety or PTSD) that has badly affected daily life for more than ${edition.mentalInjuryMinimumWeeks} ` +
        'weeks, please tell us, as that would change this.',
      `Minor injuries only, no sexual assault, no disabling mental injury over ${edition.mentalInjuryMinimumWeeks} ` +
        'weeks or ongoing: below the lowest tariff level (para 4, Annex E).',
    );
  },
};

// Annex E Part A: a mental injury counts only when diagnosed by a psychiatrist or clinical psychologist.
const mentalInjuryDiagnosis: EligibilityRule = {
  id: 'mental-injury-diagnosis',
  paragraph: 'Annex E Part A',
  reads: ['injuries.mentalInjury.diagnosis'],
  evaluate({ injuries }) {
    const mental = injuries?.mentalInjury;
    if (mental === null) {
      return outcome(
        'mental-injury-diagnosis',
        'Annex E Part A',
        'not-applicable',
        'No mental injury has been mentioned, so no diagnosis is needed.',
        'injuries.mentalInjury null.',
      );
    }
    const diagnosis = mental?.diagnosis;
    if (diagnosis === 'psychiatrist' || diagnosis === 'clinical-psychologist') {
      return outcome(
        'mental-injury-diagnosis',
        'Annex E Part A',
        'pass',
        `The mental injury has been diagnosed by a ${diagnosis === 'psychiatrist' ? 'psychiatrist' : 'clinical psychologist'}, as the scheme requires.`,
        `Diagnosis by ${diagnosis}.`,
      );
    }
    if (mental === undefined) {
      return outcome(
        'mental-injury-diagnosis',
        'Annex E Part A',
        'missing',
        'Please tell us whether there is any mental injury, such as anxiety, depression or PTSD.',
        `${injuries === undefined ? 'injuries' : 'injuries.mentalInjury'} absent.`,
      );
    }
    return outcome(
      'mental-injury-diagnosis',
      'Annex E Part A',
      'missing',
      diagnosis === 'other'
        ? 'The scheme can pay for a mental injury only when a psychiatrist or clinical psychologist has diagnosed ' +
            'it. Please send us a diagnosis, or confirmation of it, from one of them when you have it.'
        : 'The scheme can pay for a mental injury only when a psychiatrist or clinical psychologist has diagnosed ' +
            'it. Please send it to us once you have it; your GP may be able to refer you.',
      `Mental injury diagnosis ${diagnosis ?? 'absent'}: evidence from a psychiatrist or clinical psychologist needed.`,
    );
  },
};

/** The rules, in the order the engine applies them (the contract's table). */
export const eligibilityRules: readonly EligibilityRule[] = Object.freeze([
  schemeEdition,
  injuryBefore1964,
  previousApplication,
  sameRoof,
  relevantPlace,
  crimeOfViolence,
  routeWitness,
  routeExceptionalRisk,
  routeFatal,
  residence,
  timeLimitAdult,
  timeLimitSameRoof,
  timeLimitUnder18,
  benefitToAssailant,
  livingWithAssailant,
  reportedToPolice,
  cooperationWithPolice,
  unspentConvictions,
  injuryWithinTariff,
  mentalInjuryDiagnosis,
]);
