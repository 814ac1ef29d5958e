import { DomainError, DomainErrorKind, type ClaimActor } from '@redress/domain';

/** The staff roles the caseworker API knows (the identity provider's `roles` claim). */
export type StaffRoleName = 'caseworker' | 'senior-caseworker' | 'team-leader' | 'auditor' | 'administrator';

/** A signed-in staff member, as every staff command carries it. */
export interface StaffActor {
  readonly staffId: string;
  readonly roles: readonly StaffRoleName[];
  readonly team: string | null;
}

/** Why a staff member opened a claim: recorded with every read (UK GDPR art. 5(2) accountability). */
export const accessPurposes = [
  'casework',
  'approval',
  'review',
  'quality-check',
  'audit',
  'complaint',
  'subject-access',
] as const;
export type AccessPurpose = (typeof accessPurposes)[number];

export function hasRole(actor: StaffActor, ...roles: StaffRoleName[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** How the claim aggregate sees a staff member: a senior caseworker acts as one; anyone else as a caseworker. */
export function claimActorOf(actor: StaffActor): ClaimActor {
  return { kind: hasRole(actor, 'senior-caseworker') ? 'senior-caseworker' : 'caseworker', id: actor.staffId };
}

export function staffClaimNotFound(): DomainError {
  return new DomainError('claim.not-found', DomainErrorKind.NotFound, 'There is no such claim.');
}

export function staleClaim(current: number): DomainError {
  return new DomainError(
    'claim.stale-version',
    DomainErrorKind.PreconditionFailed,
    `The claim has changed since you loaded it (it is now at version ${current}); reload it and try again.`,
  );
}

export function forbidden(code: string, message: string): DomainError {
  return new DomainError(code, DomainErrorKind.Forbidden, message);
}
