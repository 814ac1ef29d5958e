import { DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { DocumentStorage } from '../../ports/storage.js';
import { AccessLog } from '../../staff/casework-store.js';
import { CaseFileStore } from '../../staff/case-file.js';
import { readStaffClaim, type StaffClaimRead } from '../../staff/read-staff-claim.js';
import type { EvidenceDocumentView } from '../document-store.js';

/** An evidence file of a claim as staff see it: every file is sent by the applicant, some in answer to a request. */
export interface StaffEvidenceDocument extends EvidenceDocumentView {
  readonly sentBy: 'applicant';
  readonly informationRequestId: string | null;
}

/** The evidence of a claim (its application's documents) as staff read it. */
export abstract class StaffDocumentQueries {
  abstract list(applicationId: string): Promise<StaffEvidenceDocument[]>;
  abstract document(
    applicationId: string,
    documentId: string,
  ): Promise<{ storageKey: string; contentType: string; fileName: string } | null>;
}

/** The evidence sent on a claim, oldest first; the read is in the access log. */
export class ListClaimDocumentsForStaff {
  constructor(
    private readonly store: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly documents: StaffDocumentQueries,
    private readonly clock: Clock,
  ) {}

  async execute(read: StaffClaimRead): Promise<StaffEvidenceDocument[]> {
    const record = await readStaffClaim(
      { store: this.store, accessLog: this.accessLog, clock: this.clock },
      read,
      'documents',
    );
    return this.documents.list(record.snapshot.applicationId);
  }
}

/** One evidence file's content, with its type and name; the read is in the access log. */
export class GetClaimDocumentForStaff {
  constructor(
    private readonly store: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly documents: StaffDocumentQueries,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async execute(
    read: StaffClaimRead & { documentId: string },
  ): Promise<{ content: Buffer; contentType: string; fileName: string }> {
    const record = await readStaffClaim(
      { store: this.store, accessLog: this.accessLog, clock: this.clock },
      read,
      'document',
    );
    const document = await this.documents.document(record.snapshot.applicationId, read.documentId);
    if (!document) {
      throw new DomainError('document.not-found', DomainErrorKind.NotFound, 'There is no such document on this claim.');
    }
    return {
      content: await this.storage.get(document.storageKey),
      contentType: document.contentType,
      fileName: document.fileName,
    };
  }
}
