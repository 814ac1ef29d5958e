import {
  createParamDecorator,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { AuthenticatePartner, AuthenticatePartnerUser, type PartnerPrincipal } from '@redress/application';
import type { FastifyRequest } from 'fastify';

type PartnerRequest = FastifyRequest & { partner?: PartnerPrincipal };

/** The API key a partner sent: `Authorization: Bearer <key id>.<secret>` or `X-Api-Key: <key id>.<secret>`. */
function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : null;
}

/**
 * Lets a partner route through only with a live API credential or a partner user's access token (`rpu_...`, from
 * the portal's sign-in); every call is then scoped to that organisation.
 */
@Injectable()
export class PartnerAuthGuard implements CanActivate {
  constructor(
    private readonly authenticate: AuthenticatePartner,
    private readonly authenticateUser: AuthenticatePartnerUser,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PartnerRequest>();
    const key = presentedKey(request);
    const partner = !key
      ? null
      : key.startsWith('rpu_')
        ? await this.authenticateUser.execute({ accessToken: key })
        : await this.authenticate.execute({ apiKey: key });
    if (!partner) throw new UnauthorizedException('A valid partner API key is required.');
    request.partner = partner;
    return true;
  }
}

/** Lets the route through only for a signed-in partner user who is an administrator of their organisation. */
@Injectable()
export class PartnerAdministratorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<PartnerRequest>();
    if (request.partner?.user?.role !== 'administrator') {
      throw new ForbiddenException('Only an administrator of the organisation can do this.');
    }
    return true;
  }
}

/** Lets the route through only for a signed-in partner user (not an API key). */
@Injectable()
export class PartnerUserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<PartnerRequest>();
    if (!request.partner?.user) throw new ForbiddenException('Sign in to the portal as a person to do this.');
    return true;
  }
}

/** The calling partner organisation, as the PartnerAuthGuard left it on the request. */
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): PartnerPrincipal => {
  const request = context.switchToHttp().getRequest<PartnerRequest>();
  if (!request.partner) throw new Error('CurrentPartner used on a route without PartnerAuthGuard');
  return request.partner;
});
