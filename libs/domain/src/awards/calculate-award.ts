import type {
  AwardBreakdown,
  AwardInput,
  AwardLine,
  BereavementLine,
  ChildPaymentLine,
  FuneralLine,
  InjuryLine,
  LossOfEarningsLine,
  SpecialExpenseLine,
  TariffEntry,
} from './award-types.js';
import { addYears, daysBetween, longDate } from './dates.js';
import type { AwardEdition } from './editions/index.js';
import { formatPence, percentOf } from './money.js';
import { statutorySickPayRateOn } from './statutory-sick-pay.js';
import { validateAwardInput } from './validate-award-input.js';

/** A tariff description inside a sentence: "Fractured skull" becomes "fractured skull", "HIV" stays. */
function inSentence(description: string): string {
  return /^[A-Z][a-z]/.test(description) ? description.charAt(0).toLowerCase() + description.slice(1) : description;
}

interface Section<L extends AwardLine> {
  readonly lines: L[];
  readonly explanation: string[];
}

/**
 * Injury payments (CICS 2012 paras 32-41, Annex E): highest tariff amount at 100%, second at 30%, third
 * at 15%, nothing for later ones; entries flagged outside the formula are paid in full on top.
 */
function injuryPayments(edition: AwardEdition, codes: readonly string[]): Section<InjuryLine> {
  const byCode = new Map(edition.tariff.map((entry) => [entry.code, entry] as const));
  const entries = codes.map((code) => byCode.get(code)).filter((entry): entry is TariffEntry => entry !== undefined);
  const minimum = edition.amounts.minimumInjuryPence.value;
  const percents = edition.multipleInjuryPercents.percents;
  const lines: InjuryLine[] = [];
  const explanation: string[] = [];
  const line = (entry: TariffEntry, percent: number): InjuryLine => ({
    kind: 'injury',
    code: entry.code,
    description: entry.description,
    tariffPence: entry.amountPence,
    percent,
    amountPence: percentOf(entry.amountPence, percent),
  });

  // Array.prototype.sort is stable, so of two equal amounts the one listed first keeps the higher percentage.
  const ranked = entries
    .filter((entry) => !entry.outsideMultipleInjuryFormula && entry.amountPence >= minimum)
    .sort((a, b) => b.amountPence - a.amountPence);
  ranked.forEach((entry, rank) => {
    const percent = percents[rank] ?? 0;
    const injury = line(entry, percent);
    lines.push(injury);
    explanation.push(
      percent > 0
        ? `Injury payment for ${inSentence(entry.description)} (${entry.code}): ${percent}% of the tariff amount of ${formatPence(entry.amountPence)} = ${formatPence(injury.amountPence)}.`
        : `No payment for ${inSentence(entry.description)} (${entry.code}, tariff ${formatPence(entry.amountPence)}): only the ${percents.length} highest-valued injuries are paid.`,
    );
  });
  for (const entry of entries.filter((e) => e.outsideMultipleInjuryFormula && e.amountPence >= minimum)) {
    lines.push(line(entry, 100));
    explanation.push(
      `Payment for ${inSentence(entry.description)} (${entry.code}): ${formatPence(entry.amountPence)}, paid in full on top of the other injury payments.`,
    );
  }
  for (const entry of entries.filter((e) => e.amountPence < minimum)) {
    lines.push(line(entry, 0));
    explanation.push(
      `No payment for ${inSentence(entry.description)} (${entry.code}): it is below the lowest tariff amount of ${formatPence(minimum)}.`,
    );
  }
  return { lines, explanation };
}

/** Loss of earnings (CICS 2012 paras ≈42-49 [numbering unverified]): from week 29 at the weekly SSP rate in force on the decision date. */
function lossOfEarnings(
  edition: AwardEdition,
  input: AwardInput,
  hasInjuryPayment: boolean,
): Section<LossOfEarningsLine> {
  const claim = input.lossOfEarnings;
  if (claim === null || claim === undefined) return { lines: [], explanation: [] };
  const qualifying = edition.periods.incapacityQualifyingWeeks.value;
  const refuse = (why: string): Section<LossOfEarningsLine> => ({
    lines: [],
    explanation: [`No loss of earnings payment: ${why}.`],
  });
  if (!hasInjuryPayment) return refuse('it is only paid together with an injury payment');
  if (claim.weeksUnableToWork <= qualifying)
    return refuse(`it is only paid after more than ${qualifying} weeks unable to work`);
  if (!claim.metWorkTest) return refuse('the work test was not met');
  const rate = statutorySickPayRateOn(edition, input.decidedOn);
  if (rate === undefined) return refuse('no statutory sick pay rate applies'); // validation rules this out
  const weeksPaid = claim.weeksUnableToWork - qualifying;
  const amountPence = weeksPaid * rate.weeklyPence;
  return {
    lines: [
      {
        kind: 'loss-of-earnings',
        weeksPaid,
        firstWeekPaid: qualifying + 1,
        lastWeekPaid: claim.weeksUnableToWork,
        weeklyRatePence: rate.weeklyPence,
        rateEffectiveFrom: rate.effectiveFrom,
        amountPence,
      },
    ],
    explanation: [
      `Loss of earnings for weeks ${qualifying + 1} to ${claim.weeksUnableToWork} (${weeksPaid} week${weeksPaid === 1 ? '' : 's'}) at the statutory sick pay rate of ${formatPence(rate.weeklyPence)} a week in force on ${longDate(input.decidedOn)}: ${formatPence(amountPence)}.`,
    ],
  };
}

/** Special expenses (CICS 2012 paras ≈50-57 [numbering unverified]): only after more than 28 weeks of incapacity; summed as given. */
function specialExpenses(edition: AwardEdition, input: AwardInput): Section<SpecialExpenseLine> {
  const expenses = input.specialExpenses ?? [];
  if (expenses.length === 0) return { lines: [], explanation: [] };
  const qualifying = edition.periods.incapacityQualifyingWeeks.value;
  const weeks = input.lossOfEarnings?.weeksUnableToWork ?? 0;
  if (weeks <= qualifying) {
    return {
      lines: [],
      explanation: [
        `No special expenses payment: it is only paid after more than ${qualifying} weeks unable to work or similarly incapacitated.`,
      ],
    };
  }
  return {
    lines: expenses.map((expense) => ({
      kind: 'special-expense',
      expenseKind: expense.kind,
      amountPence: expense.amountPence,
    })),
    explanation: expenses.map((expense) => `Special expenses (${expense.kind}): ${formatPence(expense.amountPence)}.`),
  };
}

function bereavement(edition: AwardEdition, input: AwardInput): Section<BereavementLine> {
  const claim = input.fatal?.bereavement;
  if (claim === null || claim === undefined) return { lines: [], explanation: [] };
  // Fatal payments (CICS 2012 paras ≈58-82 [numbering unverified]): the full amount only for a sole qualifying relative.
  const sole = claim.otherQualifyingRelatives === 0;
  const amountPence = sole ? edition.amounts.bereavementSolePence.value : edition.amounts.bereavementSharedPence.value;
  const others = claim.otherQualifyingRelatives;
  return {
    lines: [{ kind: 'bereavement', otherQualifyingRelatives: others, amountPence }],
    explanation: [
      sole
        ? `Bereavement payment as the only qualifying relative: ${formatPence(amountPence)}.`
        : `Bereavement payment, as one of ${others + 1} qualifying relatives: ${formatPence(amountPence)}.`,
    ],
  };
}

function childPayment(edition: AwardEdition, input: AwardInput): Section<ChildPaymentLine> {
  const claim = input.fatal?.childPayment;
  if (claim === null || claim === undefined) return { lines: [], explanation: [] };
  const untilAge = edition.periods.childPaymentUntilAge.value;
  const perYear = edition.amounts.childPaymentPerYearPence.value;
  const daysInYear = edition.periods.childPaymentDaysInYear.value;
  const untilDate = addYears(claim.dateOfBirth, untilAge);
  if (claim.dateOfDeath >= untilDate) {
    return { lines: [], explanation: [`No child's payment: the child was ${untilAge} or over on the date of death.`] };
  }
  // Whole years from the death to the 18th birthday, then the part year pro rata by days, rounded down.
  let wholeYears = 0;
  while (addYears(claim.dateOfDeath, wholeYears + 1) <= untilDate) wholeYears += 1;
  const extraDays = daysBetween(addYears(claim.dateOfDeath, wholeYears), untilDate);
  const amountPence = wholeYears * perYear + Math.floor((extraDays * perYear) / daysInYear);
  return {
    lines: [{ kind: 'child-payment', dateOfDeath: claim.dateOfDeath, untilDate, wholeYears, extraDays, amountPence }],
    explanation: [
      `Child's payment of ${formatPence(perYear)} a year from ${longDate(claim.dateOfDeath)} until the child turns ${untilAge} on ${longDate(untilDate)} (${wholeYears} year${wholeYears === 1 ? '' : 's'} and ${extraDays} day${extraDays === 1 ? '' : 's'}): ${formatPence(amountPence)}.`,
    ],
  };
}

function funeral(edition: AwardEdition, input: AwardInput): Section<FuneralLine> {
  const claim = input.fatal?.funeral;
  if (claim === null || claim === undefined) return { lines: [], explanation: [] };
  const standardPence = edition.amounts.funeralStandardPence.value;
  const maximumPence = edition.amounts.funeralMaximumPence.value;
  const additionalPence = Math.min(maximumPence - standardPence, Math.max(0, claim.costsPence - standardPence));
  const amountPence = standardPence + additionalPence;
  return {
    lines: [{ kind: 'funeral', costsPence: claim.costsPence, standardPence, additionalPence, amountPence }],
    explanation: [
      `Funeral payment: the standard ${formatPence(standardPence)} plus ${formatPence(additionalPence)} of the ${formatPence(claim.costsPence)} costs shown (at most ${formatPence(maximumPence)} in all): ${formatPence(amountPence)}.`,
    ],
  };
}

/** Calculates an award under the edition named in the input, or the one in force on `decidedOn`. */
export function calculateAward(input: AwardInput): AwardBreakdown {
  const edition = validateAwardInput(input);
  const injuries = injuryPayments(
    edition,
    input.injuries.map((injury) => injury.code),
  );
  const hasInjuryPayment = injuries.lines.some((line) => line.amountPence > 0);
  const sections: Section<AwardLine>[] = [
    injuries,
    lossOfEarnings(edition, input, hasInjuryPayment),
    specialExpenses(edition, input),
    bereavement(edition, input),
    childPayment(edition, input),
    funeral(edition, input),
  ];
  const lines = sections.flatMap((section) => section.lines);
  const explanation = sections.flatMap((section) => section.explanation);
  const grossPence = lines.reduce((sum, line) => sum + line.amountPence, 0);
  explanation.push(`Total before any limit, reduction or deduction: ${formatPence(grossPence)}.`);

  const reductionPercent = input.reductionPercent ?? 0;
  const deductionsPence = input.deductionsPence ?? 0;
  const interimPaidPence = input.interimPaidPence ?? 0;
  const cap = edition.amounts.maximumAwardPence.value;
  let running = grossPence;
  let capApplied = false;
  let reductionPence = 0;
  // The order of these steps is edition data: the contract applies cap, reduction, deductions, interim.
  for (const step of edition.adjustmentOrder.steps) {
    switch (step) {
      case 'cap':
        if (running > cap) {
          explanation.push(
            `The award is limited to the scheme maximum of ${formatPence(cap)} (it was ${formatPence(running)}).`,
          );
          running = cap;
          capApplied = true;
        } else {
          explanation.push(`The scheme maximum of ${formatPence(cap)} is not reached.`);
        }
        break;
      case 'reduction':
        // Conduct or character (paras 25-28) and unspent convictions (Annex D 4): a caseworker's percentage.
        reductionPence = percentOf(running, reductionPercent);
        running -= reductionPence;
        explanation.push(
          reductionPence > 0 || reductionPercent > 0
            ? `Reduced by ${reductionPercent}% (${formatPence(reductionPence)}), leaving ${formatPence(running)}.`
            : 'No reduction is made.',
        );
        break;
      case 'deductions':
        running = Math.max(0, running - deductionsPence);
        explanation.push(
          deductionsPence > 0
            ? `Less other compensation already received for the same injury: ${formatPence(deductionsPence)}, leaving ${formatPence(running)}.`
            : 'No other compensation is deducted.',
        );
        break;
      case 'interim':
        running = Math.max(0, running - interimPaidPence);
        explanation.push(
          interimPaidPence > 0
            ? `Less interim payments already made: ${formatPence(interimPaidPence)}, leaving ${formatPence(running)}.`
            : 'No interim payment has been made.',
        );
        break;
    }
  }
  explanation.push(`Amount payable now: ${formatPence(running)}.`);

  return {
    edition: edition.name,
    lines,
    grossPence,
    capApplied,
    reductionPence,
    deductionsPence,
    interimPaidPence,
    totalPence: running,
    explanation,
  };
}
