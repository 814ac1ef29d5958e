import type { StaffRole } from '../../caseworker-api/src/auth/staff-principal.js';

/** A development staff member: who they are, the roles the caseworker API knows, and their team. */
export interface DevelopmentUser {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  readonly team: string;
}

/** The people on the provider's sign-in page: one per role, each in a team. */
export const developmentUsers: readonly DevelopmentUser[] = [
  { sub: 'dev-caseworker', name: 'Casey Walker', roles: ['caseworker'], team: 'general' },
  { sub: 'dev-senior-caseworker', name: 'Sam Senior', roles: ['senior-caseworker'], team: 'general' },
  { sub: 'dev-team-leader', name: 'Taylor Lead', roles: ['team-leader'], team: 'general' },
  { sub: 'dev-auditor', name: 'Alex Audit', roles: ['auditor'], team: 'general' },
  { sub: 'dev-administrator', name: 'Ari Admin', roles: ['administrator'], team: 'general' },
  { sub: 'dev-caseworker-2', name: 'Chris Second', roles: ['caseworker'], team: 'general' },
  { sub: 'dev-senior-caseworker-2', name: 'Sasha Second', roles: ['senior-caseworker'], team: 'general' },
];

export function findDevelopmentUser(sub: string): DevelopmentUser | undefined {
  return developmentUsers.find((user) => user.sub === sub);
}
