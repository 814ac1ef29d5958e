import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessEligibility, type EligibilityFacts } from '@redress/domain';
import { checkQuestions, mayAsk, nextQuestion, previousPath, relevantQuestions, toFacts } from './check-questions.js';

const adult = {
  who: 'direct-victim',
  'date-of-birth': '1990-05-01',
  'incident-date': '2026-10-01',
  place: 'england',
  kind: 'physical-attack',
  reported: 'yes',
  'reported-on': '2026-10-01',
  cooperated: 'yes',
  'lived-with': 'no',
  'assailant-benefit': 'no',
  'minor-only': 'no',
  'mental-injury': 'no',
  convictions: 'no',
  residence: ['ordinarily-resident-uk'],
  'previous-application': 'no',
};

describe('check if you can claim: the questions', () => {
  it('asks only what the answers so far make relevant', () => {
    const ids = (answers: Record<string, string | string[]>) => relevantQuestions(answers).map((q) => q.id);
    expect(ids({ who: 'direct-victim' })).not.toContain('loved-one');
    expect(ids({ who: 'witness' })).toEqual(expect.arrayContaining(['loved-one', 'present']));
    expect(ids({ who: 'fatal' })).toContain('relationship');
    expect(ids({ who: 'fatal' })).not.toContain('paid-funeral');
    expect(ids({ who: 'fatal', relationship: 'other' })).toContain('paid-funeral');
    expect(ids({ who: 'fatal' })).not.toContain('minor-only');
    expect(ids({ reported: 'no' })).not.toContain('reported-on');
    expect(ids({ 'lived-with': 'no' })).not.toContain('still-lives');
    expect(ids({ 'mental-injury': 'no' })).not.toContain('mental-diagnosis');
    expect(ids({ convictions: 'no' })).not.toContain('sentence');
    expect(ids({})).not.toContain('late-reason');
  });

  it('goes to the first unanswered question, and to the result once all are answered', () => {
    expect(nextQuestion({})?.id).toBe('who');
    expect(nextQuestion({ who: 'witness' })?.id).toBe('loved-one');
    expect(nextQuestion(adult)).toBeUndefined();
    // A changed answer that makes a new question relevant asks it next.
    expect(nextQuestion({ ...adult, 'lived-with': 'yes' })?.id).toBe('still-lives');
  });

  it('opens a question only once everything before it is answered; late-reason only at the end', () => {
    expect(mayAsk('who', {})).toBe(true);
    expect(mayAsk('place', { who: 'direct-victim' })).toBe(false);
    expect(mayAsk('loved-one', adult)).toBe(false);
    expect(mayAsk('late-reason', { who: 'direct-victim' })).toBe(false);
    expect(mayAsk('late-reason', adult)).toBe(true);
    expect(mayAsk('no-such-question', adult)).toBe(false);
  });

  it('links back to the question before, the start page from the first, and the result from late-reason', () => {
    expect(previousPath('who', {})).toBe('/check');
    expect(previousPath('place', adult)).toBe('/check/incident-date');
    expect(previousPath('late-reason', adult)).toBe('/check/result');
  });

  it('turns the answers into facts the engine reads, ignoring answers no longer relevant', () => {
    const facts = toFacts({ ...adult, sentence: 'custodial', 'loved-one': 'no' }) as EligibilityFacts;
    expect(facts.applicant?.unspentConvictions).toEqual([]);
    expect(facts.witness).toBeNull();
    const assessment = assessEligibility({ ...facts, receivedOn: '2026-11-27' });
    expect(assessment.outcome).toBe('eligible');
  });

  it('a witness who is not a loved one fails paragraph 6; a late application with a reason is referred', () => {
    const witness = toFacts({
      ...adult,
      who: 'witness',
      'loved-one': 'no',
      present: 'yes',
      'mental-injury': 'yes',
      'mental-disabling': 'yes',
      'mental-duration': 'ongoing',
      'mental-diagnosis': 'psychiatrist',
    }) as EligibilityFacts;
    const failed = assessEligibility({ ...witness, receivedOn: '2026-11-27' }).results.filter(
      (result) => result.result === 'fail',
    );
    expect(failed.map((result) => result.paragraph)).toEqual(['6']);
    const late = toFacts({
      ...adult,
      'incident-date': '2022-01-01',
      'reported-on': '2022-01-01',
      'late-reason': 'In hospital',
    }) as EligibilityFacts;
    expect(assessEligibility({ ...late, receivedOn: '2026-11-27' }).outcome).toBe('refer');
  });

  it('every question has its words in English and Welsh, with the same keys and placeholders', () => {
    const locales = join(import.meta.dirname, '../../locales');
    for (const name of ['check', 'claim', 'support', 'your-data', 'timeout']) {
      const en = flatten(JSON.parse(readFileSync(join(locales, 'en', `${name}.json`), 'utf8')));
      const cy = flatten(JSON.parse(readFileSync(join(locales, 'cy', `${name}.json`), 'utf8')));
      expect({ name, keys: Object.keys(cy).sort() }).toEqual({ name, keys: Object.keys(en).sort() });
      for (const key of Object.keys(en)) {
        const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect({ key, placeholders: placeholders(cy[key]!) }).toEqual({ key, placeholders: placeholders(en[key]!) });
      }
    }
    const check = flatten(JSON.parse(readFileSync(join(locales, 'en', 'check.json'), 'utf8')));
    for (const question of checkQuestions) {
      expect(check[`questions.${question.id}.title`]).toBeDefined();
      expect(check[`questions.${question.id}.summary`]).toBeDefined();
      for (const option of question.kind === 'yesNo' ? [] : (question.options ?? [])) {
        expect({ option, text: check[`questions.${question.id}.options.${option}`] }).toEqual({
          option,
          text: expect.any(String),
        });
      }
    }
  });
});

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item && typeof item === 'object')
      Object.assign(out, flatten(item as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = String(item);
  }
  return out;
}
