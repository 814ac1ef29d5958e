import { dateParts, parseDateInput, type FormBody } from '@redress/web';
import { fieldId, type FieldDefinition } from './question-types.js';

/** The raw form of a page as the person typed it (or as their saved answers fill it): HTML name -> value. */
export type FormState = Record<string, string | string[]>;

export type Problem =
  | 'required'
  | 'requiredChoice'
  | 'option'
  | 'number'
  | 'money'
  | 'incomplete'
  | 'invalid'
  | 'future'
  | 'tooEarly'
  | 'tooLong'
  | 'email'
  | 'phone'
  | 'postcode'
  | 'date'
  | 'conflict';

/** A problem with one answer: `path` is the answer's dotted path (an address part's path for an address). */
export interface FieldProblem {
  path: string;
  problem: Problem;
  params?: Record<string, string | number>;
}

export const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode'] as const;
const NONE = 'none';

export function getPath(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Sets (or, for `undefined`, removes) the answer at a dotted path; numeric keys make lists. */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target: Record<string, unknown> = object;
  keys.slice(0, -1).forEach((key, index) => {
    const next = target[key];
    if (next === null || typeof next !== 'object') {
      if (value === undefined) return;
      target[key] = /^\d+$/.test(keys[index + 1] ?? '') ? [] : {};
    }
    target = target[key] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
}

/** Removes empty objects and lists left by removed answers, so the API never receives `{}` for a group. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, prune(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

// A form field as strings only: a JSON body (or a tampered form) may carry numbers or objects, read as nothing.
const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
const text = (body: FormBody, name: string): string => (strings(body[name])[0] ?? '').trim();
const list = (body: FormBody, name: string): string[] =>
  strings(body[name])
    .map((item) => item.trim())
    .filter(Boolean);

/** The form names a field reads. */
function namesOf(definition: FieldDefinition): string[] {
  const id = fieldId(definition.path);
  if (definition.kind === 'date') return [`${id}-day`, `${id}-month`, `${id}-year`];
  if (definition.kind === 'address') return ADDRESS_PARTS.map((part) => `${id}-${part}`);
  return [id];
}

/** The page's form as posted: only the names its fields read (anything else in the body is ignored). */
export function formStateFromBody(fields: readonly FieldDefinition[], body: FormBody): FormState {
  const state: FormState = {};
  for (const definition of fields) {
    for (const name of namesOf(definition)) {
      state[name] = ['checkboxes', 'flags'].includes(definition.kind) ? list(body, name) : text(body, name);
    }
    for (const children of Object.values(definition.reveal ?? {})) {
      Object.assign(state, formStateFromBody(children, body));
    }
  }
  return state;
}

/** The page's form filled from saved answers. */
export function formStateFromAnswers(fields: readonly FieldDefinition[], answers: unknown): FormState {
  const state: FormState = {};
  for (const definition of fields) {
    const id = fieldId(definition.path);
    const value = getPath(answers, definition.path);
    const noneChosen = definition.none && getPath(answers, definition.none) === true;
    switch (definition.kind) {
      case 'radios':
        state[id] = noneChosen ? NONE : typeof value === 'string' ? value : '';
        break;
      case 'checkboxes':
        state[id] = [...(Array.isArray(value) ? value.map(String) : []), ...(noneChosen ? [NONE] : [])];
        break;
      case 'yesNo':
        state[id] = value === true ? 'yes' : value === false ? 'no' : '';
        break;
      case 'flags':
        state[id] = (definition.options ?? []).filter(
          (flag) => getPath(answers, `${definition.prefix ?? ''}${flag}`) === true,
        );
        break;
      case 'lines':
        state[id] = Array.isArray(value) ? value.join('\n') : '';
        break;
      case 'date': {
        const parts = dateParts(value);
        Object.assign(state, { [`${id}-day`]: parts.day, [`${id}-month`]: parts.month, [`${id}-year`]: parts.year });
        break;
      }
      case 'money':
        state[id] = typeof value === 'number' ? (value / 100).toFixed(2).replace(/\.00$/, '') : '';
        break;
      case 'number':
        state[id] = typeof value === 'number' ? String(value) : '';
        break;
      case 'address':
        for (const part of ADDRESS_PARTS) {
          const partValue = getPath(value, part);
          state[`${id}-${part}`] = typeof partValue === 'string' ? partValue : '';
        }
        break;
      default:
        state[id] = typeof value === 'string' ? value : '';
    }
    for (const children of Object.values(definition.reveal ?? {})) {
      Object.assign(state, formStateFromAnswers(children, answers));
    }
  }
  return state;
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Reads a page's form into answers: `changes` maps each answer path of the page to its new value (undefined
 * removes it); answers with a problem are left out of `changes` (their saved value stands). Follow-up questions
 * under an option not chosen are removed, whatever was typed in them (with JavaScript off they are all shown).
 */
export function readForm(
  fields: readonly FieldDefinition[],
  state: FormState,
  options: { checkRequired: boolean; today: string },
): { changes: Map<string, unknown>; problems: FieldProblem[] } {
  const changes = new Map<string, unknown>();
  const problems: FieldProblem[] = [];
  const fail = (path: string, problem: Problem, params?: Record<string, string | number>) =>
    problems.push({ path, problem, ...(params ? { params } : {}) });

  for (const definition of fields) {
    const id = fieldId(definition.path);
    const raw = state[id];
    const one = typeof raw === 'string' ? raw : '';
    const many = Array.isArray(raw) ? raw : [];
    const required = options.checkRequired && definition.required;
    const problemsBefore = problems.length;
    let chosen: string | undefined;
    switch (definition.kind) {
      case 'radios': {
        if (!one) {
          if (required) fail(definition.path, 'requiredChoice');
          else changes.set(definition.path, undefined);
          break;
        }
        if (definition.none && one === NONE) {
          changes.set(definition.path, undefined);
          changes.set(definition.none, true);
          chosen = NONE;
          break;
        }
        if (!(definition.options ?? []).includes(one)) {
          fail(definition.path, 'option');
          break;
        }
        changes.set(definition.path, one);
        if (definition.none) changes.set(definition.none, undefined);
        chosen = one;
        break;
      }
      case 'checkboxes': {
        const noneChosen = Boolean(definition.none) && many.includes(NONE);
        const values = many.filter((value) => value !== NONE);
        if (values.some((value) => !(definition.options ?? []).includes(value))) {
          fail(definition.path, 'option');
          break;
        }
        if (!values.length && !noneChosen && required) {
          fail(definition.path, 'requiredChoice');
          break;
        }
        changes.set(definition.path, noneChosen ? undefined : values.length ? values : undefined);
        if (definition.none) changes.set(definition.none, noneChosen ? true : undefined);
        break;
      }
      case 'yesNo': {
        if (!one) {
          if (required) fail(definition.path, 'requiredChoice');
          else changes.set(definition.path, undefined);
          break;
        }
        if (one !== 'yes' && one !== 'no') {
          fail(definition.path, 'option');
          break;
        }
        changes.set(definition.path, one === 'yes');
        chosen = one;
        break;
      }
      case 'flags': {
        if (many.some((value) => !(definition.options ?? []).includes(value))) {
          fail(definition.path, 'option');
          break;
        }
        if (!many.length && required) {
          fail(definition.path, 'requiredChoice');
          break;
        }
        for (const flag of definition.options ?? []) {
          changes.set(`${definition.prefix ?? ''}${flag}`, many.includes(flag) ? true : undefined);
        }
        break;
      }
      case 'date': {
        const parsed = parseDateInput(state, id, {
          required: Boolean(required),
          notFuture: definition.notFuture,
          today: options.today,
        });
        if (parsed.problem) fail(definition.path, parsed.problem === 'invalid' ? 'date' : parsed.problem);
        else changes.set(definition.path, parsed.value);
        break;
      }
      case 'number': {
        if (!one) {
          if (required) fail(definition.path, 'required');
          else changes.set(definition.path, undefined);
        } else if (!/^\d{1,6}$/.test(one)) fail(definition.path, 'number');
        else changes.set(definition.path, Number(one));
        break;
      }
      case 'money': {
        const amount = one.replace(/^£/, '').replace(/,/g, '');
        if (!one) {
          if (required) fail(definition.path, 'required');
          else changes.set(definition.path, undefined);
        } else if (!/^\d{1,9}(\.\d{1,2})?$/.test(amount)) fail(definition.path, 'money');
        else changes.set(definition.path, Math.round(Number(amount) * 100));
        break;
      }
      case 'address': {
        const parts = ADDRESS_PARTS.map((part) => [part, text(state as FormBody, `${id}-${part}`)] as const);
        const missing = required ? parts.filter(([part, value]) => part !== 'line2' && !value) : [];
        if (missing.length) {
          for (const [part] of missing) fail(`${definition.path}.${part}`, 'required');
          break;
        }
        for (const [part, value] of parts) changes.set(`${definition.path}.${part}`, value || undefined);
        break;
      }
      case 'lines': {
        const lines = one
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
        changes.set(definition.path, lines.length ? lines : undefined);
        break;
      }
      default: {
        if (!one) {
          if (required) fail(definition.path, 'required');
          else changes.set(definition.path, undefined);
          break;
        }
        if (definition.maxLength && one.length > definition.maxLength) {
          fail(definition.path, 'tooLong', { max: definition.maxLength });
          break;
        }
        changes.set(definition.path, definition.transform === 'slug' ? slug(one) : one);
      }
    }
    // A question left unchanged (it had a problem) leaves its follow-ups as saved.
    const unchanged = problems.length > problemsBefore;
    for (const [option, children] of Object.entries(definition.reveal ?? {})) {
      if (unchanged) continue;
      if (chosen === option) {
        const nested = readForm(children, state, options);
        nested.changes.forEach((value, path) => changes.set(path, value));
        problems.push(...nested.problems);
      } else clearFields(children, changes);
    }
  }
  return { changes, problems };
}

function clearFields(fields: readonly FieldDefinition[], changes: Map<string, unknown>): void {
  for (const child of fields) {
    if (child.kind === 'flags') {
      for (const flag of child.options ?? []) changes.set(`${child.prefix ?? ''}${flag}`, undefined);
    } else changes.set(child.path, undefined);
    for (const grandchildren of Object.values(child.reveal ?? {})) clearFields(grandchildren, changes);
  }
}

/** The section's answers after this page: the saved answers with the page's changes applied. */
export function applyChanges(
  saved: unknown,
  changes: Map<string, unknown>,
  fixed: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const answers = structuredClone((saved ?? {}) as Record<string, unknown>);
  changes.forEach((value, path) => setPath(answers, path, value));
  Object.entries(fixed).forEach(([path, value]) => setPath(answers, path, value));
  return (prune(answers) as Record<string, unknown> | undefined) ?? {};
}

/** A problem the API reported for a field, from the words of its message (the API's codes are per request). */
export function problemFromApiMessage(message: string): { problem: Problem; params?: Record<string, number> } {
  const max = /shorter than or equal to (\d+)/.exec(message);
  if (max) return { problem: 'tooLong', params: { max: Number(max[1]) } };
  if (/must be an email/.test(message)) return { problem: 'email' };
  if (/phone number/.test(message)) return { problem: 'phone' };
  if (/postcode/.test(message)) return { problem: 'postcode' };
  if (/one of the following values/.test(message)) return { problem: 'option' };
  if (/real date/.test(message)) return { problem: 'date' };
  return { problem: 'invalid' };
}
