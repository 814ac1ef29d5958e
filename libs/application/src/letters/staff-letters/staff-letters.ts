import { DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { DocumentStorage } from '../../ports/storage.js';
import { AccessLog } from '../../staff/casework-store.js';
import { CaseFileStore } from '../../staff/case-file.js';
import { readStaffClaim, type StaffClaimRead } from '../../staff/read-staff-claim.js';

export interface StaffLetter {
  readonly id: string;
  readonly kind: 'decision';
  readonly decisionId: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly pages: number;
  readonly createdAt: Date;
}

/** The letters of a claim as staff read them (the worker writes them; the citizen API reads its own). */
export abstract class StaffLetterQueries {
  abstract list(claimId: string): Promise<StaffLetter[]>;
  abstract letter(claimId: string, letterId: string): Promise<{ storageKey: string; contentType: string } | null>;
}

/** The letters sent on a claim, oldest first; the read is in the access log. */
export class ListClaimLettersForStaff {
  constructor(
    private readonly store: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly letters: StaffLetterQueries,
    private readonly clock: Clock,
  ) {}

  async execute(read: StaffClaimRead): Promise<StaffLetter[]> {
    const record = await readStaffClaim(
      { store: this.store, accessLog: this.accessLog, clock: this.clock },
      read,
      'letters',
    );
    return this.letters.list(record.snapshot.id);
  }
}

/** One letter's PDF, from the same storage the citizen API serves it from; the read is in the access log. */
export class GetClaimLetterForStaff {
  constructor(
    private readonly store: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly letters: StaffLetterQueries,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async execute(read: StaffClaimRead & { letterId: string }): Promise<{ content: Buffer; contentType: string }> {
    const record = await readStaffClaim(
      { store: this.store, accessLog: this.accessLog, clock: this.clock },
      read,
      'letter',
    );
    const letter = await this.letters.letter(record.snapshot.id, read.letterId);
    if (!letter) throw new DomainError('letter.not-found', DomainErrorKind.NotFound, 'There is no such letter.');
    return { content: await this.storage.get(letter.storageKey), contentType: letter.contentType };
  }
}
