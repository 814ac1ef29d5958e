import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedClaim, startCaseworkerApi, testStaff, type SeededClaim } from './support/caseworker-api.js';

/**
 * Issue 19, point "a reason for every read outside one's own work": a caseworker opens a claim that is not
 * assigned to them or their team only by saying why (a purpose and a reason), which the access log keeps and the
 * claim's team leaders see. Refused, they learn nothing of the claim and nothing is written.
 */
describe('a reason for every read outside one’s own work (break the glass)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  const teamA = `glass-a-${Date.now().toString(36)}`;
  const teamB = `glass-b-${Date.now().toString(36)}`;
  const outsider = testStaff('caseworker', { team: teamA });
  const insider = testStaff('caseworker', { team: teamB });
  const leaderB = testStaff('team-leader', { team: teamB });
  const leaderA = testStaff('team-leader', { team: teamA });

  beforeAll(async () => {
    app = await startCaseworkerApi();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  const open = (claim: SeededClaim, who: { authorization: string }, purpose?: string, reason?: string) => {
    let pending = http().get(`/v1/claims/${claim.reference}`).set('authorization', who.authorization);
    if (purpose) pending = pending.query({ purpose });
    if (reason !== undefined) pending = pending.set('access-reason', reason);
    return pending;
  };
  const reads = async (claim: SeededClaim) =>
    db.query<Array<{ actor_id: string; details: Record<string, unknown> }>>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'claim.read' AND target_id = $1 ORDER BY sequence`,
      [claim.claimId],
    );

  it('refuses a claim of another team without a purpose and a reason, with a problem that says what is missing', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment', team: teamB });
    for (const [purpose, reason] of [
      [undefined, undefined],
      ['complaint', undefined],
      [undefined, 'The victim complained to their MP about delay.'],
      ['complaint', 'too short'],
      ['complaint', 'x'.repeat(501)],
    ] as const) {
      const response = await open(claim, outsider, purpose, reason);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('claim.reason-required');
      // Nothing of the claim in the refusal.
      expect(JSON.stringify(response.body)).not.toMatch(/Morgan|answers|in_assessment/);
    }
    expect(await reads(claim)).toEqual([]);
  });

  it('opens it with a purpose and a reason, recorded in the access log', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment', team: teamB });
    const response = await open(claim, outsider, 'complaint', '  MP letter ref 2026/117 asks about this claim.  ');
    expect(response.status).toBe(200);
    expect(response.body.claim.reference).toBe(claim.reference);
    expect(await reads(claim)).toEqual([
      {
        actor_id: outsider.staffId,
        details: expect.objectContaining({
          purpose: 'complaint',
          team: teamA,
          claimTeam: teamB,
          breakGlass: true,
          reason: 'MP letter ref 2026/117 asks about this claim.',
        }),
      },
    ]);
  });

  it('needs no reason for one’s own team’s claims or a claim assigned to oneself', async () => {
    const ours = await seedClaim(app, { status: 'in_assessment', team: teamB });
    expect((await open(ours, insider)).status).toBe(200);
    const assigned = await seedClaim(app, { status: 'in_assessment', team: teamB, assignedStaffId: outsider.staffId });
    expect((await open(assigned, outsider)).status).toBe(200);
    const logged = [...(await reads(ours)), ...(await reads(assigned))];
    expect(logged.map((entry) => [entry.details.purpose, entry.details.breakGlass])).toEqual([
      ['casework', undefined],
      ['casework', undefined],
    ]);
  });

  it('keeps restricted claims as they are: a reason does not open a claim one is not named on', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment', team: teamB });
    await http()
      .put(`/v1/claims/${claim.reference}/restriction`)
      .set('authorization', leaderB.authorization)
      .send({ restricted: true, staffIds: [insider.staffId], reasonCode: 'staff-member' })
      .expect(200);
    const response = await open(claim, outsider, 'complaint', 'MP letter ref 2026/118 asks about this claim.');
    expect(response.status).toBe(404);
    expect(await reads(claim)).toEqual([]);
  });

  it('reports out-of-team reads to the claim’s team leaders, and only to them', async () => {
    const claim = await seedClaim(app, { status: 'in_assessment', team: teamB });
    await open(claim, outsider, 'quality-check', 'Sample for the monthly quality check, batch 12.').expect(200);
    const report = await http()
      .get('/v1/reports/out-of-team-reads')
      .set('authorization', leaderB.authorization)
      .expect(200);
    expect(report.body.team).toBe(teamB);
    expect(report.body.reads).toContainEqual({
      at: expect.any(String),
      reference: claim.reference,
      staffId: outsider.staffId,
      staffTeam: teamA,
      purpose: 'quality-check',
      reason: 'Sample for the monthly quality check, batch 12.',
    });
    const otherLeader = await http()
      .get('/v1/reports/out-of-team-reads')
      .set('authorization', leaderA.authorization)
      .expect(200);
    expect(otherLeader.body.reads.map((read: { reference: string }) => read.reference)).not.toContain(claim.reference);
    const noTeam = await http()
      .get('/v1/reports/out-of-team-reads')
      .set('authorization', testStaff('team-leader', { team: null }).authorization);
    expect(noTeam.status).toBe(403);
    expect(noTeam.body.code).toBe('report.no-team');
  });

  it('shows in the queue only what is needed to pick the right claim', async () => {
    await seedClaim(app, { status: 'submitted', team: teamB });
    const queue = await http().get('/v1/work').query({ team: teamB }).set('authorization', insider.authorization);
    expect(queue.status).toBe(200);
    const [item] = queue.body.items;
    expect(item).toBeDefined();
    expect(JSON.stringify(queue.body)).not.toMatch(/Alex|Morgan|1990-04-12|LS1 4AB/);
  });
});
