import { Injectable, Logger } from '@nestjs/common';
import { RenderDecisionLetter } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';

/** `documents.decision-letter`: renders the letter of a made decision and attaches it to the claim, once. */
@Injectable()
export class DocumentsDecisionLetterHandler implements JobHandler<'documents.decision-letter'> {
  readonly jobName = 'documents.decision-letter' as const;
  private readonly logger = new Logger(DocumentsDecisionLetterHandler.name);

  constructor(private readonly renderDecisionLetter: RenderDecisionLetter) {}

  async handle(payload: JobPayload<'documents.decision-letter'>, context: { jobId: string }): Promise<void> {
    const result = await this.renderDecisionLetter.execute(payload);
    this.logger.log(
      { jobId: context.jobId, claimId: payload.claimId, decisionId: payload.decisionId, ...result },
      'decision letter',
    );
  }
}
