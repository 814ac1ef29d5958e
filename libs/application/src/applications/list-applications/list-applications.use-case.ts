import { Clock } from '../../ports/clock.js';
import { ApplicationStore, type ApplicationSummary } from '../application-store.js';
import type { ListApplicationsCommand } from './list-applications.command.js';

/** The citizen's applications, newest change first: drafts not yet expired, and those already submitted. */
export class ListApplications {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: ListApplicationsCommand): Promise<ApplicationSummary[]> {
    return this.applications.listOwned(command.citizenId, this.clock.now());
  }
}
