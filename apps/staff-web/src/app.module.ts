import { Module, type DynamicModule } from '@nestjs/common';
import { WebPlatformModule, type Translator } from '@redress/web';
import { SignInController } from './auth/sign-in.controller.js';
import { StaffOidc } from './auth/staff-oidc.js';
import { StaffSession } from './auth/staff-session.js';
import { CASEWORKER_API, createCaseworkerApiClient } from './caseworker-api.js';
import { ClaimController } from './claims/claim.controller.js';
import { ClaimActionsController } from './claims/claim-actions.controller.js';
import { StaffWebConfig } from './config.js';
import { ReportsController } from './reports/reports.controller.js';
import { SearchController } from './search/search.controller.js';
import { AdminController } from './admin/admin.controller.js';
import { CancelRequestController } from './claims/cancel-request.controller.js';
import { DueDateController } from './claims/due-date.controller.js';
import { WorkController } from './work/work.controller.js';

/** The staff web service: pages over the caseworker API, no database of its own. */
@Module({})
export class StaffWebModule {
  static forRoot(config: StaffWebConfig, translator: Translator): DynamicModule {
    return {
      module: StaffWebModule,
      imports: [
        WebPlatformModule.forRoot({ config, translator, upstreams: { 'caseworker-api': config.CASEWORKER_API_URL } }),
      ],
      controllers: [
        SignInController,
        WorkController,
        ClaimController,
        ClaimActionsController,
        ReportsController,
        SearchController,
        AdminController,
        CancelRequestController,
        DueDateController,
      ],
      providers: [
        { provide: StaffWebConfig, useValue: config },
        { provide: CASEWORKER_API, useValue: createCaseworkerApiClient(config.CASEWORKER_API_URL) },
        StaffSession,
        StaffOidc,
      ],
    };
  }
}
