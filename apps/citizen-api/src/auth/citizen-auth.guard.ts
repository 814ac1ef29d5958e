import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { IdentityProviderUnavailableError } from '@redress/platform';

/**
 * Lets a route through only with a valid citizen access token; anything else is a plain 401, except an identity
 * provider that cannot be reached: 503 with Retry-After.
 */
@Injectable()
export class CitizenAuthGuard extends AuthGuard('citizen-jwt') {
  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error instanceof IdentityProviderUnavailableError) throw error;
    if (error || !user) throw new UnauthorizedException('Sign in to continue.');
    return user;
  }
}
