// Home is the first screen of most visits: bundled with the shell rather than lazy-loaded.
import '../features/home/cs-home-page.ts';
import { messageId } from './message-id.ts';
import { RouteAccess, type RoutePattern } from './router.ts';

export interface AppRoute extends RoutePattern {
  /** The page element; defined once `load()` resolves. */
  tag: string;
  /** Catalog id of the page title (document title and route announcement). */
  titleId: string;
  access: RouteAccess;
  /** Fetches the page's code. Pages other than home are separate chunks, loaded when first visited. */
  load: () => Promise<unknown>;
  /** The catalog parts the page's strings live in, loaded with it (see web/build/catalog-parts.ts). */
  catalogParts?: readonly string[];
}

export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    tag: 'cs-home-page',
    titleId: messageId('home.title'),
    access: RouteAccess.anyone,
    // Imported statically above.
    load: async () => {},
  },
  {
    path: '/sign-in',
    tag: 'cs-sign-in-page',
    titleId: messageId('auth.signIn.title'),
    access: RouteAccess.guestsOnly,
    load: () => import('../features/auth/cs-sign-in-page.ts'),
  },
  {
    path: '/sign-up',
    tag: 'cs-sign-up-page',
    titleId: messageId('auth.signUp.title'),
    access: RouteAccess.guestsOnly,
    load: () => import('../features/auth/cs-sign-up-page.ts'),
  },
  {
    path: '/forgot-password',
    tag: 'cs-forgot-password-page',
    titleId: messageId('auth.forgot.title'),
    access: RouteAccess.guestsOnly,
    load: () => import('../features/auth/cs-forgot-password-page.ts'),
    catalogParts: ['recovery'],
  },
  {
    // Anyone: the link may be opened in a browser that is still signed in (success signs it out).
    path: '/reset-password',
    tag: 'cs-reset-password-page',
    titleId: messageId('auth.reset.title'),
    access: RouteAccess.anyone,
    load: () => import('../features/auth/cs-reset-password-page.ts'),
    catalogParts: ['recovery'],
  },
  {
    // Anyone: the link may be opened on any device, signed in or not.
    path: '/confirm-email',
    tag: 'cs-confirm-email-page',
    titleId: messageId('auth.emailChange.confirmTitle'),
    access: RouteAccess.anyone,
    load: () => import('../features/auth/cs-confirm-email-page.ts'),
    catalogParts: ['recovery'],
  },
  {
    path: '/profile',
    tag: 'cs-profile-page',
    titleId: messageId('profile.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/profile/cs-profile-page.ts'),
  },
  {
    path: '/settings',
    tag: 'cs-settings-page',
    titleId: messageId('settings.title'),
    access: RouteAccess.anyone,
    load: () => import('../features/settings/cs-settings-page.ts'),
    // The e-mail change form's strings are rarely needed: not in the first screen.
    catalogParts: ['recovery'],
  },
  {
    path: '/mixer',
    tag: 'cs-mixer-page',
    titleId: messageId('mixer.title'),
    access: RouteAccess.anyone,
    load: () => import('../features/mixer/cs-mixer-page.ts'),
  },
  {
    path: '/projects',
    tag: 'cs-projects-page',
    titleId: messageId('projects.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/projects/cs-projects-page.ts'),
    catalogParts: ['studio'],
  },
  {
    path: '/projects/:id',
    tag: 'cs-project-page',
    titleId: messageId('projects.project.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/projects/cs-project-page.ts'),
    // A song started from a licence shows its terms in the marketplace's words.
    catalogParts: ['studio', 'marketplace'],
  },
  {
    path: '/invite',
    tag: 'cs-invite-page',
    titleId: messageId('projects.invitePage.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/projects/cs-invite-page.ts'),
    catalogParts: ['studio'],
  },
  {
    path: '/lyrics',
    tag: 'cs-lyrics-page',
    titleId: messageId('lyrics.title'),
    access: RouteAccess.anyone,
    load: () => import('../features/lyrics/cs-lyrics-page.ts'),
    catalogParts: ['studio'],
  },
  {
    path: '/beats',
    tag: 'cs-beats-page',
    titleId: messageId('marketplace.browse.title'),
    access: RouteAccess.anyone,
    load: () => import('../features/marketplace/cs-beats-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/beats/:id',
    tag: 'cs-beat-page',
    titleId: messageId('marketplace.beatPage.title'),
    access: RouteAccess.anyone,
    load: () => import('../features/marketplace/cs-beat-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/producers/:id',
    tag: 'cs-producer-page',
    titleId: messageId('marketplace.producer.fallbackTitle'),
    access: RouteAccess.anyone,
    load: () => import('../features/marketplace/cs-producer-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/cart',
    tag: 'cs-cart-page',
    titleId: messageId('marketplace.cart.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/marketplace/cs-cart-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/checkout/test/:orderId',
    tag: 'cs-test-checkout-page',
    titleId: messageId('marketplace.testCheckout.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/marketplace/cs-test-checkout-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    // Where Stripe Checkout (and the test payment page) sends the buyer back, paid or not.
    path: '/orders/:id',
    tag: 'cs-order-page',
    titleId: messageId('library.order.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/library/cs-order-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/studio',
    tag: 'cs-studio-page',
    titleId: messageId('marketplace.studio.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/marketplace/cs-studio-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/studio/analytics',
    tag: 'cs-analytics-page',
    titleId: messageId('analytics.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/analytics/cs-analytics-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/library',
    tag: 'cs-library-page',
    titleId: messageId('library.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/library/cs-library-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/messages',
    tag: 'cs-messages-page',
    titleId: messageId('messages.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/messages/cs-messages-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/moderation',
    tag: 'cs-moderation-page',
    titleId: messageId('moderation.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/moderation/cs-moderation-page.ts'),
    catalogParts: ['marketplace'],
  },
  {
    path: '/messages/:id',
    tag: 'cs-messages-page',
    titleId: messageId('messages.title'),
    access: RouteAccess.membersOnly,
    load: () => import('../features/messages/cs-messages-page.ts'),
    catalogParts: ['marketplace'],
  },
];

export const NOT_FOUND_ROUTE: AppRoute = {
  path: '/*',
  tag: 'cs-not-found-page',
  titleId: messageId('notFound.title'),
  access: RouteAccess.anyone,
  load: () => import('./cs-not-found-page.ts'),
};

/** What the shell needs from a page element: a heading to move focus to after navigation. */
export interface RoutedPage extends HTMLElement {
  focusHeading?: () => void;
  updateComplete?: Promise<boolean>;
}
