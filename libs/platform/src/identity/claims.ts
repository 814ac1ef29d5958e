/**
 * The string values of a claim, by name or by a dotted path into nested objects (`realm_access.roles`): a
 * string gives one value, an array its string members, anything else none. A claim whose own name contains dots
 * (Entra's URI-like names) is found by that name first.
 */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims[path];
  if (value === undefined && path.includes('.')) {
    value = path.split('.').reduce<unknown>((node, key) => {
      if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
      return Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }, claims);
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** `provider-value=ours,other=ours2` as a map (whitespace around items is ignored; an empty text is no map). */
export function parseValueMapping(text: string): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const item of text.split(',')) {
    const trimmed = item.trim();
    if (!trimmed) continue;
    const at = trimmed.lastIndexOf('=');
    if (at <= 0 || at === trimmed.length - 1) throw new Error(`not a value=mapping pair: ${trimmed}`);
    mapping.set(trimmed.slice(0, at).trim(), trimmed.slice(at + 1).trim());
  }
  return mapping;
}

/** A comma-separated setting as a list of non-empty items. */
export function listSetting(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
