import { randomUUID } from 'node:crypto';
import { DomainError, DomainErrorKind, draftExpiresAt } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ApplicationStore } from '../application-store.js';
import { toApplicationView, type ApplicationView } from '../application-view.js';
import type { CreateApplicationCommand } from './create-application.command.js';

/** Limits per citizen (the citizen API's configuration). */
export class CitizenLimits {
  /** Drafts a citizen may have open at once: enough for themselves and those they apply for. */
  maxOpenDrafts = 5;
}

/** Starts an empty draft for the signed-in citizen, unless they already have the most open drafts allowed. */
export class CreateApplication {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly limits: CitizenLimits,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateApplicationCommand): Promise<ApplicationView> {
    const now = this.clock.now();
    const open = (await this.applications.listOwned(command.citizenId, now)).filter((a) => a.status === 'draft');
    if (open.length >= this.limits.maxOpenDrafts) {
      throw new DomainError(
        'application.too-many-drafts',
        DomainErrorKind.Unprocessable,
        `You already have ${open.length} applications started. Finish or delete one before starting another.`,
      );
    }
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
