import { DomainError, DomainErrorKind } from '@redress/domain';
import { ApplicationStore } from '../../applications/application-store.js';
import { applicationNotFound } from '../../applications/application-view.js';
import { Clock } from '../../ports/clock.js';
import { DocumentStorage } from '../../ports/storage.js';
import { EvidenceDocumentStore } from '../document-store.js';
import { notADraft } from '../upload-document/upload-document.use-case.js';
import type { DeleteDocumentCommand } from './delete-document.command.js';

/** Removes an evidence file from a draft: its record, then the file. */
export class DeleteDocument {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly documents: EvidenceDocumentStore,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async execute(command: DeleteDocumentCommand): Promise<void> {
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, this.clock.now());
    if (!application) throw applicationNotFound();
    if (application.status !== 'draft') throw notADraft();
    const key = await this.documents.delete(application.id, command.documentId);
    if (!key) throw new DomainError('document.not-found', DomainErrorKind.NotFound, 'There is no such file.');
    await this.storage.delete(key);
  }
}
