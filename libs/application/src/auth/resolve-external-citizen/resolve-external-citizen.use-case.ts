import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { CitizenAuthStore } from '../citizen-auth.ports.js';
import type { ResolveExternalCitizenCommand } from './resolve-external-citizen.command.js';

/**
 * Maps an external identity (issuer and subject together) to a citizen account, making the account the first time
 * it is seen. Each new sign-in at the provider (a later `auth_time` or token) is recorded once: `last_signed_in_at`
 * and a `citizen.signed-in` audit entry. The account is never linked to an existing one by email: the provider's
 * email claim is not proof that this person owns an account made here with a code.
 */
export class ResolveExternalCitizenUseCase {
  constructor(
    private readonly store: CitizenAuthStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: ResolveExternalCitizenCommand): Promise<{ citizenId: string }> {
    const now = this.clock.now();
    // A sign-in time in the future (clock skew) counts as now.
    const signedInAt = command.signedInAt > now ? now : command.signedInAt;
    return this.store.transaction(async (transaction) => {
      const { citizenId, created } = await transaction.ensureCitizenForExternalSubject(
        { issuer: command.issuer, subject: command.subject, adoptUnscoped: command.adoptUnscopedAccount },
        randomUUID(),
        now,
      );
      const audit = (action: string) =>
        transaction.audit({
          actorType: 'citizen',
          actorId: citizenId,
          action,
          targetType: 'citizen-account',
          targetId: citizenId,
          details: { method: 'oidc' },
          occurredAt: now,
        });
      if (created) await audit('citizen.account.created');
      if (await transaction.recordExternalSignIn(citizenId, signedInAt)) await audit('citizen.signed-in');
      return { citizenId };
    });
  }
}
