import { describe, expect, it } from 'vitest';
import { SessionStatus } from '../features/auth/session-service.ts';
import { decideAccess, interceptedPath, matchRoute, normalizePath, RouteAccess, safeNextPath, type ClickInfo } from './router.ts';

const routes = [{ path: '/' }, { path: '/profile' }, { path: '/settings' }, { path: '/beats/:id' }];

describe('matchRoute', () => {
  it('matches literal paths, ignoring trailing and doubled slashes', () => {
    expect(matchRoute(routes, '/')?.route.path).toBe('/');
    expect(matchRoute(routes, '/profile')?.route.path).toBe('/profile');
    expect(matchRoute(routes, '/profile/')?.route.path).toBe('/profile');
    expect(matchRoute(routes, '//settings')?.route.path).toBe('/settings');
  });

  it('extracts decoded parameters', () => {
    expect(matchRoute(routes, '/beats/a%20b')).toEqual({ route: { path: '/beats/:id' }, params: { id: 'a b' } });
  });

  it('returns null for unknown paths and malformed escapes', () => {
    expect(matchRoute(routes, '/nope')).toBeNull();
    expect(matchRoute(routes, '/profile/extra')).toBeNull();
    expect(matchRoute(routes, '/beats/%E0%A4%A')).toBeNull();
  });

  it('normalises paths', () => {
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('/a//b/')).toBe('/a/b');
  });
});

describe('decideAccess', () => {
  const at = { pathname: '/profile', search: '?tab=roles' };

  it('renders public pages for everyone', () => {
    for (const status of Object.values(SessionStatus)) expect(decideAccess(RouteAccess.anyone, status, at)).toEqual({ kind: 'render' });
  });

  it('sends guests to sign in and remembers where they were going', () => {
    const decision = decideAccess(RouteAccess.membersOnly, SessionStatus.signedOut, at);
    expect(decision).toEqual({ kind: 'redirect', to: '/sign-in?next=%2Fprofile%3Ftab%3Droles' });
    if (decision.kind !== 'redirect') throw new Error('expected a redirect');
    expect(safeNextPath(new URL(decision.to, 'https://x.test').search)).toBe('/profile?tab=roles');
  });

  it('waits while the session is being restored', () => {
    expect(decideAccess(RouteAccess.membersOnly, SessionStatus.restoring, at)).toEqual({ kind: 'wait' });
  });

  it('moves signed-in users past the sign-in page, to next when it is safe', () => {
    expect(decideAccess(RouteAccess.guestsOnly, SessionStatus.signedIn, { pathname: '/sign-in', search: '?next=/settings' })).toEqual({
      kind: 'redirect',
      to: '/settings',
    });
    expect(decideAccess(RouteAccess.guestsOnly, SessionStatus.signedIn, { pathname: '/sign-in', search: '?next=//evil.test' })).toEqual({
      kind: 'redirect',
      to: '/',
    });
    expect(decideAccess(RouteAccess.guestsOnly, SessionStatus.signedOut, { pathname: '/sign-in', search: '' })).toEqual({ kind: 'render' });
  });
});

describe('safeNextPath', () => {
  it('accepts same-site paths only', () => {
    expect(safeNextPath('?next=/profile')).toBe('/profile');
    expect(safeNextPath('?next=%2Fsettings%23password')).toBe('/settings#password');
    for (const bad of ['//evil.test', 'https://evil.test/', '/\\evil.test', 'javascript:alert(1)', 'profile', '']) {
      expect(safeNextPath(`?${new URLSearchParams({ next: bad })}`)).toBeNull();
    }
    expect(safeNextPath('')).toBeNull();
  });
});

describe('interceptedPath', () => {
  const current = new URL('https://app.test/profile');
  const plainClick: ClickInfo = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  const link = (href: string, extra: Partial<{ target: string; hasDownload: boolean; rel: string }> = {}) => ({
    href,
    target: '',
    hasDownload: false,
    rel: '',
    ...extra,
  });

  it('routes plain clicks on same-origin links in the app', () => {
    expect(interceptedPath(plainClick, link('https://app.test/settings?x=1'), current)).toBe('/settings?x=1');
    expect(interceptedPath(plainClick, link('/'), current)).toBe('/');
  });

  it('leaves modified clicks, other targets, downloads and other origins to the browser', () => {
    expect(interceptedPath({ ...plainClick, ctrlKey: true }, link('/settings'), current)).toBeNull();
    expect(interceptedPath({ ...plainClick, button: 1 }, link('/settings'), current)).toBeNull();
    expect(interceptedPath({ ...plainClick, defaultPrevented: true }, link('/settings'), current)).toBeNull();
    expect(interceptedPath(plainClick, link('/settings', { target: '_blank' }), current)).toBeNull();
    expect(interceptedPath(plainClick, link('/settings', { hasDownload: true }), current)).toBeNull();
    expect(interceptedPath(plainClick, link('https://elsewhere.test/'), current)).toBeNull();
    expect(interceptedPath(plainClick, link('/api/auth/profile'), current)).toBeNull();
    expect(interceptedPath(plainClick, link('#main'), current)).toBeNull();
  });
});
