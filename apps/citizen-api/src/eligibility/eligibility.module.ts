import { Module } from '@nestjs/common';
import { CheckEligibility, Clock, SystemClock } from '@redress/application';
import { EligibilityChecksController } from './eligibility-checks.controller.js';

@Module({
  controllers: [EligibilityChecksController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: CheckEligibility, inject: [Clock], useFactory: (clock: Clock) => new CheckEligibility(clock) },
  ],
})
export class EligibilityModule {}
