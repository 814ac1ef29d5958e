import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { STAFF_JWT_STRATEGY } from './staff-auth.constants.js';
import type { StaffPrincipal } from './staff-principal.js';

/**
 * Verifies a request's staff bearer token outside Nest's routing (a Fastify hook, such as the queue dashboard's)
 * with exactly what `StaffAuthGuard` runs: passport and the registered `StaffJwtStrategy` (pinned key or JWKS,
 * algorithm, issuer, audience, expiry, subject, known roles). Answers the principal, or `null` for a missing,
 * invalid or expired token. `StaffJwtStrategy` must have been instantiated (it registers itself with passport).
 */
export function verifyStaffRequest(request: FastifyRequest): Promise<StaffPrincipal | null> {
  return new Promise((resolve) => {
    const authenticate = passport.authenticate(
      STAFF_JWT_STRATEGY,
      { session: false },
      (error: unknown, user: StaffPrincipal | false | undefined) => resolve(error || !user ? null : user),
    ) as (request: unknown, response: unknown, next: (error?: unknown) => void) => void;
    authenticate(request, undefined, () => resolve(null));
  });
}
