import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** Lets a route through only with a valid citizen access token; anything else is a plain 401. */
@Injectable()
export class CitizenAuthGuard extends AuthGuard('citizen-jwt') {
  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error || !user) throw new UnauthorizedException('Sign in to continue.');
    return user;
  }
}
