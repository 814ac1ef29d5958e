import { DomainError, DomainErrorKind } from '@redress/domain';
import { EvidenceDocumentStore } from '../../documents/document-store.js';
import { Clock } from '../../ports/clock.js';
import { DocumentStorage } from '../../ports/storage.js';
import { ApplicationStore } from '../application-store.js';
import { applicationNotFound } from '../application-view.js';
import { staleVersion } from '../save-section/save-section.use-case.js';
import type { DeleteApplicationCommand } from './delete-application.command.js';

/**
 * Erases a draft at the citizen's request: its answers, their whole history and its files go; the audit log
 * keeps only that a draft with this id was erased (ids, no content). A sent application is part of a claim
 * and follows the claim's retention instead.
 */
export class DeleteApplication {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly documents: EvidenceDocumentStore,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async execute(command: DeleteApplicationCommand): Promise<void> {
    const now = this.clock.now();
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, now);
    if (!application) throw applicationNotFound();
    if (application.status !== 'draft') {
      throw new DomainError(
        'application.not-draft',
        DomainErrorKind.Conflict,
        'This application has been sent: withdraw the claim instead.',
      );
    }
    if (command.ifMatchVersion !== null && command.ifMatchVersion !== application.version) throw staleVersion();
    const files = await this.documents.storageKeysOf(application.id);
    const erased = await this.applications.eraseOwnedDraft(application.id, command.citizenId, now, {
      requestedAt: now,
    });
    if (!erased) throw applicationNotFound();
    // The records went with the draft; now the files. A file left behind by a crash here has a key
    // (applications/<id>/...) with no record, which housekeeping can find and remove.
    await Promise.all(files.map((key) => this.storage.delete(key)));
  }
}
