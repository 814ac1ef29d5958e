import { DomainError } from '@redress/domain';
import { decodeAccessHistoryCursor, encodeAccessHistoryCursor } from './access-history-cursor.js';
import { AccessHistoryQueries, type AccessHistoryPosition, type AccessReadGroup } from './access-history-queries.js';
import { describeReader, ListMyAccessHistory } from './list-my-access-history.use-case.js';

const group = (n: number): AccessReadGroup => ({
  position: {
    hour: new Date(Date.UTC(2026, 0, 1, 23 - n)),
    firstSequence: 100 - n,
    targetId: '00000000-0000-4000-8000-000000000001',
  },
  target: { type: 'claim', claimId: '00000000-0000-4000-8000-000000000001', claimReference: '26-000001-1' },
  reader: { kind: 'staff', role: 'caseworker', team: 'general' },
  purpose: 'casework',
  views: ['claim'],
  count: 1,
  firstAt: new Date(Date.UTC(2026, 0, 1, 23 - n, 5)),
  lastAt: new Date(Date.UTC(2026, 0, 1, 23 - n, 5)),
});

class FixedQueries extends AccessHistoryQueries {
  calls: Array<{ after: AccessHistoryPosition | null; limit: number }> = [];
  constructor(private readonly groups: AccessReadGroup[]) {
    super();
  }
  page(_citizenId: string, options: { after: AccessHistoryPosition | null; limit: number }) {
    this.calls.push(options);
    const start = options.after
      ? this.groups.findIndex((g) => g.position.firstSequence === options.after!.firstSequence) + 1
      : 0;
    return Promise.resolve(this.groups.slice(start, start + options.limit));
  }
}

describe('ListMyAccessHistory', () => {
  it('pages by cursor, asking for one more than the page to know whether another follows', async () => {
    const queries = new FixedQueries([0, 1, 2, 3, 4].map(group));
    const useCase = new ListMyAccessHistory(queries);
    const first = await useCase.execute({ citizenId: 'c', limit: 2 });
    expect(first.entries.map((entry) => entry.at.getUTCHours())).toEqual([23, 22]);
    expect(queries.calls[0]).toEqual({ after: null, limit: 3 });
    const second = await useCase.execute({ citizenId: 'c', limit: 2, cursor: first.nextCursor! });
    expect(second.entries.map((entry) => entry.at.getUTCHours())).toEqual([21, 20]);
    const third = await useCase.execute({ citizenId: 'c', limit: 2, cursor: second.nextCursor! });
    expect(third.entries.map((entry) => entry.at.getUTCHours())).toEqual([19]);
    expect(third.nextCursor).toBeNull();
  });

  it('describes readers in role terms only', async () => {
    const page = await new ListMyAccessHistory(new FixedQueries([group(0)])).execute({ citizenId: 'c' });
    expect(page.entries[0]).toMatchObject({
      who: { kind: 'staff', role: 'caseworker', team: 'general', description: 'a caseworker in team general' },
      purposeDescription: 'to work on your claim',
      viewed: { type: 'claim', claimReference: '26-000001-1', views: ['claim'] },
    });
    expect(JSON.stringify(page)).not.toContain('claimId');
    expect(describeReader({ kind: 'staff', role: 'auditor', team: null })).toBe('an auditor');
    expect(describeReader({ kind: 'staff', role: 'senior-caseworker', team: 'north' })).toBe(
      'a senior caseworker in team north',
    );
    expect(describeReader({ kind: 'support-organisation', organisationId: 'o', organisationName: null })).toBe(
      'a support organisation',
    );
  });

  it('round-trips its cursor and refuses any other', () => {
    const position = group(3).position;
    expect(decodeAccessHistoryCursor(encodeAccessHistoryCursor(position))).toEqual(position);
    for (const bad of ['', 'e30', Buffer.from('["x",1,"y"]').toString('base64url'), '%%%']) {
      expect(() => decodeAccessHistoryCursor(bad)).toThrow(DomainError);
    }
  });
});
