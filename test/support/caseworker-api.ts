import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@redress/platform';
import jwt from 'jsonwebtoken';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
  type StaffRole,
} from '../../apps/caseworker-api/src/auth/index.js';
import { createCaseworkerApi } from '../../apps/caseworker-api/src/bootstrap.js';
import { CaseworkerApiConfig } from '../../apps/caseworker-api/src/config.js';

/** The caseworker API exactly as it runs, on this test run's database and queue prefix (development staff key). */
export async function startCaseworkerApi(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  return createCaseworkerApi(loadConfig(CaseworkerApiConfig, { ...process.env, ...overrides }));
}

export interface TestStaff {
  staffId: string;
  roles: StaffRole[];
  team: string | null;
  /** `Bearer <token>`, ready for an Authorization header. */
  authorization: string;
}

/** A staff member with a development token, as `npm run token` would mint it. */
export function testStaff(
  roles: StaffRole | StaffRole[],
  options: { team?: string | null; staffId?: string; expiresIn?: number } = {},
): TestStaff {
  const list = Array.isArray(roles) ? roles : [roles];
  const staffId = options.staffId ?? `staff-${randomUUID().slice(0, 8)}`;
  const team = options.team === undefined ? 'general' : options.team;
  const token = jwt.sign({ roles: list, ...(team ? { team } : {}) }, DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY, {
    algorithm: 'RS256',
    keyid: DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
    subject: staffId,
    issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
    audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
    expiresIn: options.expiresIn ?? 600,
  });
  return { staffId, roles: list, team, authorization: `Bearer ${token}` };
}
