/**
 * The token of an e-mailed link, `…#token=…`: a fragment never reaches a server, so the token is
 * never in an access log or a Referer.
 */
export function linkTokenFrom(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
