import { Module, type DynamicModule } from '@nestjs/common';
import { HttpPlatformModule } from '@redress/platform';
import { CaseworkerApiConfig } from './config.js';

@Module({})
export class CaseworkerApiModule {
  static forRoot(config: CaseworkerApiConfig): DynamicModule {
    return {
      module: CaseworkerApiModule,
      imports: [HttpPlatformModule.forRoot({ config, configClass: CaseworkerApiConfig, appName: 'caseworker-api' })],
    };
  }
}
