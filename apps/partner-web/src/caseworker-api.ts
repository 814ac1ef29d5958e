import { createApiClient, type CaseworkerApiClient, type CaseworkerApiPaths } from '@redress/web';

export const CASEWORKER_API = Symbol('CASEWORKER_API');
export type { CaseworkerApiClient };

export function createCaseworkerApiClient(baseUrl: string): CaseworkerApiClient {
  return createApiClient<CaseworkerApiPaths>(baseUrl);
}
