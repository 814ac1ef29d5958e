import { claimValues, listSetting, parseValueMapping } from './claims.js';

describe('claimValues', () => {
  const claims = {
    roles: ['caseworker', 7, 'auditor'],
    team: 'general',
    realm_access: { roles: ['senior-caseworker'] },
    'http://schemas.example.test/claims/role': 'administrator',
    nested: { list: [{ not: 'a string' }] },
  };

  it.each<[string, string[]]>([
    ['roles', ['caseworker', 'auditor']],
    ['team', ['general']],
    ['realm_access.roles', ['senior-caseworker']],
    ['http://schemas.example.test/claims/role', ['administrator']],
    ['nested.list', []],
    ['realm_access.missing', []],
    ['toString', []],
    ['roles.length', []],
    ['absent', []],
  ])('reads %s as %j', (path, values) => {
    expect(claimValues(claims, path)).toEqual(values);
  });
});

describe('parseValueMapping and listSetting', () => {
  it('maps provider values to ours, trimming, and refuses an item that is not a pair', () => {
    expect([...parseValueMapping(' Redress.Caseworker=caseworker, a=b=c ,')]).toEqual([
      ['Redress.Caseworker', 'caseworker'],
      ['a=b', 'c'],
    ]);
    expect(parseValueMapping('').size).toBe(0);
    expect(() => parseValueMapping('lonely')).toThrow();
    expect(() => parseValueMapping('value=')).toThrow();
  });

  it('lists comma-separated values without empty ones', () => {
    expect(listSetting(' https://a.test/ ,, https://b.test/')).toEqual(['https://a.test/', 'https://b.test/']);
    expect(listSetting(undefined)).toEqual([]);
  });
});
