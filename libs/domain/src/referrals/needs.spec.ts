import { circumstanceTermsFor, needRequirements, serviceTerms, supportNeeds } from '@redress/domain';

describe('needRequirements', () => {
  it.each([
    [['feeling-safe'], [], [{ need: 'feeling-safe', terms: ['safety-planning', 'home-security'] }]],
    [
      ['feeling-safe'],
      ['domestic-abuse'],
      [{ need: 'feeling-safe', terms: ['safety-planning', 'home-security', 'idva', 'refuge'] }],
    ],
    [
      ['emotional-support'],
      ['sexual-violence'],
      [{ need: 'emotional-support', terms: ['emotional-support', 'counselling', 'isva'] }],
    ],
    [
      ['emotional-support'],
      ['bereavement'],
      [{ need: 'emotional-support', terms: ['emotional-support', 'counselling', 'bereavement-support'] }],
    ],
    [
      ['going-to-court'],
      ['sexual-violence', 'domestic-abuse'],
      [{ need: 'going-to-court', terms: ['court-support', 'isva', 'idva'] }],
    ],
    [['housing'], ['domestic-abuse'], [{ need: 'housing', terms: ['housing-advice', 'refuge'] }]],
    [['money'], [], [{ need: 'money', terms: ['money-advice', 'benefits-advice'] }]],
    [['legal-help'], [], [{ need: 'legal-help', terms: ['legal-advice'] }]],
  ] as const)('maps %j with circumstances %j', (needs, circumstances, expected) => {
    expect(needRequirements(needs, circumstances)).toEqual(expected);
  });

  it('gives every need at least one term, in the vocabulary order, once each', () => {
    const all = needRequirements([...supportNeeds].reverse().concat(supportNeeds));
    expect(all.map((r) => r.need)).toEqual([...supportNeeds]);
    for (const requirement of all) {
      expect(requirement.terms.length).toBeGreaterThan(0);
      for (const term of requirement.terms) expect(serviceTerms).toContain(term);
      expect(new Set(requirement.terms).size).toBe(requirement.terms.length);
    }
  });

  it('maps circumstances to the directory circumstance terms', () => {
    expect(circumstanceTermsFor(['under-18', 'bereavement', 'under-18'])).toEqual([
      'children-and-young-people',
      'bereavement',
    ]);
  });
});
