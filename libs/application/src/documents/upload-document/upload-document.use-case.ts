import { createHash, randomUUID } from 'node:crypto';
import {
  detectEvidenceType,
  DomainError,
  DomainErrorKind,
  draftExpiresAt,
  evidenceTypes,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
} from '@redress/domain';
import { ApplicationStore } from '../../applications/application-store.js';
import { applicationNotFound } from '../../applications/application-view.js';
import { Clock } from '../../ports/clock.js';
import { MalwareScanner } from '../../ports/malware-scanner.js';
import { DocumentStorage } from '../../ports/storage.js';
import { documentStorageKey, EvidenceDocumentStore, type EvidenceDocumentView } from '../document-store.js';
import type { UploadDocumentCommand } from './upload-document.command.js';

export function notADraft(): DomainError {
  return new DomainError(
    'application.not-draft',
    DomainErrorKind.Conflict,
    'This application has been sent: send evidence in answer to an information request instead.',
  );
}

/**
 * Adds an evidence file to a draft. The type is read from the content (PDF, JPEG, PNG, HEIC or DOCX), the size
 * is at most 20 MB; the file is scanned for malware (refused and not kept when infected; 503 when no verdict);
 * then it goes to storage first and its record second, so a record never points at nothing.
 */
export class UploadDocument {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly documents: EvidenceDocumentStore,
    private readonly storage: DocumentStorage,
    private readonly scanner: MalwareScanner,
    private readonly clock: Clock,
  ) {}

  /**
   * The checks that need no file: the draft is the citizen's, still a draft, and has room for another file. The
   * API runs them before it reads the request body, so nobody can make it take in 20 MB it would then refuse.
   */
  async checkBeforeBody(command: { citizenId: string; applicationId: string }): Promise<void> {
    await this.draftWithRoom(command, this.clock.now());
  }

  private async draftWithRoom(command: { citizenId: string; applicationId: string }, now: Date) {
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, now);
    if (!application) throw applicationNotFound();
    if (application.status !== 'draft') throw notADraft();
    const existing = await this.documents.listForApplication(application.id);
    if (existing.length >= MAX_EVIDENCE_FILES) {
      throw new DomainError(
        'document.too-many',
        DomainErrorKind.Unprocessable,
        `An application can have at most ${MAX_EVIDENCE_FILES} files.`,
      );
    }
    return application;
  }

  async execute(command: UploadDocumentCommand): Promise<EvidenceDocumentView> {
    const now = this.clock.now();
    const application = await this.draftWithRoom(command, now);
    if (command.content.length === 0 || command.content.length > MAX_EVIDENCE_BYTES) {
      throw new DomainError('document.size', DomainErrorKind.InvalidInput, 'A file must be between 1 byte and 20 MB.');
    }
    const type = detectEvidenceType(command.content);
    if (!type) {
      throw new DomainError(
        'document.unsupported-type',
        DomainErrorKind.Unprocessable,
        'Send a PDF, a photo (JPEG, PNG or HEIC) or a Word document (DOCX).',
      );
    }
    // Scanned before anything is kept: an infected file is refused and never stored, so there is nothing to erase.
    const scan = await this.scanner.scan(command.content);
    if (scan.verdict === 'infected') {
      throw new DomainError(
        'document.infected',
        DomainErrorKind.Unprocessable,
        'This file may contain a virus, so we did not keep it. Send a copy from another device, or a photo of the document.',
      );
    }
    const id = randomUUID();
    const storageKey = documentStorageKey(application.id, id);
    const view: EvidenceDocumentView = {
      id,
      fileName: command.fileName.slice(0, 255) || 'evidence',
      type,
      contentType: evidenceTypes[type],
      sizeBytes: command.content.length,
      sha256: createHash('sha256').update(command.content).digest('hex'),
      uploadedAt: now,
    };
    await this.storage.put(storageKey, command.content, view.contentType);
    let recorded = false;
    try {
      recorded = await this.documents.insert(
        { ...view, applicationId: application.id, ownerCitizenId: command.citizenId, storageKey },
        draftExpiresAt(now),
      );
    } finally {
      if (!recorded) await this.storage.delete(storageKey);
    }
    if (!recorded) throw notADraft();
    return view;
  }
}
