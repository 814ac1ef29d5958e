import 'reflect-metadata';
import {
  CrimeReferenceChecks,
  FixedClock,
  PoliceCrimeReferences,
  PoliceServiceUnavailableError,
  VerifyCrimeReference,
  type ClaimCrimeReport,
  type CrimeReferenceAnswer,
} from '@redress/application';

class FakeChecks extends CrimeReferenceChecks {
  recorded: Array<{ claimId: string; outcome: string }> = [];
  constructor(private readonly report: ClaimCrimeReport | null) {
    super();
  }
  async findReport() {
    return this.report
      ? { ...this.report, alreadyChecked: this.report.alreadyChecked || this.recorded.length > 0 }
      : null;
  }
  async record(claimId: string, answer: { outcome: string }) {
    this.recorded.push({ claimId, outcome: answer.outcome });
  }
}

class FakePolice extends PoliceCrimeReferences {
  calls = 0;
  constructor(private readonly answer: CrimeReferenceAnswer | Error) {
    super();
  }
  async lookUp() {
    this.calls += 1;
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

const report: ClaimCrimeReport = {
  alreadyChecked: false,
  crimeReference: 'CRIS-1/26',
  policeForce: 'metropolitan',
  reportedOn: '2026-03-14',
};
const clock = new FixedClock(new Date('2026-11-27T10:00:00Z'));

describe('VerifyCrimeReference', () => {
  it.each([
    [{ found: true, policeForce: 'metropolitan', reportedOn: '2026-03-14' }, 'confirmed'],
    [{ found: true, policeForce: 'metropolitan', reportedOn: '2026-03-20' }, 'report-date-differs'],
    [{ found: false }, 'not-found'],
  ] as const)('records the police answer %j as %s, once', async (answer, outcome) => {
    const checks = new FakeChecks(report);
    const police = new FakePolice(answer);
    const useCase = new VerifyCrimeReference(checks, police, clock);
    expect(await useCase.execute({ claimId: 'c1' })).toBe(outcome);
    expect(await useCase.execute({ claimId: 'c1' })).toBe('already-checked');
    expect(police.calls).toBe(1);
    expect(checks.recorded).toEqual([{ claimId: 'c1', outcome }]);
  });

  it('lets an unavailable police service fail the job (to be retried), recording nothing', async () => {
    const checks = new FakeChecks(report);
    const useCase = new VerifyCrimeReference(
      checks,
      new FakePolice(new PoliceServiceUnavailableError('503', 503)),
      clock,
    );
    await expect(useCase.execute({ claimId: 'c1' })).rejects.toThrow(PoliceServiceUnavailableError);
    expect(checks.recorded).toEqual([]);
  });

  it('asks nothing when there is no reference or no claim', async () => {
    const police = new FakePolice({ found: false });
    expect(
      await new VerifyCrimeReference(new FakeChecks({ ...report, crimeReference: null }), police, clock).execute({
        claimId: 'c1',
      }),
    ).toBe('no-reference');
    expect(await new VerifyCrimeReference(new FakeChecks(null), police, clock).execute({ claimId: 'c1' })).toBe(
      'claim-not-found',
    );
    expect(police.calls).toBe(0);
  });
});
