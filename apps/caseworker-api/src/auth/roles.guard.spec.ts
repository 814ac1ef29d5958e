import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Roles, RolesGuard } from './staff-auth.guard.js';
import type { StaffPrincipal, StaffRole } from './staff-principal.js';

class Routes {
  @Roles('team-leader')
  reassign(): void {}
  @Roles('caseworker', 'senior-caseworker')
  takeWork(): void {}
  unmarked(): void {}
}

function contextFor(handler: keyof Routes, roles: StaffRole[]): ExecutionContext {
  const user: StaffPrincipal = { staffId: 's-1', roles, team: 'general' };
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());
  it.each<[keyof Routes, StaffRole[], boolean]>([
    ['reassign', ['team-leader'], true],
    ['reassign', ['caseworker', 'senior-caseworker'], false],
    ['takeWork', ['senior-caseworker'], true],
    ['takeWork', ['auditor', 'caseworker'], true],
    ['takeWork', ['auditor'], false],
    ['takeWork', [], false],
    ['unmarked', ['administrator'], false],
  ])('%s with roles %j: allowed %s', (handler, roles, allowed) => {
    const run = () => guard.canActivate(contextFor(handler, roles));
    if (allowed) expect(run()).toBe(true);
    else expect(run).toThrow(ForbiddenException);
  });
});
