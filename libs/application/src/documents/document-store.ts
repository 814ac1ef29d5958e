import type { EvidenceType } from '@redress/domain';

export interface EvidenceDocumentView {
  readonly id: string;
  readonly fileName: string;
  readonly type: EvidenceType;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
}

export interface NewEvidenceDocument extends EvidenceDocumentView {
  readonly applicationId: string;
  readonly ownerCitizenId: string;
  readonly storageKey: string;
}

/** The records of evidence files (the files themselves are in DocumentStorage); file names stored encrypted. */
export abstract class EvidenceDocumentStore {
  /** Records the document and moves the draft's expiry on; `false` if the draft is no longer a draft. */
  abstract insert(document: NewEvidenceDocument, draftExpiresAt: Date): Promise<boolean>;
  abstract listForApplication(applicationId: string): Promise<EvidenceDocumentView[]>;
  /** Deletes the record; answers its storage key, or `null` if there was none. */
  abstract delete(applicationId: string, documentId: string): Promise<string | null>;
  abstract storageKeysOf(applicationId: string): Promise<string[]>;
}

export const documentStorageKey = (applicationId: string, documentId: string): string =>
  `applications/${applicationId}/${documentId}`;
