import type { IsoDate } from '@redress/domain';

export interface ClaimCrimeReport {
  readonly alreadyChecked: boolean;
  /** From the application's crime section; null when the victim gave none. */
  readonly crimeReference: string | null;
  readonly policeForce: string | null;
  readonly reportedOn: IsoDate | null;
}

export type CrimeReferenceOutcome = 'confirmed' | 'report-date-differs' | 'not-found';

export abstract class CrimeReferenceChecks {
  /** `null` when the claim does not exist. */
  abstract findReport(claimId: string): Promise<ClaimCrimeReport | null>;
  /** Stores the police's answer once (a second answer for the same claim is ignored). */
  abstract record(
    claimId: string,
    answer: { outcome: CrimeReferenceOutcome; policeForce: string | null; reportedOnByPolice: IsoDate | null },
    at: Date,
  ): Promise<void>;
}
