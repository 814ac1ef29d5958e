import { Injectable, Logger } from '@nestjs/common';
import { CheckServiceLevel, EscalateOverdueInformationRequest, RemindInformationRequest } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';

/** `claims.information-request-reminder`: 3 working days before an information request is due. */
@Injectable()
export class InformationRequestReminderHandler implements JobHandler<'claims.information-request-reminder'> {
  readonly jobName = 'claims.information-request-reminder' as const;
  private readonly logger = new Logger(InformationRequestReminderHandler.name);

  constructor(private readonly remind: RemindInformationRequest) {}

  async handle(payload: JobPayload<'claims.information-request-reminder'>, context: { jobId: string }): Promise<void> {
    const result = await this.remind.execute(payload);
    this.logger.log(
      { jobId: context.jobId, informationRequestId: payload.informationRequestId, result },
      'information request reminder',
    );
  }
}

/** `claims.information-request-overdue`: escalates a request still open after its due date. */
@Injectable()
export class InformationRequestOverdueHandler implements JobHandler<'claims.information-request-overdue'> {
  readonly jobName = 'claims.information-request-overdue' as const;
  private readonly logger = new Logger(InformationRequestOverdueHandler.name);

  constructor(private readonly escalate: EscalateOverdueInformationRequest) {}

  async handle(payload: JobPayload<'claims.information-request-overdue'>, context: { jobId: string }): Promise<void> {
    const result = await this.escalate.execute(payload);
    this.logger.log(
      { jobId: context.jobId, informationRequestId: payload.informationRequestId, result },
      'information request overdue',
    );
  }
}

/** `claims.service-level-check`: the claim's service-level target. */
@Injectable()
export class ServiceLevelCheckHandler implements JobHandler<'claims.service-level-check'> {
  readonly jobName = 'claims.service-level-check' as const;
  private readonly logger = new Logger(ServiceLevelCheckHandler.name);

  constructor(private readonly check: CheckServiceLevel) {}

  async handle(payload: JobPayload<'claims.service-level-check'>, context: { jobId: string }): Promise<void> {
    const result = await this.check.execute(payload);
    this.logger.log({ jobId: context.jobId, claimId: payload.claimId, result }, 'service level check');
  }
}
