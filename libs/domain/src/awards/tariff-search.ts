import type { TariffEntry } from './award-types.js';

/**
 * The tariff entries matching a search: by code (an exact code first, then codes starting with the words) or by
 * words (every word found in the description, body area or code, in any order). At most `limit` entries.
 */
export function searchTariff(tariff: readonly TariffEntry[], query: string, limit = 50): TariffEntry[] {
  const words = query
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);
  if (!words.length) return tariff.slice(0, limit);
  const code = query.trim().toUpperCase();
  const haystack = (entry: TariffEntry) => `${entry.code} ${entry.bodyArea} ${entry.description}`.toLowerCase();
  const rank = (entry: TariffEntry) => (entry.code === code ? 0 : entry.code.startsWith(code) ? 1 : 2);
  return tariff
    .filter((entry) => entry.code === code || words.every((word) => haystack(entry).includes(word)))
    .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
