import { createApiClient, type CitizenApiClient, type CitizenApiPaths } from '@redress/web';

export const CITIZEN_API = Symbol('CITIZEN_API');
export type { CitizenApiClient };

export function createCitizenApiClient(baseUrl: string): CitizenApiClient {
  return createApiClient<CitizenApiPaths>(baseUrl);
}
