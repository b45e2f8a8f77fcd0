import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { requestId } from 'hono/request-id';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { AppError } from './errors/app-error.ts';
import { createAccessTokenSigner } from './features/auth/access-tokens.ts';
import { createLoginThrottle, type LoginThrottleLimits } from './features/auth/login-throttle.ts';
import { bearerToken } from './features/auth/require-auth.ts';
import { aiRoutes } from './features/ai/routes.ts';
import { beatRoutes } from './features/beats/routes.ts';
import { createWorkerPreviewRenderer } from './features/beats/preview/preview-renderer.ts';
import { createBeatsService } from './features/beats/service.ts';
import { appealRoutes, moderationRoutes } from './features/moderation/routes.ts';
import { createModerationService } from './features/moderation/service.ts';
import type { Storage } from './storage/storage.ts';
import { storageFromConfig } from './storage/storage-from-config.ts';
import { createCommerce } from './features/payments/commerce.ts';
import { authRoutes } from './features/auth/routes.ts';
import { createAuthService } from './features/auth/service.ts';
import { API_DOCS_CSS, renderApiDocs } from './features/docs/render-docs.ts';
import { healthRoutes } from './features/health/routes.ts';
import { projectRoutes } from './features/projects/routes.ts';
import { versionRoutes } from './features/projects/version-routes.ts';
import { createVersionsService } from './features/projects/versions.ts';
import { createProjectsService } from './features/projects/service.ts';
import { createStartSongService } from './features/projects/start-song.ts';
import { startSongRoutes } from './features/projects/start-song-routes.ts';
import { findMemberRole } from './features/projects/queries.ts';
import { findUserById } from './features/auth/queries.ts';
import { createDocumentStore } from './collab/document-store.ts';
import { createLocalFanout, createLocalTopicFanout, createRedisFanout, createRedisTopicFanout } from './collab/fanout.ts';
import { createMessagesLive, LIVE_TICKET_DOCUMENT } from './features/messages/live-server.ts';
import { messageRoutes } from './features/messages/routes.ts';
import { analyticsRoutes, playRoutes } from './features/analytics/routes.ts';
import { createAnalyticsService } from './features/analytics/service.ts';
import { listenerSalt } from './features/analytics/listener.ts';
import { pluginRoutes } from './features/plugins/routes.ts';
import { storefrontRoutes } from './features/storefronts/routes.ts';
import { createStorefrontsService } from './features/storefronts/service.ts';
import { createPasswordResetService } from './features/auth/password-reset.ts';
import { createAccountDeletionService } from './features/auth/account-deletion.ts';
import { accountRoutes } from './features/auth/account-routes.ts';
import { passwordResetRoutes } from './features/auth/password-reset-routes.ts';
import { emailChangeRoutes } from './features/auth/email-change-routes.ts';
import { createEmailChangeService } from './features/auth/email-change.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { sendAccountNotice } from './features/moderation/account-notice.ts';
import { createPluginsService } from './features/plugins/service.ts';
import { createMessagesService } from './features/messages/service.ts';
import { createUnreadMailer } from './features/messages/unread-mail.ts';
import { createSyncServer } from './collab/sync-server.ts';
import { createTicketIssuer, TICKET_TTL_SECONDS } from './collab/tickets.ts';
import type { ProjectRole } from '../shared/schemas/projects.ts';
import { clientIp } from './http/client-ip.ts';
import { errorResponse } from './http/error-response.ts';
import { createRouter } from './http/openapi-hono.ts';
import { rateLimit } from './http/rate-limit.ts';
import { drainRefusedBody } from './http/refused-body.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticFiles } from './http/static-files.ts';
import type { Clock } from './platform/clock.ts';
import type { Logger } from './platform/logger.ts';
import { createRateLimiterFactory } from './platform/rate-limiters.ts';
import type { SigningKeys } from './platform/signing-keys.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  keys: SigningKeys;
  /** Shared counters and fan-out across instances; undefined runs everything in process. */
  redis?: Redis | undefined;
  /** Tests tighten or loosen sign-in throttling; production uses the defaults. */
  loginThrottle?: LoginThrottleLimits | undefined;
  /** Folder of the built PWA to serve; undefined serves the API only. */
  staticDir?: string | undefined;
  /** Uploaded files; undefined uses what the config names (STORAGE_DIR or S3). */
  storage?: Storage | undefined;
  /** Outgoing e-mail; undefined uses what the config names (SMTP_URL, or the outbox folder). */
  mailer?: Mailer | undefined;
}

/**
 * Builds the whole HTTP application and the sync server from their dependencies. Nothing here opens
 * sockets, reads the environment or touches global state: api/server.ts wires the real parts and
 * attaches the sync server to its HTTP server; tests wire PGlite.
 */
export function createApp(deps: AppDeps) {
  const { config, database, clock, logger, keys } = deps;
  const limiters = createRateLimiterFactory(deps.redis);
  const signer = createAccessTokenSigner(keys.accessTokens, config.accessTokenTtlSeconds);
  const loginThrottle = createLoginThrottle(limiters, deps.loginThrottle);
  const auth = createAuthService({
    db: database.db,
    clock,
    signer,
    throttle: loginThrottle,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
  });

  const tickets = createTicketIssuer({ secret: keys.syncTickets, db: database.db, clock });
  const documents = createDocumentStore({ db: database.db, clock });
  const sync = createSyncServer({
    store: documents,
    fanout: deps.redis ? createRedisFanout(deps.redis, logger) : createLocalFanout(),
    tickets,
    logger,
    roleOf: async (projectId, userId) => (await findMemberRole(database.db, projectId, userId)) as ProjectRole | undefined,
    displayNameOf: async (userId) => (await findUserById(database.db, userId))?.displayName ?? '',
    allowedOrigins: config.corsOrigins,
    maxFrameBytes: config.sync.maxFrameBytes,
    messagesPerSecond: config.sync.messagesPerSecond,
    compactAfterUpdates: config.sync.compactAfterUpdates,
  });
  const mailer = deps.mailer ?? createMailer({ ...config.mail, logger });
  const projects = createProjectsService({
    db: database.db,
    clock,
    mail: { mailer, logger },
    onMembershipChanged: (projectId, userId) => {
      sync.membershipChanged(projectId, userId).catch((error: unknown) => logger.error('could not close sockets of a changed member', { error }));
    },
  });

  const app = createRouter();

  app.use(requestId({ limitLength: 64 }));
  app.use(requestLog(logger));
  app.use(securityHeaders({ publicOrigin: config.publicOrigin }));
  app.use(async (c, next) => {
    c.set('clientIp', clientIp(c, config.trustProxy));
    await next();
  });
  app.use(compress());

  app.use(
    '/api/*',
    cors({
      // Same-origin calls need no CORS; only configured origins may call cross-origin, with cookies.
      origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['Content-Type', 'Authorization', 'Accept-Language', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Language'],
      maxAge: 600,
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: async (c) => {
      await drainRefusedBody(c, config.bodyDrainMs);
      throw new AppError('payload_too_large', { params: { limit: config.bodyLimitBytes } });
    },
  });
  // Beat audio, voice tags and stems zips stream to storage under their own limits, checked as they arrive.
  app.use('/api/*', (c, next) => (/^\/api\/beats\/[^/]+\/(audio|stems|voice-tag)$/.test(c.req.path) ? next() : jsonBodyLimit(c, next)));
  app.use('/api/*', etag({ weak: true }));
  const limited = rateLimit({
    limiters,
    windowSeconds: config.rateLimit.windowSeconds,
    max: config.rateLimit.max,
    signedInMax: config.rateLimit.signedInMax,
    userIdFromToken: async (header) => {
      const token = bearerToken(header);
      if (!token) return undefined;
      return signer.verify(token, clock.now()).then(
        (claims) => claims.userId,
        () => undefined,
      );
    },
  });
  app.use('/api/*', async (c, next) => {
    // Health probes come from the load balancer many times a minute; they are not a client's budget.
    // Stripe's webhook deliveries are signed (checked first thing) and must never be throttled away.
    if (c.req.path === '/api/health' || c.req.path === '/api/ready' || c.req.path === '/api/payments/webhook') return next();
    return limited(c, next);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.route('/api', healthRoutes({ database, pingRedis: deps.redis ? async () => void (await deps.redis!.ping()) : undefined }));
  app.route(
    '/api/auth',
    passwordResetRoutes({ passwordResets: createPasswordResetService({ db: database.db, clock, mailer, logger, throttle: loginThrottle }), limiters, publicOrigin: config.publicOrigin }),
  );
  // The payment side is wired further down; the change only needs it once a link is opened.
  const emailChanges = createEmailChangeService({ db: database.db, clock, mailer, logger, onChanged: (userId, email) => commerce.subscriptions.billingEmailChanged(userId, email) });
  app.route('/api/auth', emailChangeRoutes({ auth, emailChanges, limiters, publicOrigin: config.publicOrigin }));
  app.route(
    '/api/auth',
    authRoutes({
      auth,
      clock,
      deviceSecret: keys.deviceCookies,
      limiters,
      allowedOrigins: config.corsOrigins,
      signUpsPerHour: config.rateLimit.signUpsPerHour,
    }),
  );

  const versions = createVersionsService({ db: database.db, clock, projects, sync });
  app.route('/api/projects', versionRoutes({ auth, versions }));
  app.route('/api/projects', projectRoutes({ auth, projects, tickets, publicOrigin: config.publicOrigin }));
  app.route('/api', startSongRoutes({ auth, startSong: createStartSongService({ db: database.db, projects, sync }) }));
  app.route('/api/ai', aiRoutes({ auth, db: database.db, clock }));
  const messagesLive = createMessagesLive({
    fanout: deps.redis ? createRedisTopicFanout(deps.redis, logger, 'cs:messages:') : createLocalTopicFanout(),
    logger,
    allowedOrigins: config.corsOrigins,
    redeemTicket: async (ticket) => {
      const redeemed = await tickets.redeem(ticket, LIVE_TICKET_DOCUMENT);
      return 'userId' in redeemed ? redeemed.userId : undefined;
    },
    authenticate: (token) => auth.authenticate(token).then((claims) => claims.userId, () => undefined),
  });
  const messages = createMessagesService({
    db: database.db,
    clock,
    sendLimiter: limiters.create({ keyPrefix: 'messages-send', points: config.messagesPerMinute, durationSeconds: 60 }),
    // The message is stored before this runs; a live push that fails (Redis down) only delays it
    // until the recipient's next fetch, so it is logged rather than failing the send.
    notify: (userIds, event) => messagesLive.publish(userIds, event).catch((error: unknown) => logger.warn('live message push failed', { error })),
  });
  app.route(
    '/api/messages',
    messageRoutes({
      auth,
      messages,
      issueLiveTicket: async (userId) => ({ ticket: await tickets.issue(userId, LIVE_TICKET_DOCUMENT), expiresInSeconds: TICKET_TTL_SECONDS }),
    }),
  );
  const analytics = createAnalyticsService({ db: database.db, clock, listenerSalt: listenerSalt(keys.accessTokens) });
  app.route('/api/analytics', analyticsRoutes({ auth, analytics }));
  app.route('/api', storefrontRoutes({ auth, storefronts: createStorefrontsService({ db: database.db, clock }) }));
  app.route('/api/plugins', pluginRoutes({ auth, plugins: createPluginsService({ db: database.db, clock }) }));
  /** Closes every socket of an account (sync and live messages) on every instance. */
  const signOutEverywhere = async (userId: string) => void (await Promise.all([sync.signedOut(userId), messagesLive.signOut(userId)]));
  const moderation = createModerationService({
    db: database.db,
    clock,
    logger,
    moderatorEmails: config.moderatorEmails,
    effects: {
      accountSuspended: signOutEverywhere,
      tellAccountHolder: (userId, change) => sendAccountNotice({ db: database.db, mailer }, userId, change),
      messageRemoved: (message, participantIds) => messagesLive.publish(participantIds, { type: 'message-removed', message }),
    },
  });
  app.route('/api/moderation', moderationRoutes({ auth, moderation }));
  app.route('/api/auth', appealRoutes({ auth, moderation }));
  // Before the beats router: recording a play is open to guests, the beats router's POSTs are not.
  app.route('/api/beats', playRoutes({ auth, analytics }));
  const storage = deps.storage ?? storageFromConfig(config.storage);
  // One audio worker for the whole app: previews, voice tags and licence delivery files queue on it.
  const previews = createWorkerPreviewRenderer();
  const commerce = createCommerce({ config, db: database.db, clock, logger, keys, storage, auth, previews, mailer });
  // Before the beats router: its sign-in rule for POST /beats/{id}/* would cover the (guest) free download.
  app.route('/api', commerce.licenceRouter);
  app.route('/api', commerce.paymentRouter);
  app.route('/api/coupons', commerce.couponRouter);
  app.route('/api/sales', commerce.salesRouter);
  app.route('/api/subscriptions', commerce.subscriptionRouter);
  const beats = createBeatsService({ db: database.db, clock, logger, storage, uploadMaxBytes: config.uploadMaxBytes, uploadLimitOf: commerce.subscriptions.uploadLimitOf, previews });
  app.route('/api/beats', beatRoutes({ auth, beats }));
  const deletion = createAccountDeletionService({
    db: database.db,
    clock,
    logger,
    effects: {
      stopBilling: async (userId) => {
        try {
          await commerce.subscriptions.cancel(userId);
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'subscription_not_found')) throw error;
        }
      },
      signedOut: signOutEverywhere,
      ownerChanged: (projectId, heirId) => sync.membershipChanged(projectId, heirId),
      removeBeatUnlessLicensed: async (userId, beatId) => {
        try {
          await beats.remove(userId, beatId);
        } catch (error) {
          // Licensed: it stays, withheld, for its buyers. Anything else is the caller's to log.
          if (!(error instanceof AppError && error.code === 'beat_has_licences')) throw error;
        }
      },
    },
  });
  app.route('/api/auth', accountRoutes({ auth, deletion }));

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'CreatorSync API',
      version: '0.1.0',
      description:
        'Accounts, the beat marketplace, The Finisher and Mixmaster1. Errors always have the shape { "error": { "code", "message" } }, the message in the language of Accept-Language.',
    },
  };
  app.doc31('/api/openapi.json', openApiConfig);
  app.get('/api/docs', (c) => c.html(renderApiDocs(app.getOpenAPI31Document(openApiConfig) as unknown as Record<string, unknown>)));
  app.get('/api/docs/docs.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(API_DOCS_CSS);
  });

  app.all('/api/*', () => {
    throw new AppError('not_found');
  });
  if (deps.staticDir) app.route('/', staticFiles(deps.staticDir));

  app.notFound((c) => errorResponse(new AppError('not_found'), c, logger));
  app.onError((error, c) => errorResponse(error, c, logger));

  const unreadMail = createUnreadMailer({ db: database.db, clock, mailer, logger, publicOrigin: config.publicOrigin });
  return { app, sync, projects, tickets, documents, messagesLive, beats, mailer, moderation, unreadMail, subscriptions: commerce.subscriptions };
}

export type App = ReturnType<typeof createApp>['app'];
