import type { Provider } from '@nestjs/common';
import {
  CheckReferralClocks,
  Clock,
  DeliverReferralWebhook,
  FieldEncryption,
  PartnerAccessStore,
  ReferralSettings,
  ReferralStore,
  SendReferral,
  SupportDirectory,
  SystemClock,
  WebhookSender,
  type WebhookRequest,
} from '@redress/application';
import { defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import { PostgresPartnerAccessStore, PostgresReferralStore, PostgresSupportDirectory } from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config.js';

/** Posts with a 10-second timeout and no redirects (a partner's URL must answer itself). */
export class FetchWebhookSender extends WebhookSender {
  async post(request: WebhookRequest): Promise<{ status: number }> {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    return { status: response.status };
  }
}

/** The referral use cases the worker runs, and their adapters. */
export const referralProviders: Provider[] = [
  { provide: Clock, useClass: SystemClock },
  { provide: FieldEncryption, useExisting: FieldCipher },
  { provide: WebhookSender, useClass: FetchWebhookSender },
  {
    provide: ReferralSettings,
    inject: [WorkerConfig],
    useFactory: (config: WorkerConfig): ReferralSettings => ({
      clocks: {
        ...defaultReferralClockSettings,
        acknowledgeWithinWorkingDays: config.REFERRAL_ACKNOWLEDGE_WORKING_DAYS,
      },
      calendar: englandAndWalesWorkingDays,
      proposals: 3,
    }),
  },
  {
    provide: ReferralStore,
    inject: [DataSource, AuditLog],
    useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
      new PostgresReferralStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
  },
  {
    provide: PartnerAccessStore,
    inject: [DataSource, AuditLog],
    useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
      new PostgresPartnerAccessStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
  },
  { provide: SupportDirectory, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresSupportDirectory(ds) },
  {
    provide: SendReferral,
    inject: [ReferralStore, ReferralSettings, Clock],
    useFactory: (...deps: ConstructorParameters<typeof SendReferral>) => new SendReferral(...deps),
  },
  {
    provide: CheckReferralClocks,
    inject: [ReferralStore, SupportDirectory, FieldEncryption, Clock],
    useFactory: (...deps: ConstructorParameters<typeof CheckReferralClocks>) => new CheckReferralClocks(...deps),
  },
  {
    provide: DeliverReferralWebhook,
    inject: [PartnerAccessStore, WebhookSender, FieldEncryption, Clock],
    useFactory: (...deps: ConstructorParameters<typeof DeliverReferralWebhook>) => new DeliverReferralWebhook(...deps),
  },
];
