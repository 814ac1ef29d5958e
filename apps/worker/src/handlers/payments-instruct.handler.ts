import { Injectable, Logger, type Provider } from '@nestjs/common';
import { Clock, FinanceSystem, InstructPayment, PaymentInstructions } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';
import { PostgresPaymentInstructions } from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config.js';
import { HttpFinanceSystem } from './payments-finance.adapter.js';

/** `payments.instruct`: tells the finance system of one payment, once whatever the retries. */
@Injectable()
export class PaymentsInstructHandler implements JobHandler<'payments.instruct'> {
  readonly jobName = 'payments.instruct' as const;
  private readonly logger = new Logger(PaymentsInstructHandler.name);

  constructor(private readonly instructPayment: InstructPayment) {}

  async handle(payload: JobPayload<'payments.instruct'>, context: { jobId: string }): Promise<void> {
    const result = await this.instructPayment.execute({ paymentId: payload.paymentId });
    this.logger.log({ jobId: context.jobId, paymentId: payload.paymentId, result }, 'payment instruction');
  }
}

/** The payment use case and its adapters (Clock comes from the claim providers). */
export const paymentProviders: Provider[] = [
  {
    provide: PaymentInstructions,
    inject: [DataSource, FieldCipher],
    useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresPaymentInstructions(dataSource, cipher),
  },
  {
    provide: FinanceSystem,
    inject: [WorkerConfig],
    useFactory: (config: WorkerConfig) =>
      new HttpFinanceSystem(config.FINANCE_API_BASE_URL, config.FINANCE_API_TIMEOUT_MS, {
        production: config.NODE_ENV === 'production',
        clientCredentials:
          config.FINANCE_API_AUTH === 'client-credentials'
            ? {
                tokenUrl: config.FINANCE_API_TOKEN_URL!,
                clientId: config.FINANCE_API_CLIENT_ID!,
                clientSecret: config.FINANCE_API_CLIENT_SECRET!,
                scope: config.FINANCE_API_SCOPE,
              }
            : undefined,
      }),
  },
  {
    provide: InstructPayment,
    inject: [PaymentInstructions, FinanceSystem, Clock],
    useFactory: (instructions: PaymentInstructions, finance: FinanceSystem, clock: Clock) =>
      new InstructPayment(instructions, finance, clock),
  },
];
