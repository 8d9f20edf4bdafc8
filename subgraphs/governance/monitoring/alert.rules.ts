import type { Problem } from '../common/problems.js';

/** An alert points at a public web page: an absolute http(s) URL of reasonable length. */
export function checkAlertUrl(url: string | undefined, problems: Problem[], field = 'url'): void {
  if (url === undefined) return;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) problems.push({ field, message: `${field} must be an http or https address, got "${url.slice(0, 100)}".` });
  else if (url.length > 2000) problems.push({ field, message: `${field} is ${url.length} characters long; at most 2000.` });
}
