import { createTranslator, webLibPaths } from '@redress/web';
import { citizenWebPaths } from '../../bootstrap.js';
import {
  applyChanges,
  formStateFromAnswers,
  formStateFromBody,
  problemFromApiMessage,
  readForm,
} from './question-forms.js';
import { allFields, type FieldDefinition } from './question-types.js';
import { answerText, fieldViews, pageErrors } from './question-views.js';
import { sectionDefinitions } from './sections.js';

const today = '2026-12-07';
const continuing = { checkRequired: true, today };
const page = (section: keyof typeof sectionDefinitions, id: string) =>
  sectionDefinitions[section].pages.find((candidate) => candidate.id === id)!;

describe('question forms', () => {
  it('ignores follow-up answers under an option not chosen (all shown without JavaScript)', () => {
    const fields = page('offender', 'name').fields;
    const state = formStateFromBody(fields, { nameKnown: 'no', name: 'Typed by mistake', _csrf: 'x' });
    const { changes, problems } = readForm(fields, state, continuing);
    expect(problems).toEqual([]);
    expect(applyChanges({ nameKnown: true, name: 'Old', ongoingContact: true }, changes)).toEqual({
      nameKnown: false,
      ongoingContact: true,
    });
  });

  it('reads follow-ups under the option chosen, and requires them on continue', () => {
    const fields = page('offender', 'name').fields;
    expect(readForm(fields, formStateFromBody(fields, { nameKnown: 'yes' }), continuing).problems).toEqual([
      { path: 'name', problem: 'required' },
    ]);
    const { changes } = readForm(fields, formStateFromBody(fields, { nameKnown: 'yes', name: ' Sam ' }), continuing);
    expect(applyChanges({}, changes)).toEqual({ nameKnown: true, name: 'Sam' });
  });

  it('refuses an option the page never offered, and leaves the saved answer and its follow-ups alone', () => {
    const fields = page('offender', 'name').fields;
    const { changes, problems } = readForm(fields, formStateFromBody(fields, { nameKnown: 'maybe' }), continuing);
    expect(problems).toEqual([{ path: 'nameKnown', problem: 'option' }]);
    expect(applyChanges({ nameKnown: true, name: 'Sam' }, changes)).toEqual({ nameKnown: true, name: 'Sam' });
  });

  it('reads dates with the GOV.UK date input and says what is wrong with one', () => {
    const fields = page('crime', 'date').fields;
    const read = (day: string, month: string, year: string) =>
      readForm(
        fields,
        formStateFromBody(fields, { 'date-day': day, 'date-month': month, 'date-year': year }),
        continuing,
      );
    expect(applyChanges({}, read('14', 'March', '2026').changes)).toEqual({ date: '2026-03-14' });
    expect(read('31', '2', '2026').problems).toEqual([{ path: 'date', problem: 'date' }]);
    expect(read('1', '', '2026').problems).toEqual([{ path: 'date', problem: 'incomplete' }]);
    expect(read('1', '1', '2027').problems).toEqual([{ path: 'date', problem: 'future' }]);
    expect(read('', '', '').problems).toEqual([{ path: 'date', problem: 'required' }]);
    expect(readForm(fields, formStateFromBody(fields, {}), { checkRequired: false, today }).problems).toEqual([]);
  });

  it('makes the exclusive "none" option a boolean of its own, and lists of one item', () => {
    const fields = page('injuries', 'body-area').fields;
    const none = readForm(fields, formStateFromBody(fields, { 'physicalInjuries-0-bodyArea': 'none' }), continuing);
    expect(applyChanges({ physicalInjuries: [{ bodyArea: 'face' }] }, none.changes)).toEqual({
      noPhysicalInjury: true,
    });
    const face = readForm(fields, formStateFromBody(fields, { 'physicalInjuries-0-bodyArea': 'face' }), continuing);
    expect(applyChanges({ noPhysicalInjury: true }, face.changes)).toEqual({
      physicalInjuries: [{ bodyArea: 'face' }],
    });
  });

  it('reads money as pence, addresses by part, and fixed answers', () => {
    const expenses = page('impact', 'expenses').fields;
    const body = {
      hasSpecialExpenses: 'yes',
      'specialExpenses-0-kind': 'care',
      'specialExpenses-0-amountPence': '£1,250.5',
    };
    const { changes } = readForm(expenses, formStateFromBody(expenses, body), continuing);
    expect(applyChanges({}, changes)).toEqual({
      hasSpecialExpenses: true,
      specialExpenses: [{ kind: 'care', amountPence: 125050 }],
    });
    const address = page('applicant', 'address').fields;
    expect(readForm(address, formStateFromBody(address, { 'address-line1': '1 Street' }), continuing).problems).toEqual(
      [
        { path: 'address.town', problem: 'required' },
        { path: 'address.postcode', problem: 'required' },
      ],
    );
    const declaration = sectionDefinitions.declaration;
    const signed = readForm(
      declaration.pages[0]!.fields,
      formStateFromBody(declaration.pages[0]!.fields, { agreement: 'agreed', fullName: 'Alex' }),
      continuing,
    );
    expect(applyChanges({}, signed.changes, declaration.fixed)).toEqual({
      agreed: true,
      fullName: 'Alex',
      wordingVersion: declaration.fixed!.wordingVersion,
    });
  });

  it('fills a page from saved answers as it reads them back', () => {
    const fields = page('crime', 'police').fields;
    const saved = {
      reportedToPolice: true,
      reportedOn: '2026-03-14',
      policeForce: 'metropolitan',
      cooperatedWithPolice: false,
    };
    const state = formStateFromAnswers(fields, saved);
    expect(applyChanges({}, readForm(fields, state, continuing).changes)).toEqual(saved);
  });

  it('reads the constraint of an API field error from its message', () => {
    expect(problemFromApiMessage('firstName must be shorter than or equal to 100 characters')).toEqual({
      problem: 'tooLong',
      params: { max: 100 },
    });
    expect(problemFromApiMessage('email must be an email').problem).toBe('email');
    expect(problemFromApiMessage('address.postcode must be a postcode').problem).toBe('postcode');
    expect(problemFromApiMessage('date must be a real date written YYYY-MM-DD').problem).toBe('date');
    expect(problemFromApiMessage('something new').problem).toBe('invalid');
  });
});

describe('question words', () => {
  it('has every page title, label, option and error wording in English and Welsh', async () => {
    const translator = await createTranslator([webLibPaths.locales, citizenWebPaths.locales]);
    for (const lang of ['en', 'cy'] as const) {
      const t = translator.forLanguage(lang);
      const has = (key: string) => translator.i18n.exists(key, { lng: lang });
      for (const definition of Object.values(sectionDefinitions)) {
        t(`section-${definition.section}.title`);
        for (const questionPage of definition.pages) {
          t(`section-${definition.section}.pages.${questionPage.id}.title`);
          const fields: FieldDefinition[] = allFields(questionPage.fields);
          fieldViews(t, has, definition, questionPage, formStateFromAnswers(fields, {}), undefined);
          pageErrors(
            t,
            definition,
            questionPage,
            fields.map((field) => ({ path: field.path, problem: 'required' })),
          );
          for (const field of fields) {
            for (const option of field.options ?? []) {
              const answers = field.kind === 'flags' ? { [`${field.prefix}${option}`]: true } : {};
              if (field.kind === 'flags') answerText(t, lang, definition, field, answers);
            }
          }
        }
      }
    }
    // libs/web's shared words (common.json: yes, no, day, month, year) get their Welsh from the Welsh work.
    expect([...translator.missingKeys].filter((key) => !key.startsWith('cy:common.'))).toEqual([]);
  });
});

describe('question forms and odd bodies', () => {
  it('reads anything that is not a string (a JSON body, a tampered form) as no answer', () => {
    const fields = page('applicant', 'name').fields;
    const body = { firstName: 42, lastName: { $gt: '' } } as unknown as Record<string, string>;
    expect(readForm(fields, formStateFromBody(fields, body), continuing).problems).toEqual([
      { path: 'firstName', problem: 'required' },
      { path: 'lastName', problem: 'required' },
    ]);
  });
});
