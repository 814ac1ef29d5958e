import {
  createParamDecorator,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { AuthenticatePartner, type PartnerPrincipal } from '@redress/application';
import type { FastifyRequest } from 'fastify';

type PartnerRequest = FastifyRequest & { partner?: PartnerPrincipal };

/** The API key a partner sent: `Authorization: Bearer <key id>.<secret>` or `X-Api-Key: <key id>.<secret>`. */
function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : null;
}

/** Lets a partner route through only with a live API credential; every call is then scoped to its organisation. */
@Injectable()
export class PartnerAuthGuard implements CanActivate {
  constructor(private readonly authenticate: AuthenticatePartner) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PartnerRequest>();
    const key = presentedKey(request);
    const partner = key ? await this.authenticate.execute({ apiKey: key }) : null;
    if (!partner) throw new UnauthorizedException('A valid partner API key is required.');
    request.partner = partner;
    return true;
  }
}

/** The calling partner organisation, as the PartnerAuthGuard left it on the request. */
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): PartnerPrincipal => {
  const request = context.switchToHttp().getRequest<PartnerRequest>();
  if (!request.partner) throw new Error('CurrentPartner used on a route without PartnerAuthGuard');
  return request.partner;
});
