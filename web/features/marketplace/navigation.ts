/** Asks the shell to go to an in-app path (cs-app listens for cs-navigate). */
export function navigate(from: HTMLElement, to: string, options: { replace?: boolean } = {}): void {
  from.dispatchEvent(new CustomEvent('cs-navigate', { detail: { to, replace: options.replace ?? false }, bubbles: true, composed: true }));
}

/**
 * Follows a URL the API returned: an in-app path through the router (the test-mode checkout page),
 * anything else (Stripe Checkout) by leaving the app.
 */
export function followUrl(from: HTMLElement, url: string, assign: (url: string) => void = (target) => window.location.assign(target)): void {
  if (url.startsWith('/') && !url.startsWith('//')) navigate(from, url);
  else assign(url);
}
