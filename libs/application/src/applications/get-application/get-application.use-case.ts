import { Clock } from '../../ports/clock.js';
import { ApplicationStore } from '../application-store.js';
import { applicationNotFound, toApplicationView, type ApplicationView } from '../application-view.js';
import type { GetApplicationCommand } from './get-application.command.js';

/** One of the citizen's applications with its answers and task list. */
export class GetApplication {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetApplicationCommand): Promise<ApplicationView> {
    const now = this.clock.now();
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, now);
    if (!application) throw applicationNotFound();
    return toApplicationView(application, now);
  }
}
