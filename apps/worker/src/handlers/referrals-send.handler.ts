import { Injectable } from '@nestjs/common';
import { SendReferral } from '@redress/application';
import type { JobHandler, JobPayload } from '@redress/jobs';

/** Sends a consented referral to its organisation (pull API and webhook); does nothing if already sent or withdrawn. */
@Injectable()
export class ReferralsSendHandler implements JobHandler<'referrals.send'> {
  readonly jobName = 'referrals.send' as const;

  constructor(private readonly sendReferral: SendReferral) {}

  async handle(payload: JobPayload<'referrals.send'>): Promise<void> {
    await this.sendReferral.execute({ referralId: payload.referralId });
  }
}
