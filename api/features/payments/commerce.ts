import { hkdfSync } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { SigningKeys } from '../../platform/signing-keys.ts';
import type { Storage } from '../../storage/storage.ts';
import type { AuthService } from '../auth/service.ts';
import { couponRoutes } from '../coupons/routes.ts';
import { createCouponsService } from '../coupons/service.ts';
import { licenceRoutes } from '../licences/routes.ts';
import { createDeliveryFiles } from '../licences/delivery-files.ts';
import { createLicencesService } from '../licences/service.ts';
import { createSalesService } from './sales.ts';
import { salesRoutes } from './sales-routes.ts';
import type { PreviewRenderer } from '../beats/preview/preview-renderer.ts';
import { subscriptionRoutes } from '../subscriptions/routes.ts';
import { createSubscriptionsService } from '../subscriptions/service.ts';
import { createCheckoutService } from './checkout.ts';
import { createEventHandler, type EventHandlerDeps } from './event-handler.ts';
import type { PaymentGateway } from './gateway.ts';
import { paymentRoutes } from './routes.ts';
import { createSplitsService } from './splits.ts';
import { createStripeClient, createStripeGateway } from './stripe-gateway.ts';
import { createTestGateway } from './test-gateway.ts';
import { sendOrderMails } from './order-mails.ts';
import type { Mailer } from '../../platform/mailer.ts';

export interface CommerceDeps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  keys: SigningKeys;
  storage: Storage;
  auth: AuthService;
  /** The worker that encodes audio (licence delivery files here; previews in features/beats). */
  previews: PreviewRenderer;
  /** A gateway to use instead of the one the config names (tests). */
  gateway?: PaymentGateway | undefined;
  /** Test seam of the event handler (see EventHandlerDeps.beforeCommit). */
  beforeCommit?: EventHandlerDeps['beforeCommit'];
  /** Receipts and sale notices; undefined sends none. */
  mailer?: Mailer | undefined;
}

/** The gateway the configuration asks for: Stripe with STRIPE_SECRET_KEY, TEST MODE without. */
export function gatewayFromConfig(config: Config['payments']): PaymentGateway {
  if (!config.stripeSecretKey) return createTestGateway();
  const options = { secretKey: config.stripeSecretKey, webhookSecret: config.stripeWebhookSecret, apiBase: config.stripeApiBase };
  return createStripeGateway(createStripeClient(options), options);
}

/**
 * Wires the marketplace's money side: licences, checkout and payment events, coupons, splits and
 * subscriptions, and their routers. `mountBeforeBeats` hangs off /api/beats/{id}/… and must be
 * registered before the beats router (whose sign-in rule would otherwise cover the free download).
 */
export function createCommerce(deps: CommerceDeps) {
  const { config, db, clock, logger } = deps;
  const gateway = deps.gateway ?? gatewayFromConfig(config.payments);
  if (gateway.mode === 'test') logger.warn('payments run in TEST MODE: no STRIPE_SECRET_KEY, no money moves');
  // Its own key, derived for this purpose only: a download link can never pass as any other token.
  const downloadKey = new Uint8Array(hkdfSync('sha256', deps.keys.accessTokens, Buffer.alloc(0), 'creatorsync:download-link', 32));
  const deliveryFiles = createDeliveryFiles({ db, storage: deps.storage, previews: deps.previews, logger });
  const licences = createLicencesService({ db, clock, storage: deps.storage, logger, uploadMaxBytes: config.uploadMaxBytes, stemsLimits: config.stems, downloadKey, deliveryFiles });
  const coupons = createCouponsService({ db, clock });
  const events = createEventHandler({
    db,
    clock,
    logger,
    gateway,
    beforeCommit: deps.beforeCommit,
    onOrderPaid: deps.mailer ? (orderId) => sendOrderMails({ db, mailer: deps.mailer!, logger, libraryOrigin: config.publicOrigin?.replace(/\/+$/, '') }, orderId) : undefined,
  });
  const checkout = createCheckoutService({ db, clock, gateway, coupons, licences, events });
  const splits = createSplitsService({ db });
  const subscriptions = createSubscriptionsService({ db, clock, gateway, events, logger });
  return {
    gateway,
    events,
    subscriptions,
    licenceRouter: licenceRoutes({ auth: deps.auth, licences }),
    paymentRouter: paymentRoutes({ auth: deps.auth, checkout, events, gateway, splits, publicOrigin: config.publicOrigin }),
    couponRouter: couponRoutes({ auth: deps.auth, coupons }),
    salesRouter: salesRoutes({ auth: deps.auth, sales: createSalesService({ db, clock, logger, gateway }) }),
    subscriptionRouter: subscriptionRoutes({ auth: deps.auth, subscriptions, publicOrigin: config.publicOrigin }),
  };
}
