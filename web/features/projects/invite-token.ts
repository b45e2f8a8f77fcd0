/** The invite token from `?token=…` or from the fragment (`#token=…` or a bare `#…`). */
export function inviteToken(location: { search: string; hash: string }): string {
  const fromQuery = new URLSearchParams(location.search).get('token');
  if (fromQuery) return fromQuery;
  const hash = location.hash.replace(/^#/, '');
  return new URLSearchParams(hash).get('token') ?? (hash.includes('=') ? '' : hash);
}
