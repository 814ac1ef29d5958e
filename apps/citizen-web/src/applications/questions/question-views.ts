import type { TFunction } from 'i18next';
import { dateInputItems, formErrors, formatDate, type FormErrors, type Language } from '@redress/web';
import { ADDRESS_PARTS, getPath, type FieldProblem, type FormState } from './question-forms.js';
import {
  allFields,
  fieldId,
  wordsKey,
  type FieldDefinition,
  type PageDefinition,
  type SectionDefinition,
} from './question-types.js';

/** What the question template needs to draw one field with GOV.UK macros. */
export interface FieldView {
  kind: FieldDefinition['kind'];
  id: string;
  label: string;
  hint?: string;
  isPageHeading: boolean;
  value?: string;
  items?: Array<{
    value?: string;
    text?: string;
    checked?: boolean;
    divider?: string;
    behaviour?: 'exclusive';
    reveal?: FieldView[];
  }>;
  dateItems?: ReturnType<typeof dateInputItems>;
  parts?: Array<{ id: string; label: string; value: string; autocomplete: string; error?: { text: string } }>;
  maxLength?: number;
  inputType?: string;
  autocomplete?: string;
  width?: string;
  error?: { text: string };
}

const namespace = (definition: SectionDefinition) => `section-${definition.section}`;

/** The words of a field: its own label, or (the only question of its page) the page's title. */
export function fieldLabel(t: TFunction, section: SectionDefinition, page: PageDefinition, path: string): string {
  const ns = namespace(section);
  return t([`${ns}.fields.${wordsKey(path)}.label`, `${ns}.pages.${page.id}.title`]);
}

function optionText(t: TFunction, section: SectionDefinition, definition: FieldDefinition, value: string): string {
  if (definition.kind === 'yesNo') return t(`common.${value}`);
  if (value === 'none') return t([`${namespace(section)}.fields.${wordsKey(definition.path)}.none`, 'questions.none']);
  return t(`${namespace(section)}.fields.${wordsKey(definition.path)}.options.${value}`);
}

/** Displays a saved answer on check your answers. */
export function answerText(
  t: TFunction,
  language: Language,
  section: SectionDefinition,
  definition: FieldDefinition,
  answers: unknown,
): string {
  const value = getPath(answers, definition.path);
  if (definition.none && getPath(answers, definition.none) === true) return optionText(t, section, definition, 'none');
  switch (definition.kind) {
    case 'radios':
      return typeof value === 'string' ? optionText(t, section, definition, value) : '';
    case 'yesNo':
      return typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : '';
    case 'checkboxes':
      return Array.isArray(value)
        ? value.map((item) => optionText(t, section, definition, String(item))).join(', ')
        : '';
    case 'flags':
      return (definition.options ?? [])
        .filter((flag) => getPath(answers, `${definition.prefix ?? ''}${flag}`) === true)
        .map((flag) => optionText(t, section, definition, flag))
        .join(', ');
    case 'date':
      return formatDate(value, language);
    case 'money':
      return typeof value === 'number' ? `£${(value / 100).toFixed(2)}` : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'lines':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'address':
      return ADDRESS_PARTS.map((part) => getPath(value, part))
        .filter((part) => typeof part === 'string' && part)
        .join(', ');
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The error messages of a page: a field's own words for a problem, else the service's words for that kind. */
export function pageErrors(
  t: TFunction,
  section: SectionDefinition,
  page: PageDefinition,
  problems: readonly FieldProblem[],
): FormErrors {
  const fields = allFields(page.fields);
  const ns = namespace(section);
  return formErrors(
    problems.map((problem) => {
      // The field the problem belongs to: the exact path, an address's part, or the nearest enclosing field.
      const owner =
        fields.find((definition) => definition.path === problem.path) ??
        fields.find((definition) => problem.path.startsWith(`${definition.path}.`)) ??
        fields.find((definition) => definition.kind === 'flags' && problem.path.startsWith(definition.prefix ?? '#')) ??
        fields[0]!;
      const isAddressPart = owner.kind === 'address' && problem.path !== owner.path;
      const id = isAddressPart ? fieldId(problem.path) : fieldId(owner.path);
      const label = fieldLabel(t, section, page, isAddressPart ? problem.path : owner.path);
      const text = t(
        [
          `${ns}.fields.${wordsKey(isAddressPart ? problem.path : owner.path)}.errors.${problem.problem}`,
          `questions.errors.${problem.problem}`,
        ],
        { label, ...problem.params },
      );
      return { field: id, text, href: owner.kind === 'date' ? `#${id}-day` : `#${id}` };
    }),
  );
}

/** The page's fields as the template draws them. */
export function fieldViews(
  t: TFunction,
  has: (key: string) => boolean,
  section: SectionDefinition,
  page: PageDefinition,
  state: FormState,
  errors: FormErrors | undefined,
  fields: readonly FieldDefinition[] = page.fields,
  nested = false,
): FieldView[] {
  const ns = namespace(section);
  const single = page.fields.length === 1 && !nested;
  return fields.map((definition): FieldView => {
    const id = fieldId(definition.path);
    const key = `${ns}.fields.${wordsKey(definition.path)}`;
    const raw = state[id];
    const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const view: FieldView = {
      kind: definition.kind,
      id,
      label: fieldLabel(t, section, page, definition.path),
      hint: has(`${key}.hint`) ? t(`${key}.hint`) : undefined,
      isPageHeading: single,
      value: typeof raw === 'string' ? raw : undefined,
      maxLength: definition.maxLength,
      inputType: definition.inputType,
      autocomplete: definition.autocomplete,
      width: definition.width,
      error: errors?.fields[id],
    };
    if (['radios', 'checkboxes', 'yesNo', 'flags'].includes(definition.kind)) {
      const values = definition.kind === 'yesNo' ? ['yes', 'no'] : [...(definition.options ?? [])];
      view.items = values.map((value) => ({
        value,
        text: optionText(t, section, definition, value),
        checked: chosen.includes(value),
        reveal: definition.reveal?.[value]
          ? fieldViews(t, has, section, page, state, errors, definition.reveal[value], true)
          : undefined,
      }));
      if (definition.none) {
        view.items.push({ divider: t('questions.or') });
        view.items.push({
          value: 'none',
          text: optionText(t, section, definition, 'none'),
          checked: chosen.includes('none'),
          behaviour: definition.kind === 'checkboxes' ? 'exclusive' : undefined,
        });
      }
    }
    if (definition.kind === 'date') {
      view.dateItems = dateInputItems(
        t,
        {
          day: String(state[`${id}-day`] ?? ''),
          month: String(state[`${id}-month`] ?? ''),
          year: String(state[`${id}-year`] ?? ''),
        },
        Boolean(view.error),
      );
    }
    if (definition.kind === 'address') {
      const autocomplete = {
        line1: 'address-line1',
        line2: 'address-line2',
        town: 'address-level2',
        postcode: 'postal-code',
      };
      view.parts = ADDRESS_PARTS.map((part) => ({
        id: `${id}-${part}`,
        label: t(`questions.address.${part}`),
        value: String(state[`${id}-${part}`] ?? ''),
        autocomplete: autocomplete[part],
        error: errors?.fields[`${id}-${part}`],
      }));
    }
    return view;
  });
}
