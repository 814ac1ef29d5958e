import type { TFunction } from 'i18next';

/** The GOV.UK error summary and inline messages of a form. */
export interface FormErrors {
  summary: Array<{ text: string; href: string }>;
  fields: Record<string, { text: string }>;
}

/** Builds the error model from (field name, message) pairs; the first message of a field wins. */
export function formErrors(errors: Array<{ field: string; text: string; href?: string }>): FormErrors {
  const model: FormErrors = { summary: [], fields: {} };
  for (const error of errors) {
    if (model.fields[error.field]) continue;
    model.fields[error.field] = { text: error.text };
    model.summary.push({ text: error.text, href: error.href ?? `#${error.field}` });
  }
  return model;
}

export function hasErrors(errors: FormErrors | undefined): boolean {
  return Boolean(errors && errors.summary.length);
}

/** A form body as flat strings: a single checked box arrives as a string, several as an array. */
export type FormBody = Record<string, string | string[] | undefined>;

export function field(body: FormBody | undefined, name: string): string {
  const value = body?.[name];
  if (Array.isArray(value)) return (value[0] ?? '').trim();
  return (value ?? '').trim();
}

export function fieldList(body: FormBody | undefined, name: string): string[] {
  const value = body?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => item.trim()).filter(Boolean);
}

export type DateProblem = 'required' | 'incomplete' | 'invalid' | 'future' | 'tooEarly';

/**
 * A GOV.UK date input (`<name>-day`, `<name>-month`, `<name>-year`) as `YYYY-MM-DD`, or why it is not a date.
 * Month names ("March", "mar") are accepted as the GOV.UK pattern advises.
 */
export function parseDateInput(
  body: FormBody | undefined,
  name: string,
  options: { required?: boolean; notFuture?: boolean; today?: string } = {},
): { value?: string; problem?: DateProblem; parts: { day: string; month: string; year: string } } {
  const parts = {
    day: field(body, `${name}-day`),
    month: field(body, `${name}-month`),
    year: field(body, `${name}-year`),
  };
  const given = [parts.day, parts.month, parts.year].filter(Boolean).length;
  if (given === 0) return options.required ? { problem: 'required', parts } : { parts };
  if (given < 3) return { problem: 'incomplete', parts };
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const monthIndex = months.indexOf(parts.month.slice(0, 3).toLowerCase());
  const month = /^\d{1,2}$/.test(parts.month) ? Number(parts.month) : monthIndex >= 0 ? monthIndex + 1 : NaN;
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const year = /^\d{4}$/.test(parts.year) ? Number(parts.year) : NaN;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { problem: 'invalid', parts };
  }
  if (year < 1900) return { problem: 'tooEarly', parts };
  const value = date.toISOString().slice(0, 10);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (options.notFuture && value > today) return { problem: 'future', parts };
  return { value, parts };
}

/** Splits `YYYY-MM-DD` into the three boxes of a date input, to show a saved answer. */
export function dateParts(value: unknown): { day: string; month: string; year: string } {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = value.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The date input's items (day, month, year) with its error class on the boxes that need it. */
export function dateInputItems(
  t: TFunction,
  parts: { day: string; month: string; year: string },
  hasError: boolean,
): Array<{ name: string; label: string; value: string; classes: string; autocomplete?: string }> {
  const error = hasError ? ' govuk-input--error' : '';
  return [
    { name: 'day', label: t('common.date.day'), value: parts.day, classes: `govuk-input--width-2${error}` },
    { name: 'month', label: t('common.date.month'), value: parts.month, classes: `govuk-input--width-2${error}` },
    { name: 'year', label: t('common.date.year'), value: parts.year, classes: `govuk-input--width-4${error}` },
  ];
}
