import { z } from 'zod';
import { USER_ROLES } from './auth.ts';

/**
 * A producer's public page (`/producers/:id`): who they are, and — on the Pro plan — their storefront:
 * a headline, an accent from the app's palette (each one readable on the page's background), up to
 * three links and a featured beat.
 */
export const STOREFRONT_ACCENTS = ['violet', 'rose', 'ocean', 'forest', 'amber', 'slate'] as const;
export type StorefrontAccent = (typeof STOREFRONT_ACCENTS)[number];
export const STOREFRONT_MAX_LINKS = 3;

export const StorefrontLink = z
  .object({
    label: z.string().trim().min(1).max(40),
    // Only https: a storefront link must never be a javascript: or data: URL.
    url: z.url({ protocol: /^https$/ }).max(2048),
  })
  .strict()
  .meta({ id: 'StorefrontLink' });
export type StorefrontLink = z.infer<typeof StorefrontLink>;

export const Storefront = z
  .object({
    headline: z.string().trim().max(120),
    accent: z.enum(STOREFRONT_ACCENTS),
    links: z.array(StorefrontLink).max(STOREFRONT_MAX_LINKS),
    /** One of the producer's published beats, shown first; null for none. */
    featuredBeatId: z.string().min(1).max(64).nullable(),
  })
  .meta({ id: 'Storefront' });
export type Storefront = z.infer<typeof Storefront>;

export const UpdateStorefrontRequest = Storefront.strict().meta({ id: 'UpdateStorefrontRequest' });
export type UpdateStorefrontRequest = z.input<typeof UpdateStorefrontRequest>;

export const ProducerProfile = z
  .object({
    id: z.string(),
    displayName: z.string(),
    bio: z.string(),
    avatarUrl: z.string().nullable(),
    roles: z.array(z.enum(USER_ROLES)),
    /** Null unless the producer is on Pro and has set one up. */
    storefront: Storefront.nullable(),
  })
  .meta({ id: 'ProducerProfile' });
export type ProducerProfile = z.infer<typeof ProducerProfile>;

/** The producer's own view in the studio: their storefront as saved, and whether their plan shows it. */
export const MyStorefront = z
  .object({ storefront: Storefront, shown: z.boolean() })
  .meta({ id: 'MyStorefront' });
export type MyStorefront = z.infer<typeof MyStorefront>;
