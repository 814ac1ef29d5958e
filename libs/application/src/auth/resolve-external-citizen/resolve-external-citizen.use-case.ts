import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { CitizenAuthStore } from '../citizen-auth.ports.js';
import type { ResolveExternalCitizenCommand } from './resolve-external-citizen.command.js';

/**
 * Maps an external subject to a citizen account, making the account the first time the subject is seen.
 * The account is never linked to an existing one by email: the provider's email claim is not proof that
 * this person owns an account made here with a code.
 */
export class ResolveExternalCitizenUseCase {
  constructor(
    private readonly store: CitizenAuthStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: ResolveExternalCitizenCommand): Promise<{ citizenId: string }> {
    const now = this.clock.now();
    return this.store.transaction(async (transaction) => {
      const { citizenId, created } = await transaction.ensureCitizenForExternalSubject(
        command.subject,
        randomUUID(),
        now,
      );
      if (created) {
        await transaction.audit({
          actorType: 'citizen',
          actorId: citizenId,
          action: 'citizen.account.created',
          targetType: 'citizen-account',
          targetId: citizenId,
          details: { method: 'oidc' },
          occurredAt: now,
        });
      }
      return { citizenId };
    });
  }
}
