/** The application's version as a strong ETag: `"<version>"`. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/**
 * The version named by an If-Match header (`"7"`, or `W/"7"`, or a list of them), `null` when there is no
 * header. A header naming no version of ours (`*` included) gives -1, which matches nothing: the write is
 * refused with 412 rather than let through without a check.
 */
export function ifMatchVersion(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '') return null;
  const first = header.split(',')[0]!.trim();
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(first);
  return match ? Number(match[1]) : -1;
}
