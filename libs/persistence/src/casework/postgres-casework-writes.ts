import {
  InformationRequestStore,
  NoteStore,
  type CaseworkTransaction,
  type InformationRecipient,
} from '@redress/application';
import type { CaseworkCipher } from './casework-ports.js';
import { managerOf } from './casework-ports.js';
import { caseworkContext } from './postgres-case-file-store.js';

export class PostgresInformationRequestStore extends InformationRequestStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async insert(
    tx: CaseworkTransaction,
    request: {
      id: string;
      claimId: string;
      recipient: InformationRecipient;
      topic: string;
      question: string;
      requestedBy: string;
      requestedAt: Date;
      dueOn: string;
      workingDays: number;
    },
  ): Promise<void> {
    // The service-level pause (applicant requests only) is opened by the information_request trigger.
    await managerOf(tx.handle).query(
      `INSERT INTO information_request (id, claim_id, topic, question_encrypted, requested_by_staff_id, requested_at, due_on,
         recipient, working_days) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        request.id,
        request.claimId,
        request.topic,
        this.cipher.encrypt(request.question, caseworkContext.question(request.id)),
        request.requestedBy,
        request.requestedAt,
        request.dueOn,
        request.recipient,
        request.workingDays,
      ],
    );
  }
}

export class PostgresNoteStore extends NoteStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async insert(
    tx: CaseworkTransaction,
    note: { id: string; claimId: string; author: string; body: string; at: Date },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO claim_note (id, claim_id, author_staff_id, body_encrypted, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [note.id, note.claimId, note.author, this.cipher.encrypt(note.body, caseworkContext.note(note.id)), note.at],
    );
  }
}
