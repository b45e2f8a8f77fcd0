const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin for links the server sends out (e-mails). PUBLIC_ORIGIN when set; otherwise only a
 * loopback origin (the app on a laptop) is taken from the request, because a Host header is whatever
 * the caller sends: trusting it on a public server would let anyone have us mail a victim a link to
 * their own site. Undefined when there is no origin to trust.
 */
export function linkOriginOf(requestUrl: string, publicOrigin: string | undefined): string | undefined {
  if (publicOrigin) return publicOrigin.replace(/\/+$/, '');
  const url = new URL(requestUrl);
  return LOOPBACK_HOSTS.has(url.hostname) ? url.origin : undefined;
}
