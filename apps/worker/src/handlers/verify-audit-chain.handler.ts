import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler, JobPayload } from '@redress/jobs';
import { AuditLog } from '@redress/platform';

/** Seals what is waiting, then recomputes the whole chain; a broken link is logged as an error for alerting. */
@Injectable()
export class VerifyAuditChainHandler implements JobHandler<'housekeeping.verify-audit-chain'> {
  readonly jobName = 'housekeeping.verify-audit-chain' as const;
  private readonly logger = new Logger(VerifyAuditChainHandler.name);

  constructor(private readonly auditLog: AuditLog) {}

  async handle(payload: JobPayload<'housekeeping.verify-audit-chain'>): Promise<void> {
    await this.auditLog.sealAll();
    const result = await this.auditLog.verify();
    if (result.ok) {
      this.logger.log(
        { entries: result.entries, unsealed: result.unsealed, headHash: result.headHash, reason: payload.reason },
        'audit chain verified',
      );
    } else {
      this.logger.error(
        { entries: result.entries, brokenAt: result.brokenAt, problem: result.reason },
        'audit chain is broken',
      );
    }
  }
}
