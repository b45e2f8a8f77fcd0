import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionStatus } from '../features/auth/session-service.ts';
import { decideAccess, interceptedPath, matchRoute } from './router.ts';
import type { AppRoute, RoutedPage } from './routes.ts';

export type PageState = 'loading' | 'ready' | 'failed';

export interface RouteControllerOptions {
  routes: readonly AppRoute[];
  notFound: AppRoute;
  /** Read on every resolution: access rules depend on who is signed in. */
  sessionStatus: () => SessionStatus;
  /** A page was swapped in (update the title, announce it). */
  onPageShown: (route: AppRoute) => void;
  /** Focus target for pages without a focusable heading. */
  fallbackFocus: () => HTMLElement | null;
  /** Loads a catalog part a route's strings live in (AppRoute.catalogParts). */
  loadCatalogPart?: (part: string) => Promise<void>;
}

/**
 * Client-side routing on the History API for the shell: intercepts in-app link clicks (through shadow
 * roots), follows back/forward, applies access rules (redirecting with replaceState), lazy-loads page
 * chunks and, after a navigation, moves focus to the new page's heading.
 */
export class RouteController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RouteControllerOptions;
  #route: AppRoute | null = null;
  #page: RoutedPage | null = null;
  #state: PageState = 'loading';
  #request = 0;
  /** A navigation asked for focus to move; kept until a page is shown, even if a newer request supersedes it. */
  #focusPending = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RouteControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get route(): AppRoute | null {
    return this.#route;
  }

  get page(): RoutedPage | null {
    return this.#page;
  }

  get state(): PageState {
    return this.#state;
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
    this.#host.addEventListener('click', this.#onClick);
    void this.#show({ moveFocus: false });
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
    this.#host.removeEventListener('click', this.#onClick);
  }

  /** Goes to an in-app path and moves focus to the new page. */
  navigate(to: string, options: { replace?: boolean } = {}): void {
    const current = location.pathname + location.search + location.hash;
    if (to !== current) history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
    void this.#show({ moveFocus: true });
  }

  /** Re-resolves the current URL (after sign-in or sign-out, access rules may now redirect). */
  refresh(): void {
    void this.#show({ moveFocus: false });
  }

  /** Tries a page whose chunk failed to load again. */
  retry(): void {
    void this.#show({ moveFocus: true });
  }

  async #show(options: { moveFocus: boolean }): Promise<void> {
    const request = ++this.#request;
    if (options.moveFocus) this.#focusPending = true;
    let route: AppRoute;
    for (let redirects = 0; ; redirects++) {
      route = matchRoute(this.#options.routes, location.pathname)?.route ?? this.#options.notFound;
      const decision = decideAccess(route.access, this.#options.sessionStatus(), location);
      if (decision.kind === 'render') break;
      if (decision.kind === 'wait') {
        this.#setState('loading');
        return;
      }
      // A redirect is a page change the user did not ask for: focus follows it so they are not lost.
      history.replaceState(null, '', decision.to);
      this.#focusPending = true;
      if (redirects > 3) throw new Error(`Redirect loop at ${location.pathname}`);
    }
    if (route === this.#route && this.#page && this.#state === 'ready') {
      this.#host.requestUpdate();
      if (this.#focusPending) await this.#focusPage(request);
      return;
    }
    // Only show the spinner when the page's chunk really has to be fetched.
    if (!customElements.get(route.tag)) this.#setState('loading');
    try {
      await Promise.all([route.load(), ...(route.catalogParts ?? []).map((part) => this.#options.loadCatalogPart?.(part))]);
    } catch (error) {
      if (request !== this.#request) return;
      console.error(new Error(`Could not load the page for ${location.pathname}`, { cause: error }));
      this.#route = route;
      this.#page = null;
      this.#setState('failed');
      return;
    }
    // A newer navigation started while this chunk was loading: it wins.
    if (request !== this.#request) return;
    this.#route = route;
    this.#page = document.createElement(route.tag) as RoutedPage;
    this.#setState('ready');
    this.#host.requestUpdate();
    this.#options.onPageShown(route);
    if (this.#focusPending) await this.#focusPage(request);
  }

  async #focusPage(request: number): Promise<void> {
    await this.#host.updateComplete;
    const page = this.#page;
    await page?.updateComplete;
    if (request !== this.#request || !page) return;
    this.#focusPending = false;
    if (page.focusHeading) page.focusHeading();
    else this.#options.fallbackFocus()?.focus();
  }

  #setState(state: PageState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#host.requestUpdate();
  }

  readonly #onPopState = (): void => {
    void this.#show({ moveFocus: true });
  };

  readonly #onClick = (event: MouseEvent): void => {
    const anchor = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
    // The skip link handles itself: its fragment points into a shadow root.
    if (!anchor || anchor.classList.contains('skip-link')) return;
    const path = interceptedPath(
      event,
      { href: anchor.href, target: anchor.target, hasDownload: anchor.hasAttribute('download'), rel: anchor.rel },
      new URL(location.href),
    );
    if (path === null) return;
    event.preventDefault();
    this.navigate(path);
  };
}
