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
import type { LookupFunction } from 'node:net';
import { AuditLog, FieldCipher, postOutbound, type OutboundPolicy } from '@redress/platform';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config.js';

/**
 * Posts with a 10-second timeout and no redirects (a partner's URL must answer itself), to public addresses only:
 * the address the partner's name resolves to is checked when the connection is made (docs/security.md, request
 * forgery). A refused address throws, so the delivery is retried and then given up like any failure.
 */
export class FetchWebhookSender extends WebhookSender {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly lookup?: LookupFunction,
  ) {
    super();
  }

  async post(request: WebhookRequest): Promise<{ status: number }> {
    return postOutbound(request.url, {
      headers: request.headers,
      body: request.body,
      timeoutMs: 10_000,
      policy: this.policy,
      lookup: this.lookup,
    });
  }
}

/** The referral use cases the worker runs, and their adapters. */
export const referralProviders: Provider[] = [
  { provide: Clock, useClass: SystemClock },
  { provide: FieldEncryption, useExisting: FieldCipher },
  {
    provide: WebhookSender,
    inject: [WorkerConfig],
    useFactory: (config: WorkerConfig) =>
      new FetchWebhookSender({
        production: config.NODE_ENV === 'production',
        allowPrivateAddresses: config.OUTBOUND_ALLOW_PRIVATE_ADDRESSES === 'true',
      }),
  },
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
