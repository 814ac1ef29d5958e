import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ForbiddenActionError, SignInRequiredError } from '@redress/web';

export const staffRoles = ['caseworker', 'senior-caseworker', 'team-leader', 'auditor', 'administrator'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** The signed-in staff member: the provider's tokens stay here, on the server, never in the browser. */
export interface SignedInStaff {
  staffId: string;
  name: string;
  roles: StaffRole[];
  team: string | null;
  accessToken: string;
  idToken: string;
  accessExpiresAt: number;
}

declare module 'fastify' {
  interface Session {
    staff?: SignedInStaff;
    /** Between sending the person to the provider and their return: PKCE verifier, state and nonce. */
    oidc?: { codeVerifier: string; state: string; nonce: string; returnTo: string };
  }
}

/** What each role may do in these pages (the API decides; the pages only hide what would be refused). */
export const can = {
  work: (roles: readonly StaffRole[]) => roles.some((role) => role !== 'administrator'),
  takeWork: (roles: readonly StaffRole[]) => roles.includes('caseworker') || roles.includes('senior-caseworker'),
  casework: (roles: readonly StaffRole[]) => roles.includes('caseworker') || roles.includes('senior-caseworker'),
  approve: (roles: readonly StaffRole[]) => roles.includes('senior-caseworker'),
  reports: (roles: readonly StaffRole[]) => roles.includes('team-leader') || roles.includes('auditor'),
  administer: (roles: readonly StaffRole[]) => roles.includes('administrator'),
};

export function permissionsOf(roles: readonly StaffRole[]): Record<keyof typeof can, boolean> {
  return Object.fromEntries(Object.entries(can).map(([name, test]) => [name, test(roles)])) as Record<
    keyof typeof can,
    boolean
  >;
}

@Injectable()
export class StaffSession {
  current(request: FastifyRequest): SignedInStaff | undefined {
    const staff = request.session.staff;
    return staff && staff.accessExpiresAt > Date.now() ? staff : undefined;
  }

  /** The signed-in staff member; a page that needs one sends a signed-out person (or an expired token) to sign in. */
  require(request: FastifyRequest, permission?: keyof typeof can): SignedInStaff {
    const staff = this.current(request);
    if (!staff) throw new SignInRequiredError();
    if (permission && !can[permission](staff.roles)) throw new ForbiddenActionError();
    return staff;
  }

  /** Headers for an API call on the staff member's behalf. */
  headers(request: FastifyRequest): { authorization: string } {
    return { authorization: `Bearer ${this.require(request).accessToken}` };
  }

  /** Starts the signed-in session: a new session id (no fixation), the tokens kept server-side. */
  async signIn(request: FastifyRequest, staff: SignedInStaff): Promise<void> {
    await request.session.regenerate();
    request.session.staff = staff;
  }
}

/** A path of this service to go back to, or the default: never another site (no open redirect). */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])[A-Za-z0-9/_\-?=&.%]*$/.test(value) ? value : fallback;
}
