import { Module, type DynamicModule } from '@nestjs/common';
import { HttpPlatformModule, NotifyModule } from '@redress/platform';
import { QueueDashboardModule } from './admin/queue-dashboard.module.js';
import { RolesGuard, StaffAuthGuard, StaffJwtStrategy } from './auth/index.js';
import { CaseworkModule } from './casework/casework.module.js';
import { CaseworkerApiConfig } from './config.js';
import { PartnerModule } from './partner/partner.module.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';
import { ClaimReferralsModule } from './referrals/claim-referrals.module.js';
import { StaffMeController } from './staff/staff.controller.js';

@Module({})
export class CaseworkerApiModule {
  static forRoot(config: CaseworkerApiConfig): DynamicModule {
    return {
      module: CaseworkerApiModule,
      imports: [
        HttpPlatformModule.forRoot({ config, configClass: CaseworkerApiConfig, appName: 'caseworker-api' }),
        NotifyModule.forRoot(config),
        PartnerModule,
        CaseworkModule,
        OutcomesModule,
        ClaimReferralsModule,
        QueueDashboardModule,
      ],
      controllers: [StaffMeController],
      providers: [StaffJwtStrategy, StaffAuthGuard, RolesGuard],
    };
  }
}
