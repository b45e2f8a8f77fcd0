import { describe, expect, it } from 'vitest';
import { isShellNavigation, isSkipWaitingMessage } from './routing-rules.ts';

describe('isShellNavigation', () => {
  it('serves the shell for app routes', () => {
    for (const path of ['/', '/profile', '/settings', '/sign-in', '/apiary']) expect(isShellNavigation(path)).toBe(true);
  });

  it('never answers API navigations from the shell', () => {
    for (const path of ['/api', '/api/', '/api/auth/profile', '/sw.js']) expect(isShellNavigation(path)).toBe(false);
  });
});

describe('isSkipWaitingMessage', () => {
  it('recognises workbox-window skip-waiting messages only', () => {
    expect(isSkipWaitingMessage({ type: 'SKIP_WAITING' })).toBe(true);
    expect(isSkipWaitingMessage({ type: 'OTHER' })).toBe(false);
    expect(isSkipWaitingMessage('SKIP_WAITING')).toBe(false);
    expect(isSkipWaitingMessage(null)).toBe(false);
  });
});
