import {
  applyDecorators,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IdentityProviderUnavailableError } from '@redress/platform';
import type { FastifyRequest } from 'fastify';
import { STAFF_JWT_STRATEGY } from './staff-auth.constants.js';
import type { StaffPrincipal, StaffRole } from './staff-principal.js';

export const STAFF_ROLES_KEY = 'redress:staff-roles';

/**
 * Lets a route through only with a valid staff token; anything else is a plain 401 that says nothing more, but
 * an identity provider that cannot be reached is a 503 with Retry-After (the token may well be good).
 */
@Injectable()
export class StaffAuthGuard extends AuthGuard(STAFF_JWT_STRATEGY) {
  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error instanceof IdentityProviderUnavailableError) throw error;
    if (error || !user) throw new UnauthorizedException('Sign in to continue.');
    return user;
  }
}

/**
 * Lets a route through only when the staff member holds one of the roles named by `@Roles(...)` on the route
 * or its controller. A route that names no roles is refused: access is never granted by omission.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(STAFF_ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: StaffPrincipal }>();
    const roles = request.user?.roles ?? [];
    if (!allowed?.length || !roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException('Your role does not allow this.');
    }
    return true;
  }
}

/** The roles that may use a route (any one of them suffices). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(STAFF_ROLES_KEY, roles);

/** A staff controller: bearer token required, then the roles of each route checked. */
export const StaffController = () =>
  applyDecorators(
    UseGuards(StaffAuthGuard, RolesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid staff token.' }),
    ApiForbiddenResponse({ description: 'The staff member’s role does not allow this.' }),
  );
