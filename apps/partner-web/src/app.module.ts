import { Module, type DynamicModule } from '@nestjs/common';
import { WebPlatformModule, type Translator } from '@redress/web';
import { PartnerSession, PARTNER_WEB_CONFIG } from './auth/partner-session.js';
import { SignInController } from './auth/sign-in.controller.js';
import { CASEWORKER_API, createCaseworkerApiClient } from './caseworker-api.js';
import type { PartnerWebConfig } from './config.js';
import { DirectoryController } from './directory/directory.controller.js';
import { OrganisationController } from './organisation/organisation.controller.js';
import { UsersController } from './organisation/users.controller.js';
import { ReferralsController } from './referrals/referrals.controller.js';

/** The support organisation portal: pages over the caseworker API's partner routes, no database of its own. */
@Module({})
export class PartnerWebModule {
  static forRoot(config: PartnerWebConfig, translator: Translator): DynamicModule {
    return {
      module: PartnerWebModule,
      imports: [
        WebPlatformModule.forRoot({ config, translator, upstreams: { 'caseworker-api': config.CASEWORKER_API_URL } }),
      ],
      controllers: [
        SignInController,
        ReferralsController,
        DirectoryController,
        OrganisationController,
        UsersController,
      ],
      providers: [
        { provide: CASEWORKER_API, useValue: createCaseworkerApiClient(config.CASEWORKER_API_URL) },
        { provide: PARTNER_WEB_CONFIG, useValue: config },
        PartnerSession,
      ],
    };
  }
}
