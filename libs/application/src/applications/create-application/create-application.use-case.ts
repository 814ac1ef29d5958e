import { randomUUID } from 'node:crypto';
import { draftExpiresAt } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ApplicationStore } from '../application-store.js';
import { toApplicationView, type ApplicationView } from '../application-view.js';
import type { CreateApplicationCommand } from './create-application.command.js';

/** Starts an empty draft for the signed-in citizen. */
export class CreateApplication {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateApplicationCommand): Promise<ApplicationView> {
    const now = this.clock.now();
    const id = randomUUID();
    await this.applications.create({ id, ownerCitizenId: command.citizenId, at: now, expiresAt: draftExpiresAt(now) });
    return toApplicationView(
      {
        id,
        ownerCitizenId: command.citizenId,
        status: 'draft',
        version: 1,
        createdAt: now,
        updatedAt: now,
        expiresAt: draftExpiresAt(now),
        submittedAt: null,
        claimReference: null,
        sections: {},
      },
      now,
    );
  }
}
