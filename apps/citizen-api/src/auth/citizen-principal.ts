import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is calling: the citizen's account id (the `sub` of a local token, or the account linked to an OIDC subject). */
export interface CitizenPrincipal {
  citizenId: string;
}

/** The signed-in citizen, as the CitizenAuthGuard left it on the request. */
export const CurrentCitizen = createParamDecorator((_data: unknown, context: ExecutionContext): CitizenPrincipal => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: CitizenPrincipal }>();
  if (!request.user) throw new Error('CurrentCitizen used on a route without CitizenAuthGuard');
  return request.user;
});
