import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The staff roles of the caseworker API, as they appear in the identity provider's `roles` claim. */
export const staffRoles = ['caseworker', 'senior-caseworker', 'team-leader', 'auditor', 'administrator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value);
}

/** Who is calling: the token's subject, the roles this API knows (others are ignored) and the team. */
export interface StaffPrincipal {
  readonly staffId: string;
  readonly roles: readonly StaffRole[];
  readonly team: string | null;
}

/** The signed-in staff member, as the StaffAuthGuard left it on the request. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: StaffPrincipal }>();
  if (!request.user) throw new Error('CurrentStaff used on a route without StaffAuthGuard');
  return request.user;
});
