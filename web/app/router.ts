import { SessionStatus } from '../features/auth/session-service.ts';

/** Pure routing rules: path matching, access decisions, safe redirects and which clicks to intercept. */

export const RouteAccess = {
  anyone: 'anyone',
  /** Sign-in and sign-up: a signed-in user is sent on. */
  guestsOnly: 'guests-only',
  /** Profile: a guest is sent to sign in, and back afterwards. */
  membersOnly: 'members-only',
} as const;
export type RouteAccess = (typeof RouteAccess)[keyof typeof RouteAccess];

export interface RoutePattern {
  /** Literal segments and `:name` parameters, e.g. `/beats/:id`. */
  path: string;
}

export interface RouteMatch<Route extends RoutePattern> {
  route: Route;
  params: Record<string, string>;
}

/** `/profile/` and `/profile` are the same page; empty segments collapse. */
export function normalizePath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean);
  return `/${segments.join('/')}`;
}

export function matchRoute<Route extends RoutePattern>(routes: readonly Route[], pathname: string): RouteMatch<Route> | null {
  const segments = normalizePath(pathname).split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
        } catch {
          // A malformed escape (%E0%A4%A) cannot name anything we serve.
          return false;
        }
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}

export type AccessDecision = { kind: 'render' } | { kind: 'redirect'; to: string } | { kind: 'wait' };

export const SIGN_IN_PATH = '/sign-in';

export function decideAccess(access: RouteAccess, status: SessionStatus, location: { pathname: string; search: string }): AccessDecision {
  switch (access) {
    case RouteAccess.anyone:
      return { kind: 'render' };
    case RouteAccess.guestsOnly:
      return status === SessionStatus.signedIn ? { kind: 'redirect', to: safeNextPath(location.search) ?? '/' } : { kind: 'render' };
    case RouteAccess.membersOnly:
      if (status === SessionStatus.signedIn) return { kind: 'render' };
      if (status === SessionStatus.restoring) return { kind: 'wait' };
      return { kind: 'redirect', to: `${SIGN_IN_PATH}?${new URLSearchParams({ next: location.pathname + location.search })}` };
  }
}

/**
 * The `next` query parameter, only if it is a path on this site. Anything else (`//evil.example`,
 * `https://…`, `/\evil`) is dropped, so the sign-in page cannot be used as an open redirect.
 */
export function safeNextPath(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  const base = 'https://creatorsync.invalid';
  const url = new URL(next, base);
  if (url.origin !== base) return null;
  return url.pathname + url.search + url.hash;
}

export interface ClickInfo {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

export interface AnchorInfo {
  href: string;
  target: string;
  hasDownload: boolean;
  rel: string;
}

/**
 * The in-app path to navigate to for a click on a link, or null to let the browser handle it
 * (new tab, download, other origin, the API, or a plain in-page #fragment).
 */
export function interceptedPath(click: ClickInfo, anchor: AnchorInfo, current: URL): string | null {
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasDownload || /\bexternal\b/.test(anchor.rel)) return null;
  let url: URL;
  try {
    url = new URL(anchor.href, current);
  } catch {
    return null;
  }
  if (url.origin !== current.origin) return null;
  if (/^\/api(\/|$)/.test(url.pathname)) return null;
  if (url.pathname === current.pathname && url.search === current.search && url.hash) return null;
  return url.pathname + url.search + url.hash;
}
