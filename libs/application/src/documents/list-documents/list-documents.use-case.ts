import { ApplicationStore } from '../../applications/application-store.js';
import { applicationNotFound } from '../../applications/application-view.js';
import { Clock } from '../../ports/clock.js';
import { EvidenceDocumentStore, type EvidenceDocumentView } from '../document-store.js';
import type { ListDocumentsCommand } from './list-documents.command.js';

/** The evidence files on one of the citizen's applications. */
export class ListDocuments {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly documents: EvidenceDocumentStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: ListDocumentsCommand): Promise<EvidenceDocumentView[]> {
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, this.clock.now());
    if (!application) throw applicationNotFound();
    return this.documents.listForApplication(application.id);
  }
}
