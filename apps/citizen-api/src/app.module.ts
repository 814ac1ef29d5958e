import { Module, type DynamicModule } from '@nestjs/common';
import { HttpPlatformModule } from '@redress/platform';
import { CitizenAuthModule } from './auth/index.js';
import { CitizenApiConfig } from './config.js';
import { EligibilityModule } from './eligibility/eligibility.module.js';
import { CitizenReferralsModule } from './referrals/referrals.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { ClaimDecisionsModule } from './claims/claim-decisions.module.js';
import { AccessHistoryModule } from './me/access-history.module.js';

@Module({})
export class CitizenApiModule {
  static forRoot(config: CitizenApiConfig): DynamicModule {
    return {
      module: CitizenApiModule,
      imports: [
        HttpPlatformModule.forRoot({ config, configClass: CitizenApiConfig, appName: 'citizen-api' }),
        CitizenAuthModule.forRoot(config),
        EligibilityModule,
        CitizenReferralsModule,
        ApplicationsModule,
        ClaimDecisionsModule,
        AccessHistoryModule,
      ],
    };
  }
}
