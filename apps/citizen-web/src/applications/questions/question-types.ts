import type { ApplicationAnswers, ApplicationSection } from '@redress/domain';

/**
 * The question framework: each section of the application is one `SectionDefinition` listing its pages, and each
 * page its fields. A field names the answer it holds by its dotted path inside the section's answers (the same
 * path the citizen API reports in its field errors), and its kind says how it is shown and read. Words live in
 * `locales/<lang>/section-<section>.json` under `pages.<page>.title` and `fields.<path without list
 * indexes>.{label,hint,options.<value>,errors.<problem>}`. Adding a question is adding a field here and its words.
 */
export type FieldKind =
  /** One of a few options (GOV.UK radios); `options` are the answer's values. */
  | 'radios'
  /** Any of a few options (GOV.UK checkboxes): a list of values. */
  | 'checkboxes'
  /** Yes or no (radios): a boolean. */
  | 'yesNo'
  /** Ticked options, each a boolean answer of its own (`<prefix><option>`): "I agree", "no voicemail". */
  | 'flags'
  /** A line of text (GOV.UK input). */
  | 'text'
  /** A long answer (GOV.UK character count, `maxLength` required). */
  | 'textarea'
  /** One answer per line, kept as a list of strings. */
  | 'lines'
  /** A GOV.UK date input: `YYYY-MM-DD`. */
  | 'date'
  /** A whole number (weeks). */
  | 'number'
  /** Pounds and pence typed, kept as integer pence. */
  | 'money'
  /** A postal address: line1, line2, town, postcode under the field's path. */
  | 'address';

export interface FieldDefinition {
  /** Dotted path inside the section's answers, e.g. `address`, `mental.diagnosis`, `physicalInjuries.0.kind`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** The answer's values (radios, checkboxes) or the flag names (flags). */
  readonly options?: readonly string[];
  /** Continue needs an answer (Save and come back later never does). */
  readonly required?: boolean;
  /** Characters allowed (character count; the API checks the same limit). */
  readonly maxLength?: number;
  /** Dates that cannot be in the future. */
  readonly notFuture?: boolean;
  /** Flags only: the path prefix each flag name is appended to (`safeContact.`). */
  readonly prefix?: string;
  /** Radios and checkboxes: an exclusive "none of these" option that sets this boolean path instead. */
  readonly none?: string;
  /** Follow-up questions shown under an option (GOV.UK conditional reveal); ignored unless that option is chosen. */
  readonly reveal?: Readonly<Record<string, readonly FieldDefinition[]>>;
  /** Text: a transform before saving (`slug`: words to a lower-case code such as a police force). */
  readonly transform?: 'slug';
  /** Text: the HTML autocomplete, type and width of the box. */
  readonly autocomplete?: string;
  readonly inputType?: 'email' | 'tel' | 'text';
  readonly width?: 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-5';
}

export interface QuestionContext {
  readonly answers: ApplicationAnswers;
  readonly today: string;
}

export interface PageDefinition {
  /** The page's slug in the URL: `/applications/{id}/{section}/{page}`. */
  readonly id: string;
  readonly fields: readonly FieldDefinition[];
  /** Asked only when this holds for the answers so far (absent: always). */
  readonly when?: (context: QuestionContext) => boolean;
}

export interface SectionDefinition {
  readonly section: ApplicationSection;
  readonly pages: readonly PageDefinition[];
  /** Answers the service sets itself on every save of the section (the declaration's wording version). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Shows "Exit this page" (sensitive sections: the crime and everything after it). */
  readonly exitThisPage?: boolean;
}

/** A field's words key: its path without list indexes (`physicalInjuries.0.kind` -> `physicalInjuries.kind`). */
export function wordsKey(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, '');
}

/** A field's HTML id and form name: the path with dots as dashes (flat names; no nesting in form bodies). */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-');
}

/** Every field of a page, follow-ups included. */
export function allFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.flatMap((definition) => [definition, ...allFields(Object.values(definition.reveal ?? {}).flat())]);
}
