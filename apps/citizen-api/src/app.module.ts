import { Module, type DynamicModule } from '@nestjs/common';
import { HttpPlatformModule } from '@redress/platform';
import { CitizenAccessTokens, CitizenJwtStrategy } from './auth/index.js';
import { CitizenApiConfig } from './config.js';
import { EligibilityModule } from './eligibility/eligibility.module.js';

@Module({})
export class CitizenApiModule {
  static forRoot(config: CitizenApiConfig): DynamicModule {
    return {
      module: CitizenApiModule,
      imports: [
        HttpPlatformModule.forRoot({ config, configClass: CitizenApiConfig, appName: 'citizen-api' }),
        EligibilityModule,
      ],
      providers: [CitizenJwtStrategy, CitizenAccessTokens],
    };
  }
}
