import { Injectable, Logger } from '@nestjs/common';
import { AssessClaim } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';

/** `claims.assess`: the automatic eligibility assessment and triage of a submitted claim. */
@Injectable()
export class ClaimsAssessHandler implements JobHandler<'claims.assess'> {
  readonly jobName = 'claims.assess' as const;
  private readonly logger = new Logger(ClaimsAssessHandler.name);

  constructor(private readonly assessClaim: AssessClaim) {}

  async handle(payload: JobPayload<'claims.assess'>, context: { jobId: string }): Promise<void> {
    const result = await this.assessClaim.execute({ claimId: payload.claimId });
    this.logger.log(
      result.status === 'assessed'
        ? {
            jobId: context.jobId,
            claimId: payload.claimId,
            outcome: result.outcome,
            team: result.triage.team,
            priority: result.triage.priority,
          }
        : { jobId: context.jobId, claimId: payload.claimId, result: result.status },
      'claim assessment',
    );
  }
}
