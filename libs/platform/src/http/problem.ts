/** RFC 9457 problem details, as every error response of both APIs carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Request id, to quote when asking for help. */
  requestId?: string;
  /** Set on 5xx only: the id under which the error was logged. */
  errorId?: string;
  /** Each invalid field, where the request failed validation. */
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs: a stable URN per code, or about:blank where the HTTP status says it all. */
export function problemType(code?: string): string {
  return code ? `urn:redress:problem:${code}` : 'about:blank';
}
