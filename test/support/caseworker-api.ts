import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { formatClaimReference } from '@redress/domain';
import { FieldCipher, loadConfig } from '@redress/platform';
import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
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

export interface SeededClaim {
  claimId: string;
  reference: string;
  applicationId: string;
  citizenId: string;
}

/**
 * A submitted claim, written straight to the claims engineer's tables as submission leaves it (answers encrypted
 * per section), for staff tests that must not depend on the citizen journey.
 */
export async function seedClaim(
  app: NestFastifyApplication,
  options: {
    team?: string;
    priority?: number;
    status?: string;
    submittedAt?: Date;
    answers?: Record<string, unknown>;
    decision?: Record<string, unknown> | null;
    /** The caseworker holding the claim (payments are proposed only by them). */
    assignedStaffId?: string;
  } = {},
): Promise<SeededClaim> {
  const cipher = app.get(FieldCipher);
  const db = app.get(DataSource);
  const citizenId = randomUUID();
  const applicationId = randomUUID();
  const claimId = randomUUID();
  const [next] = await db.query<Array<{ serial: string }>>(`SELECT nextval('claim_reference_seq') AS serial`);
  const reference = formatClaimReference(2026, Number(next!.serial));
  const submittedAt = options.submittedAt ?? new Date();
  const email = `${citizenId}@example.test`;
  await db.query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
    citizenId,
    cipher.blindIndex('citizen-email', email),
    cipher.encrypt(email, `citizen:${citizenId}:email`),
  ]);
  await db.query(
    `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, submitted_at)
     VALUES ($1, $2, 'submitted', 3, $3, $3, $3)`,
    [applicationId, citizenId, submittedAt],
  );
  const answers = options.answers ?? exampleAnswers();
  for (const [section, value] of Object.entries(answers)) {
    await db.query(
      `INSERT INTO application_section (application_id, section, answers_encrypted, revision, saved_at_version, updated_at)
       VALUES ($1, $2, $3, 1, 1, $4)`,
      [applicationId, section, cipher.encryptJson(value, `application:${applicationId}:${section}`), submittedAt],
    );
  }
  await db.query(
    `INSERT INTO claim (id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
       decision, applicant_role, crime_reference_given, declaration_version, declared_at, declared_by_citizen_id, team,
       priority, created_at, updated_at, assigned_staff_id, assigned_at)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7, 'self', true, '2026-11', $6, $4, $8, $9, $6, $6, $10,
       CASE WHEN $10::text IS NULL THEN NULL ELSE $6::timestamptz END)`,
    [
      claimId,
      reference,
      applicationId,
      citizenId,
      options.status ?? 'submitted',
      submittedAt,
      options.decision ? JSON.stringify(options.decision) : null,
      options.team ?? 'general',
      options.priority ?? 3,
      options.assignedStaffId ?? null,
    ],
  );
  return { claimId, reference, applicationId, citizenId };
}

/** Answers of a typical application: an assault in England in 2026, reported at once, a broken arm. */
export function exampleAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'applying-for': { role: 'self' },
    applicant: {
      firstName: 'Alex',
      lastName: 'Morgan',
      dateOfBirth: '1990-04-12',
      address: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AB' },
      protectedCharacteristics: { ethnicity: 'white-british' },
    },
    residence: { bases: ['british-citizen'] },
    crime: {
      pattern: 'single-incident',
      date: '2026-05-01',
      place: 'england',
      kind: 'physical-attack',
      account: 'Attacked outside a shop.',
      reportedToPolice: true,
      reportedOn: '2026-05-01',
      policeForce: 'West Yorkshire Police',
      crimeReference: '13/123456/26',
      cooperatedWithPolice: true,
    },
    offender: { nameKnown: false, livedWithOffenderAsFamily: false, offenderMayBenefit: false },
    injuries: {
      physicalInjuries: [{ bodyArea: 'arms', kind: 'fracture' }],
      mental: { hasMentalInjury: false },
      sexualAssault: false,
    },
    'previous-applications': { appliedBefore: false },
    convictions: { hasUnspentConvictions: false },
    ...overrides,
  };
}

/** The audit entries about one claim, oldest first. */
export async function auditEntriesFor(
  app: NestFastifyApplication,
  claimId: string,
): Promise<Array<{ actor_id: string | null; action: string; details: Record<string, unknown> }>> {
  return app
    .get(DataSource)
    .query(`SELECT actor_id, action, details FROM audit_log WHERE target_id = $1 ORDER BY sequence`, [claimId]);
}
