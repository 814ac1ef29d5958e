import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CitizenAccessTokens } from '../apps/citizen-api/src/auth/index.js';
import { seedClaim, startCaseworkerApi, testStaff, type SeededClaim } from './support/caseworker-api.js';
import { startCitizenApi } from './support/citizen-api.js';

/**
 * Information requests across the two APIs: the caseworker asks (applicant and third parties), the citizen
 * answers their own. Only the applicant's requests hold the assessment.
 */
describe('information requests between the caseworker and citizen APIs', () => {
  let staffApi: NestFastifyApplication;
  let citizenApi: NestFastifyApplication;
  let db: DataSource;
  const caseworker = testStaff('caseworker');
  beforeAll(async () => {
    staffApi = await startCaseworkerApi();
    citizenApi = await startCitizenApi();
    db = staffApi.get(DataSource);
  });
  afterAll(async () => {
    await citizenApi.close();
    await staffApi.close();
  });
  const staff = () => request(staffApi.getHttpServer());
  const citizen = () => request(citizenApi.getHttpServer());
  const ownerOf = (claim: SeededClaim) =>
    `Bearer ${citizenApi.get(CitizenAccessTokens).issue(claim.citizenId).accessToken}`;
  const version = async (claimId: string) =>
    (await db.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [claimId]))[0]!.version;
  const status = async (claimId: string) =>
    (await db.query<Array<{ status: string }>>(`SELECT status FROM claim WHERE id = $1`, [claimId]))[0]!.status;

  async function ask(claim: SeededClaim, recipient: string, workingDays = 10): Promise<{ id: string; dueOn: string }> {
    const response = await staff()
      .post(`/v1/claims/${claim.reference}/information-requests`)
      .set('authorization', caseworker.authorization)
      .send({
        version: await version(claim.claimId),
        recipient,
        topic: recipient === 'applicant' ? 'medical-evidence' : 'police-evidence',
        question: `For the ${recipient}`,
        workingDays,
      })
      .expect(201);
    return response.body as { id: string; dueOn: string };
  }

  it('resumes the assessment when the applicant answers their only request while a police request is open', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const owner = ownerOf(claim);
    const police = await ask(claim, 'police');
    const applicant = await ask(claim, 'applicant');
    expect(await status(claim.claimId)).toBe('awaiting_information');

    const listed = await citizen().get('/v1/claims').set('authorization', owner).expect(200);
    // The police request is not the applicant's to answer, so it is not counted as theirs.
    expect(listed.body.claims).toEqual([
      expect.objectContaining({
        reference: claim.reference,
        status: 'awaiting_information',
        openInformationRequests: 1,
      }),
    ]);

    const answered = await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${applicant.id}/answer`)
      .set('authorization', owner)
      .send({ answer: 'Here is the discharge letter.' })
      .expect(201);
    expect(answered.body).toEqual({ reference: claim.reference, status: 'in_assessment' });
    expect(await status(claim.claimId)).toBe('in_assessment');
    const [policeRow] = await db.query<Array<{ status: string }>>(
      `SELECT status FROM information_request WHERE id = $1`,
      [police.id],
    );
    expect(policeRow!.status).toBe('open');
    const [event] = await db.query<Array<{ type: string; to_status: string }>>(
      `SELECT type, to_status FROM claim_event WHERE claim_id = $1 ORDER BY version DESC LIMIT 1`,
      [claim.claimId],
    );
    expect(event).toEqual({ type: 'claim.assessment-resumed', to_status: 'in_assessment' });
  });

  it('keeps the claim waiting while another request to the applicant is open', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const owner = ownerOf(claim);
    const first = await ask(claim, 'applicant');
    await ask(claim, 'applicant');
    await ask(claim, 'gp');
    const answered = await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${first.id}/answer`)
      .set('authorization', owner)
      .send({ answer: 'The first answer.' })
      .expect(201);
    expect(answered.body.status).toBe('awaiting_information');
    expect(await status(claim.claimId)).toBe('awaiting_information');
  });

  it('refuses a citizen answer to a request addressed to the police (404, nothing written)', async () => {
    const claim = await seedClaim(staffApi, { status: 'in_assessment' });
    const police = await ask(claim, 'police');
    const refused = await citizen()
      .post(`/v1/claims/${claim.reference}/information-requests/${police.id}/answer`)
      .set('authorization', ownerOf(claim))
      .send({ answer: 'Not mine to answer.' })
      .expect(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const [row] = await db.query<Array<{ status: string; answer_encrypted: string | null }>>(
      `SELECT status, answer_encrypted FROM information_request WHERE id = $1`,
      [police.id],
    );
    expect(row).toEqual({ status: 'open', answer_encrypted: null });
    expect(await status(claim.claimId)).toBe('in_assessment');
  });
});
