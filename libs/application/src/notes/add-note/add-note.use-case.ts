import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import type { AddNoteCommand } from './add-note.command.js';

export abstract class NoteStore {
  abstract insert(
    tx: CaseworkTransaction,
    note: { id: string; claimId: string; author: string; body: string; at: Date },
  ): Promise<void>;
}

/**
 * A caseworker's note on the claim (encrypted: notes often hold health details). The write is conditional on the
 * claim version the caseworker saw, so two people editing the same claim never overwrite each other unseen.
 */
export class AddNote {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: NoteStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddNoteCommand): Promise<{ id: string; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'note' },
      async (tx, record) => {
        const at = this.clock.now();
        const id = randomUUID();
        await this.store.insert(tx, {
          id,
          claimId: record.snapshot.id,
          author: command.actor.staffId,
          body: command.body,
          at,
        });
        const version = await tx.touchClaim(record.snapshot.id, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.note-added',
          targetType: 'claim',
          targetId: record.snapshot.id,
          details: { reference: command.reference, noteId: id },
          occurredAt: at,
        });
        return { id, version };
      },
    );
  }
}
