import 'reflect-metadata';
import {
  CaseworkUnitOfWork,
  ClaimSearchIndex,
  FixedClock,
  SearchClaims,
  type AuditRecord,
  type CaseworkTransaction,
  type SearchCriteria,
  type SearchHit,
  type SearchQuery,
  type StaffActor,
} from '@redress/application';
import { DomainError } from '@redress/domain';

class RecordingIndex extends ClaimSearchIndex {
  queries: SearchQuery[] = [];
  constructor(private readonly hits: SearchHit[] = []) {
    super();
  }
  catchUp(): Promise<number> {
    return Promise.resolve(0);
  }
  search(query: SearchQuery): Promise<SearchHit[]> {
    this.queries.push(query);
    return Promise.resolve(this.hits);
  }
}

class RecordingUnitOfWork extends CaseworkUnitOfWork {
  audits: AuditRecord[] = [];
  run<T>(work: (transaction: CaseworkTransaction) => Promise<T>): Promise<T> {
    return work({
      audit: (entry: AuditRecord) => {
        this.audits.push(entry);
        return Promise.resolve();
      },
    } as unknown as CaseworkTransaction);
  }
}

const actor: StaffActor = { staffId: 'cw-1', roles: ['caseworker'], team: 'general' };
const hit = (reference: string, nameMatch: 'exact' | 'close'): SearchHit => ({
  reference,
  status: 'submitted',
  team: 'general',
  submittedAt: null,
  assignedStaffId: null,
  nameMatch,
});

function searching(hits: SearchHit[] = []) {
  const index = new RecordingIndex(hits);
  const unitOfWork = new RecordingUnitOfWork();
  const useCase = new SearchClaims(index, unitOfWork, new FixedClock(new Date('2026-11-27T12:00:00Z')));
  return {
    index,
    unitOfWork,
    run: (criteria: SearchCriteria) => useCase.execute({ actor, criteria, limit: 20 }),
  };
}

describe('SearchClaims: close name matching', () => {
  it('sends each token of a close name with its deletion neighbourhood, and no exact name term', async () => {
    const { index, run } = searching();
    await run({ name: 'Jon Smyth', nameMatch: 'close', dateOfBirth: '1980-01-02' });
    expect(index.queries[0]).toMatchObject({
      terms: [{ field: 'dateOfBirth', value: '1980-01-02' }],
      closeName: {
        name: 'jon smyth',
        tokens: [
          { token: 'jon', variants: ['jon'] },
          { token: 'smyth', variants: ['smyth', 'myth', 'syth', 'smth', 'smyh', 'smyt'] },
        ],
      },
    });
  });

  it('keeps exact matching by default', async () => {
    const { index, run } = searching();
    await run({ name: 'Jon Smyth' });
    await run({ name: 'Jon Smyth', nameMatch: 'exact' });
    for (const query of index.queries) {
      expect(query).toMatchObject({ terms: [{ field: 'name', value: 'jon smyth' }], closeName: null });
    }
  });

  it.each([
    [{ nameMatch: 'close' as const }, 'nameMatch'],
    [{ nameMatch: 'close' as const, postcode: 'LS1 4AB' }, 'nameMatch'],
    [{ name: 'Smith', nameMatch: 'close' as const }, 'name'],
    [{ name: 'Smith smith', nameMatch: 'close' as const }, 'name'],
    [{ name: 'a b c d e f g h i', nameMatch: 'close' as const }, 'name'],
  ])('refuses %j as invalid input naming %s, and searches nothing', async (criteria, field) => {
    const { index, unitOfWork, run } = searching();
    const error = await run(criteria).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'search.invalid', details: [expect.objectContaining({ field })] });
    expect(index.queries).toEqual([]);
    expect(unitOfWork.audits).toEqual([]);
  });

  it('audits that a close match was used, with counts and never the name', async () => {
    const { unitOfWork, run } = searching([hit('26-000001-6', 'exact'), hit('26-000002-4', 'close')]);
    await run({ name: 'Jonathon Smith', nameMatch: 'close', postcode: 'ls1 4ab' });
    expect(unitOfWork.audits).toEqual([
      expect.objectContaining({
        action: 'claim.search',
        details: {
          fields: ['name', 'postcode'],
          nameMatch: 'close',
          nameTokens: 2,
          closeHits: 1,
          hits: 2,
          roles: ['caseworker'],
        },
      }),
    ]);
    expect(JSON.stringify(unitOfWork.audits)).not.toMatch(/jonath|smith|ls1/i);
  });

  it('audits an exact name search as exact, and a search without a name without nameMatch', async () => {
    const { unitOfWork, run } = searching();
    await run({ name: 'Alex Morgan' });
    await run({ postcode: 'LS1 4AB' });
    expect(unitOfWork.audits.map((entry) => entry.details)).toEqual([
      { fields: ['name'], nameMatch: 'exact', hits: 0, roles: ['caseworker'] },
      { fields: ['postcode'], hits: 0, roles: ['caseworker'] },
    ]);
  });
});
