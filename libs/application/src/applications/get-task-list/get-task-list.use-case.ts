import { Clock } from '../../ports/clock.js';
import { ApplicationStore } from '../application-store.js';
import { applicationNotFound, toApplicationView } from '../application-view.js';
import type { GetTaskListCommand } from './get-task-list.command.js';
import type { Task } from '@redress/domain';

export interface TaskListView {
  readonly applicationId: string;
  readonly version: number;
  readonly expiresAt: Date | null;
  readonly tasks: readonly Task[];
  /** Every applicable section is complete: the application can be sent. */
  readonly readyToSubmit: boolean;
}

/** Each section's status: not-started, in-progress (with what it still needs), complete or not-applicable. */
export class GetTaskList {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetTaskListCommand): Promise<TaskListView> {
    const now = this.clock.now();
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, now);
    if (!application) throw applicationNotFound();
    const view = toApplicationView(application, now);
    return {
      applicationId: view.id,
      version: view.version,
      expiresAt: view.expiresAt,
      tasks: view.tasks,
      readyToSubmit: view.tasks.every((task) => task.status === 'complete' || task.status === 'not-applicable'),
    };
  }
}
