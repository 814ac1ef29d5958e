import type { DomainErrorDetail } from '../shared/domain-error.js';
import { AwardInputError } from './award-input-error.js';
import { SPECIAL_EXPENSE_KINDS, type AwardInput } from './award-types.js';
import { isIsoDate } from './dates.js';
import { awardEditionInForceOn, findAwardEdition, type AwardEdition } from './editions/index.js';
import { statutorySickPayRateOn } from './statutory-sick-pay.js';

type Problems = DomainErrorDetail[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

function checkPence(problems: Problems, field: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    problems.push({ field, message: 'must be a whole number of pence' });
  } else if (value < 0) {
    problems.push({ field, message: 'must not be negative' });
  }
}

function checkCount(problems: Problems, field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push({ field, message: 'must be a whole number, zero or more' });
  }
}

function checkDate(problems: Problems, field: string, value: unknown): value is string {
  if (!isIsoDate(value)) {
    problems.push({ field, message: 'must be a real calendar date written YYYY-MM-DD' });
    return false;
  }
  return true;
}

function resolveEdition(
  problems: Problems,
  input: Record<string, unknown>,
  decidedOn: string | undefined,
): AwardEdition | undefined {
  const requested = input['edition'];
  if (!isAbsent(requested)) {
    if (typeof requested !== 'string') {
      problems.push({ field: 'edition', message: 'must be the name of an edition' });
      return undefined;
    }
    const edition = findAwardEdition(requested);
    if (edition === undefined) {
      problems.push({ field: 'edition', message: `unknown edition "${requested}"` });
    } else if (decidedOn !== undefined && decidedOn < edition.inForceFrom) {
      problems.push({ field: 'edition', message: `"${edition.name}" was not in force on ${decidedOn}` });
    }
    return edition;
  }
  if (decidedOn === undefined) return undefined;
  const inForce = awardEditionInForceOn(decidedOn);
  if (inForce === undefined)
    problems.push({ field: 'decidedOn', message: `no edition of the scheme was in force on ${decidedOn}` });
  return inForce;
}

function checkInjuries(problems: Problems, injuries: unknown, edition: AwardEdition | undefined): void {
  if (!Array.isArray(injuries)) {
    problems.push({ field: 'injuries', message: 'must be a list (it may be empty)' });
    return;
  }
  const known = new Set(edition?.tariff.map((entry) => entry.code));
  injuries.forEach((injury: unknown, index) => {
    const field = `injuries[${index}].code`;
    const code = isRecord(injury) ? injury['code'] : undefined;
    if (typeof code !== 'string' || code === '') {
      problems.push({ field, message: 'must be a tariff code' });
    } else if (edition !== undefined && !known.has(code)) {
      // Annex E: an injury not in the tariff gets nothing; an unknown code is far likelier a typo, so reject it.
      problems.push({ field, message: `"${code}" is not in the tariff of ${edition.name}` });
    }
  });
}

function checkLossOfEarnings(
  problems: Problems,
  value: unknown,
  edition: AwardEdition | undefined,
  decidedOn: string | undefined,
): void {
  if (isAbsent(value)) return;
  if (!isRecord(value)) {
    problems.push({ field: 'lossOfEarnings', message: 'must be null or { weeksUnableToWork, metWorkTest }' });
    return;
  }
  checkCount(problems, 'lossOfEarnings.weeksUnableToWork', value['weeksUnableToWork']);
  if (typeof value['metWorkTest'] !== 'boolean') {
    problems.push({ field: 'lossOfEarnings.metWorkTest', message: 'must be true or false' });
  }
  if (edition !== undefined && decidedOn !== undefined && statutorySickPayRateOn(edition, decidedOn) === undefined) {
    problems.push({
      field: 'decidedOn',
      message: `${edition.name} has no statutory sick pay rate in force on ${decidedOn}`,
    });
  }
}

function checkSpecialExpenses(problems: Problems, value: unknown): void {
  if (isAbsent(value)) return;
  if (!Array.isArray(value)) {
    problems.push({ field: 'specialExpenses', message: 'must be a list' });
    return;
  }
  value.forEach((expense: unknown, index) => {
    const field = `specialExpenses[${index}]`;
    if (!isRecord(expense)) {
      problems.push({ field, message: 'must be { kind, amountPence }' });
      return;
    }
    if (!(SPECIAL_EXPENSE_KINDS as readonly unknown[]).includes(expense['kind'])) {
      problems.push({ field: `${field}.kind`, message: `must be one of ${SPECIAL_EXPENSE_KINDS.join(', ')}` });
    }
    checkPence(problems, `${field}.amountPence`, expense['amountPence'], true);
  });
}

function checkFatal(problems: Problems, value: unknown, decidedOn: string | undefined): void {
  if (isAbsent(value)) return;
  if (!isRecord(value)) {
    problems.push({ field: 'fatal', message: 'must be null or { bereavement, childPayment, funeral }' });
    return;
  }
  const bereavement = value['bereavement'];
  if (!isAbsent(bereavement)) {
    if (isRecord(bereavement))
      checkCount(problems, 'fatal.bereavement.otherQualifyingRelatives', bereavement['otherQualifyingRelatives']);
    else problems.push({ field: 'fatal.bereavement', message: 'must be null or { otherQualifyingRelatives }' });
  }
  const child = value['childPayment'];
  if (!isAbsent(child)) {
    if (!isRecord(child)) {
      problems.push({ field: 'fatal.childPayment', message: 'must be null or { dateOfBirth, dateOfDeath }' });
    } else {
      const bornOk = checkDate(problems, 'fatal.childPayment.dateOfBirth', child['dateOfBirth']);
      const diedOk = checkDate(problems, 'fatal.childPayment.dateOfDeath', child['dateOfDeath']);
      if (bornOk && diedOk && (child['dateOfDeath'] as string) < (child['dateOfBirth'] as string)) {
        problems.push({
          field: 'fatal.childPayment.dateOfDeath',
          message: "must not be before the child's date of birth",
        });
      }
      if (diedOk && decidedOn !== undefined && (child['dateOfDeath'] as string) > decidedOn) {
        problems.push({ field: 'fatal.childPayment.dateOfDeath', message: 'must not be after decidedOn' });
      }
    }
  }
  const funeral = value['funeral'];
  if (!isAbsent(funeral)) {
    if (isRecord(funeral)) checkPence(problems, 'fatal.funeral.costsPence', funeral['costsPence'], true);
    else problems.push({ field: 'fatal.funeral', message: 'must be null or { costsPence }' });
  }
}

function checkReduction(problems: Problems, value: unknown): void {
  if (value === undefined) return;
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
  if (!ok) {
    problems.push({ field: 'reductionPercent', message: 'must be a percentage from 0 to 100' });
  } else if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
    problems.push({ field: 'reductionPercent', message: 'must have at most two decimal places' });
  }
}

/**
 * Checks the whole input and returns the edition to apply; throws one AwardInputError listing every problem.
 * Input arrives as JSON, so nothing about its types is taken on trust.
 */
export function validateAwardInput(input: AwardInput): AwardEdition {
  const problems: Problems = [];
  const raw: unknown = input;
  if (!isRecord(raw)) throw new AwardInputError([{ message: 'the award input must be an object' }]);

  const decidedOn = checkDate(problems, 'decidedOn', raw['decidedOn']) ? raw['decidedOn'] : undefined;
  const edition = resolveEdition(problems, raw, decidedOn);
  checkInjuries(problems, raw['injuries'], edition);
  checkLossOfEarnings(problems, raw['lossOfEarnings'], edition, decidedOn);
  checkSpecialExpenses(problems, raw['specialExpenses']);
  checkFatal(problems, raw['fatal'], decidedOn);
  checkReduction(problems, raw['reductionPercent']);
  checkPence(problems, 'deductionsPence', raw['deductionsPence'], false);
  checkPence(problems, 'interimPaidPence', raw['interimPaidPence'], false);

  if (problems.length > 0 || edition === undefined) throw new AwardInputError(problems);
  return edition;
}
