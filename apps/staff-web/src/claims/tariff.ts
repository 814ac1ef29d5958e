import { expectOk } from '@redress/web';
import type { CaseworkerApiClient } from '../caseworker-api.js';

export interface TariffMatch {
  code: string;
  description: string;
  amountPence: number;
}

/** The tariff searched on the server (by words or code): the award page works the same without JavaScript. */
export async function searchTariff(
  api: CaseworkerApiClient,
  headers: { authorization: string },
  q: string,
): Promise<TariffMatch[]> {
  const result = await api.GET('/v1/tariff', {
    params: { query: { q: q.replace(/[^\p{L}\p{N} '()-]/gu, ' ') } },
    headers,
  });
  return expectOk(result).entries;
}
