import { Module, type DynamicModule } from '@nestjs/common';
import { WebPlatformModule, type Translator } from '@redress/web';
import { OneLoginController } from './auth/one-login.controller.js';
import { CITIZEN_WEB_CONFIG, OneLoginClient } from './auth/one-login.client.js';
import { SessionController } from './auth/session.controller.js';
import { SignInController } from './auth/sign-in.controller.js';
import { CitizenSession } from './auth/citizen-session.js';
import { CITIZEN_API, createCitizenApiClient } from './citizen-api.js';
import type { CitizenWebConfig } from './config.js';
import { InfoPagesController } from './pages/info-pages.controller.js';
import { ApplicationApi } from './applications/application-api.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { EvidenceController } from './applications/evidence.controller.js';
import { QuestionPagesController } from './applications/question-pages.controller.js';
import { SubmissionController } from './applications/submission.controller.js';
import { CheckController } from './check/check.controller.js';
import { ClaimsController } from './claims/claims.controller.js';
import { SupportController } from './support/support.controller.js';
import { YourDataController } from './your-data/your-data.controller.js';

/** The citizen web service: pages over the citizen API, no database of its own. */
@Module({})
export class CitizenWebModule {
  static forRoot(config: CitizenWebConfig, translator: Translator): DynamicModule {
    return {
      module: CitizenWebModule,
      imports: [
        WebPlatformModule.forRoot({ config, translator, upstreams: { 'citizen-api': config.CITIZEN_API_URL } }),
      ],
      // Sign in with GOV.UK One Login, or (the default) with a code the citizen API emails.
      controllers: [
        InfoPagesController,
        SessionController,
        config.CITIZEN_SIGN_IN === 'one-login' ? OneLoginController : SignInController,
        ApplicationsController,
        SubmissionController,
        EvidenceController,
        QuestionPagesController,
        CheckController,
        ClaimsController,
        SupportController,
        YourDataController,
      ],
      providers: [
        { provide: CITIZEN_API, useValue: createCitizenApiClient(config.CITIZEN_API_URL) },
        { provide: CITIZEN_WEB_CONFIG, useValue: config },
        CitizenSession,
        OneLoginClient,
        ApplicationApi,
      ],
      exports: [CITIZEN_API, CitizenSession],
    };
  }
}
