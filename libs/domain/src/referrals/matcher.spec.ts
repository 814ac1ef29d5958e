import fc from 'fast-check';
import {
  circumstances,
  matchServices,
  postcodeDistrict,
  prepareServices,
  serviceTerms,
  supportNeeds,
  type DirectoryService,
  type MatchRequest,
  type ServiceArea,
} from '@redress/domain';

const camden: ServiceArea = { type: 'local-authority', code: 'E09000007', name: 'Camden' };
const cardiff: ServiceArea = { type: 'local-authority', code: 'W06000015', name: 'Cardiff' };
const england: ServiceArea = { type: 'country', code: 'E92000001', name: 'England' };
const englandAndWales: ServiceArea = { type: 'country', code: 'K04000001', name: 'England and Wales' };

function service(id: string, overrides: Partial<DirectoryService> = {}): DirectoryService {
  return {
    serviceId: id,
    organisationId: `org-${id}`,
    serviceName: `Service ${id}`,
    organisationName: `Organisation ${id}`,
    serviceTerms: ['emotional-support'],
    circumstanceTerms: [],
    minimumAge: null,
    maximumAge: null,
    areas: [camden],
    acceptingReferrals: true,
    record: { decided: 0, accepted: 0, medianResponseHours: null },
    ...overrides,
  };
}

const inCamden: MatchRequest = {
  needs: ['emotional-support'],
  circumstances: [],
  age: 30,
  location: { localAuthorityCode: 'E09000007', postcodeDistrict: 'NW1' },
};

function ids(request: MatchRequest, services: DirectoryService[]): string[] {
  return matchServices(request, prepareServices(services)).map((match) => match.serviceId);
}

describe('matchServices: who is eligible', () => {
  it.each<[string, MatchRequest, DirectoryService, boolean]>([
    ['meets a need in the local authority', inCamden, service('a'), true],
    ['meets no need', inCamden, service('a', { serviceTerms: ['legal-advice'] }), false],
    ['works elsewhere', inCamden, service('a', { areas: [cardiff] }), false],
    [
      'covers the postcode district',
      inCamden,
      service('a', { areas: [{ type: 'postcode-district', code: 'NW1', name: 'NW1' }] }),
      true,
    ],
    ['covers the whole of England', inCamden, service('a', { areas: [england] }), true],
    ['covers England and Wales', inCamden, service('a', { areas: [englandAndWales] }), true],
    [
      'covers England only, person in Wales',
      { ...inCamden, location: { localAuthorityCode: 'W06000015' } },
      service('a', { areas: [england] }),
      false,
    ],
    ['is for adults, person is 16', { ...inCamden, age: 16 }, service('a', { minimumAge: 18 }), false],
    ['is for under 25s, person is 30', inCamden, service('a', { maximumAge: 25 }), false],
    [
      'is for adults, person under 18 of unknown age',
      { ...inCamden, age: null, circumstances: ['under-18'] },
      service('a', { minimumAge: 18 }),
      false,
    ],
    [
      'is for domestic abuse only, person did not say so',
      inCamden,
      service('a', { circumstanceTerms: ['domestic-abuse'] }),
      false,
    ],
    [
      'is for domestic abuse only, person affected',
      { ...inCamden, circumstances: ['domestic-abuse'] },
      service('a', { circumstanceTerms: ['domestic-abuse'] }),
      true,
    ],
    [
      'is for children and young people, person is 15',
      { ...inCamden, age: 15 },
      service('a', { circumstanceTerms: ['children-and-young-people'] }),
      true,
    ],
    [
      'is an ISVA service, person affected by sexual violence needs court help',
      { ...inCamden, needs: ['going-to-court'], circumstances: ['sexual-violence'] },
      service('a', { serviceTerms: ['isva'], circumstanceTerms: ['sexual-violence'] }),
      true,
    ],
  ])('a service that %s: matched %p', (_name, request, candidate, matched) => {
    expect(ids(request, [candidate])).toEqual(matched ? ['a'] : []);
  });

  it('leaves out excluded services and organisations, and returns nothing for no needs', () => {
    const services = [service('a'), service('b'), service('c')];
    expect(ids({ ...inCamden, excludeServiceIds: ['a'], excludeOrganisationIds: ['org-b'] }, services)).toEqual(['c']);
    expect(ids({ ...inCamden, needs: [] }, services)).toEqual([]);
  });
});

describe('matchServices: ranking', () => {
  it.each<[string, DirectoryService, DirectoryService]>([
    ['meets more needs', service('b', { serviceTerms: ['emotional-support', 'money-advice'] }), service('a')],
    ['can take referrals now', service('b'), service('a', { acceptingReferrals: false })],
    ['is local rather than national', service('b'), service('a', { areas: [england] })],
    [
      'has a better record',
      service('b', { record: { decided: 20, accepted: 19, medianResponseHours: 20 } }),
      service('a', { record: { decided: 20, accepted: 5, medianResponseHours: 100 } }),
    ],
    [
      'specialises in the person’s circumstances',
      service('b', { circumstanceTerms: ['bereavement'], serviceTerms: ['bereavement-support'] }),
      service('a'),
    ],
  ])('ranks first the service that %s', (_name, better, worse) => {
    const request: MatchRequest = {
      ...inCamden,
      needs: ['emotional-support', 'money'],
      circumstances: ['bereavement'],
    };
    expect(ids(request, [worse, better])).toEqual([better.serviceId, worse.serviceId]);
  });

  it('meeting one more need outweighs everything else', () => {
    const twoNeedsBusyNational = service('b', {
      serviceTerms: ['emotional-support', 'money-advice'],
      acceptingReferrals: false,
      areas: [england],
      record: { decided: 50, accepted: 0, medianResponseHours: 500 },
    });
    const oneNeedPerfect = service('a', {
      circumstanceTerms: ['bereavement'],
      record: { decided: 50, accepted: 50, medianResponseHours: 1 },
    });
    const request: MatchRequest = {
      ...inCamden,
      needs: ['emotional-support', 'money'],
      circumstances: ['bereavement'],
    };
    expect(ids(request, [oneNeedPerfect, twoNeedsBusyNational])).toEqual(['b', 'a']);
  });

  it('explains each match in plain words', () => {
    const [match] = matchServices(
      { ...inCamden, needs: ['feeling-safe', 'going-to-court'], circumstances: ['domestic-abuse'] },
      prepareServices([
        service('a', {
          serviceTerms: ['idva'],
          circumstanceTerms: ['domestic-abuse'],
          minimumAge: 16,
          acceptingReferrals: false,
          record: { decided: 10, accepted: 9, medianResponseHours: 30 },
        }),
      ]),
    );
    expect(match?.needsMet).toEqual(['feeling-safe', 'going-to-court']);
    expect(match?.reasons).toEqual([
      'Helps with feeling safe and going to court.',
      'Specialises in supporting people affected by domestic abuse.',
      'Works in your area (Camden).',
      'Is very busy at the moment, so it may take longer to hear back.',
      'Usually replies within 2 days.',
      'Has taken on 9 in 10 of the referrals it was sent.',
      'Supports people aged 16 and over.',
    ]);
  });

  it('breaks ties by service id, so the same input always gives the same order', () => {
    expect(ids(inCamden, [service('c'), service('a'), service('b')])).toEqual(['a', 'b', 'c']);
  });

  it('returns only the best few when asked', () => {
    expect(ids({ ...inCamden, limit: 2 }, [service('c'), service('a'), service('b')])).toEqual(['a', 'b']);
  });
});

describe('postcodeDistrict', () => {
  it.each([
    ['SW1A 1AA', 'SW1A'],
    ['nw1 2db', 'NW1'],
    ['M11AE', 'M1'],
    ['CF10', 'CF10'],
    ['not a postcode', null],
    ['', null],
  ])('%s -> %s', (postcode, district) => {
    expect(postcodeDistrict(postcode)).toBe(district);
  });
});

describe('matchServices: properties', () => {
  const areas = [camden, cardiff, england, englandAndWales];
  const arbitraryService = fc.record({
    serviceId: fc.uuid(),
    organisationId: fc.constantFrom('o1', 'o2', 'o3', 'o4'),
    serviceName: fc.constant('S'),
    organisationName: fc.constant('O'),
    serviceTerms: fc.subarray([...serviceTerms], { minLength: 1 }),
    circumstanceTerms: fc.subarray(['sexual-violence', 'domestic-abuse', 'bereavement', 'children-and-young-people']),
    minimumAge: fc.option(fc.integer({ min: 0, max: 30 })),
    maximumAge: fc.option(fc.integer({ min: 10, max: 120 })),
    areas: fc.subarray(areas, { minLength: 1 }),
    acceptingReferrals: fc.boolean(),
    record: fc
      .tuple(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 400 })),
      )
      .map(([a, b, hours]) => ({ decided: Math.max(a, b), accepted: Math.min(a, b), medianResponseHours: hours })),
  });
  const arbitraryRequest = fc.record({
    needs: fc.subarray([...supportNeeds], { minLength: 1 }),
    circumstances: fc.subarray([...circumstances]),
    age: fc.option(fc.integer({ min: 5, max: 90 })),
    location: fc.constantFrom(
      { localAuthorityCode: 'E09000007', postcodeDistrict: 'NW1' },
      { localAuthorityCode: 'W06000015', postcodeDistrict: 'CF10' },
    ),
  });

  it('never ranks a service at capacity above an otherwise equal one with capacity', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryService, (request, candidate) => {
        const full = { ...candidate, serviceId: '0-full', acceptingReferrals: false };
        const open = { ...candidate, serviceId: '1-open', acceptingReferrals: true };
        const matched = ids(request, [full, open]);
        if (matched.length) expect(matched).toEqual(['1-open', '0-full']);
      }),
    );
  });

  it('never raises a score by adding a need the service does not meet', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryService, fc.constantFrom(...supportNeeds), (request, candidate, extra) => {
        const before = matchServices(request, prepareServices([candidate]))[0];
        const after = matchServices({ ...request, needs: [...request.needs, extra] }, prepareServices([candidate]))[0];
        if (before && !after?.needsMet.includes(extra)) expect(after?.score).toBe(before.score);
        if (before && after) expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
    );
  });

  it('returns matches best first, each meeting a need, never an excluded one, and is deterministic', () => {
    fc.assert(
      fc.property(arbitraryRequest, fc.array(arbitraryService, { maxLength: 25 }), (request, services) => {
        const prepared = prepareServices(services);
        const excluded = services[0]?.organisationId;
        const matches = matchServices({ ...request, excludeOrganisationIds: excluded ? [excluded] : [] }, prepared);
        for (let i = 1; i < matches.length; i += 1)
          expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
        for (const match of matches) {
          expect(match.needsMet.length).toBeGreaterThan(0);
          expect(match.organisationId).not.toBe(excluded);
          expect(match.reasons.length).toBeGreaterThan(2);
        }
        expect(
          matchServices({ ...request, excludeOrganisationIds: excluded ? [excluded] : [] }, [...prepared].reverse()),
        ).toEqual(matches);
      }),
    );
  });
});
