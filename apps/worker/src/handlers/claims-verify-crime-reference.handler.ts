import { Injectable, Logger } from '@nestjs/common';
import { VerifyCrimeReference } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';

/** `claims.verify-crime-reference`: asks the police; an unavailable service throws and the job retries (external policy). */
@Injectable()
export class ClaimsVerifyCrimeReferenceHandler implements JobHandler<'claims.verify-crime-reference'> {
  readonly jobName = 'claims.verify-crime-reference' as const;
  private readonly logger = new Logger(ClaimsVerifyCrimeReferenceHandler.name);

  constructor(private readonly verifyCrimeReference: VerifyCrimeReference) {}

  async handle(payload: JobPayload<'claims.verify-crime-reference'>, context: { jobId: string }): Promise<void> {
    const result = await this.verifyCrimeReference.execute({ claimId: payload.claimId });
    this.logger.log({ jobId: context.jobId, claimId: payload.claimId, result }, 'crime reference check');
  }
}
