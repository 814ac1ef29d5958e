import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseHsdsDocument, SendReferral, SystemClock, type ReferralSettings } from '@redress/application';
import { currentConsentWording, defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import { PostgresDirectoryImportStore, PostgresReferralStore } from '@redress/persistence';
import { AuditLog, LocalSinkNotifier, loadConfig } from '@redress/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createPartnerWeb } from '../../apps/partner-web/src/bootstrap.js';
import { PartnerWebConfig } from '../../apps/partner-web/src/config.js';
import { startCaseworkerApi } from './caseworker-api.js';
import { createTestCitizen, startCitizenApi } from './citizen-api.js';

export const seedDirectory = JSON.parse(readFileSync('data/directory/seed-directory.json', 'utf8'));
export const organisationId = (name: string): string =>
  seedDirectory.organizations.find((o: { name: string }) => o.name === name).id;

export interface PartnerStack {
  caseworkerApi: NestFastifyApplication;
  citizenApi: NestFastifyApplication;
  web: NestFastifyApplication;
  webUrl: string;
  /** The emails the caseworker API would have sent (invitations and sign-in codes). */
  notifySink: LocalSinkNotifier;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * The caseworker API (partner routes), the citizen API (to make referrals as a victim does) and the partner portal,
 * each on a free port of 127.0.0.1, on this test run's database; the portal calls the caseworker API over HTTP.
 */
export async function startPartnerStack(): Promise<PartnerStack> {
  const caseworkerApi = await startCaseworkerApi();
  await caseworkerApi.listen(0, '127.0.0.1');
  const citizenApi = await startCitizenApi();
  const db = caseworkerApi.get(DataSource);
  await new PostgresDirectoryImportStore(db).upsert(parseHsdsDocument(seedDirectory));
  const web = await createPartnerWeb(
    loadConfig(PartnerWebConfig, { ...process.env, CASEWORKER_API_URL: await caseworkerApi.getUrl() }),
  );
  await web.listen(0, '127.0.0.1');
  const webUrl = (await web.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    caseworkerApi,
    citizenApi,
    web,
    webUrl,
    notifySink: caseworkerApi.get(LocalSinkNotifier),
    db,
    async close() {
      await web.close();
      await citizenApi.close();
      await caseworkerApi.close();
    },
  };
}

const referralSettings: ReferralSettings = {
  clocks: defaultReferralClockSettings,
  calendar: englandAndWalesWorkingDays,
  proposals: 3,
};

/**
 * A victim proposes referrals through the citizen API, consents to the given organisation's, and the referral is
 * sent (the worker's `referrals.send` job, run here in process). Answers the referral id and the victim.
 */
export async function referralFromVictim(
  stack: PartnerStack,
  organisation: string,
  name = 'Robin',
  needs: string[] = ['feeling-safe', 'emotional-support'],
  options: { consent?: boolean } = {},
): Promise<{ referralId: string; authorization: string; proposedOrganisations: string[] }> {
  const citizen = await createTestCitizen(stack.citizenApi);
  const http = () => request(stack.citizenApi.getHttpServer());
  const proposed = await http()
    .post('/v1/referrals/proposals')
    .set('authorization', citizen.authorization)
    .send({
      needs,
      circumstances: [],
      age: 34,
      postcode: 'NW1 2DB',
      localAuthorityCode: 'E09000007',
      contact: {
        name,
        phone: '07700 900123',
        channels: ['text', 'phone'],
        safeTimes: 'Weekdays 10am to 2pm',
        voicemailOk: false,
        codeWord: 'heron',
      },
      summary: 'Please text before calling.',
    })
    .expect(201);
  const referral = proposed.body.referrals.find(
    (candidate: { organisationId: string }) => candidate.organisationId === organisation,
  );
  const proposedOrganisations = proposed.body.referrals.map((r: { organisationId: string }) => r.organisationId);
  if (options.consent === false)
    return { referralId: referral?.id, authorization: citizen.authorization, proposedOrganisations };
  if (!referral) throw new Error(`no referral to ${organisation} was proposed`);
  await http()
    .post(`/v1/referrals/${referral.id}/consent`)
    .set('authorization', citizen.authorization)
    .send({ consent: true, wordingVersion: currentConsentWording['support-referral'].version })
    .expect(200);
  const store = new PostgresReferralStore(stack.db, (manager, entry) =>
    stack.caseworkerApi.get(AuditLog).append(manager, entry),
  );
  await new SendReferral(store, referralSettings, new SystemClock()).execute({ referralId: referral.id });
  return { referralId: referral.id as string, authorization: citizen.authorization, proposedOrganisations };
}

/** The victim withdraws their consent to share with the organisation, online. */
export async function withdrawConsent(stack: PartnerStack, authorization: string, organisation: string) {
  await request(stack.citizenApi.getHttpServer())
    .post(`/v1/referral-consents/${organisation}/withdrawal`)
    .set('authorization', authorization)
    .expect((response) => {
      if (response.status >= 300) throw new Error(`withdrawal answered ${response.status}`);
    });
}
