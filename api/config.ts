import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the server reads, from the environment, validated once at start-up.
 * The defaults run the whole product on one laptop with nothing installed; the optional
 * URLs switch on the scaled-out parts (PostgreSQL, Redis, S3, Stripe). README lists them.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().optional(),
  PUBLIC_ORIGIN: z.url().optional(),
  CORS_ORIGINS: z.string().default(''),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_SIGNED_IN_MAX: z.coerce.number().int().min(1).default(1000),
  SIGNUP_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  STATIC_DIR: z.string().default('./dist'),
  SYNC_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  SYNC_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(60),
  SYNC_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(10).default(500),
  STORAGE_DIR: z.string().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.url().optional(),
  STEMS_MAX_ENTRIES: z.coerce.number().int().min(1).default(256),
  STEMS_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 ** 3),
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  MODERATOR_EMAILS: z.string().default(''),
  DEMO_CATALOG: z.enum(['on', 'off']).default('on'),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('CreatorSync <no-reply@creatorsync.localhost>'),
  MAIL_OUTBOX_DIR: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** Origins allowed to call the API from a browser, besides the app's own. */
  corsOrigins: string[];
  /** The app's public origin when known (behind a proxy); used for the CSP's websocket source and links in e-mails. */
  publicOrigin: string | undefined;
  /**
   * Outgoing e-mail (password resets): through the SMTP server at `smtpUrl`, or, without one, written
   * as .eml files to `outboxDir` (a laptop has no mail server; the log says where each one went).
   */
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  bodyLimitBytes: number;
  /** How long the rest of a body refused for its size is read (and thrown away) so its connection stays usable. */
  bodyDrainMs: number;
  rateLimit: { windowSeconds: number; max: number; signedInMax: number; signUpsPerHour: number };
  /** Whether X-Forwarded-For names the client (only behind a proxy you run). */
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  staticDir: string;
  sync: { maxFrameBytes: number; messagesPerSecond: number; compactAfterUpdates: number };
  /** Uploaded files: a local folder (default `<DATA_DIR>/files`), or an S3-compatible bucket when `s3` is set. */
  storage: {
    dir: string;
    s3:
      | { bucket: string; endpoint: string | undefined; region: string; accessKeyId: string | undefined; secretAccessKey: string | undefined; forcePathStyle: boolean }
      | undefined;
  };
  /** Largest audio upload; bigger ones get 413 and nothing is stored. */
  uploadMaxBytes: number;
  /** Stripe: without a secret key the store runs in TEST MODE (no money moves). `stripeApiBase` points the SDK elsewhere (a local fake in tests). */
  payments: { stripeSecretKey: string | undefined; stripeWebhookSecret: string | undefined; stripeApiBase: string | undefined };
  /** Stems zips: most entries, most unpacked bytes, highest unpacked : packed ratio (zip bombs). */
  stems: { maxEntries: number; maxUncompressedBytes: number; maxRatio: number };
  /** New messages one user may send per minute (retries of a stored message are free). */
  messagesPerMinute: number;
  /** E-mail addresses of the accounts that work the report queue (/api/moderation), lower case. */
  moderatorEmails: string[];
  /** Whether start-up seeds the demo store into an empty catalog. */
  demoCatalog: boolean;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    corsOrigins: e.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    publicOrigin: e.PUBLIC_ORIGIN,
    jwtSecret: e.JWT_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    bodyDrainMs: 5000,
    rateLimit: {
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      max: e.RATE_LIMIT_MAX,
      signedInMax: e.RATE_LIMIT_SIGNED_IN_MAX,
      signUpsPerHour: e.SIGNUP_RATE_LIMIT_PER_HOUR,
    },
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
    sync: {
      maxFrameBytes: e.SYNC_MAX_FRAME_BYTES,
      messagesPerSecond: e.SYNC_MESSAGES_PER_SECOND,
      compactAfterUpdates: e.SYNC_COMPACT_AFTER_UPDATES,
    },
    storage: {
      dir: e.STORAGE_DIR ?? path.join(e.DATA_DIR, 'files'),
      s3: e.S3_BUCKET
        ? {
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          }
        : undefined,
    },
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    payments: { stripeSecretKey: e.STRIPE_SECRET_KEY, stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET, stripeApiBase: e.STRIPE_API_BASE },
    stems: { maxEntries: e.STEMS_MAX_ENTRIES, maxUncompressedBytes: e.STEMS_MAX_UNCOMPRESSED_BYTES, maxRatio: 100 },
    messagesPerMinute: e.MESSAGES_PER_MINUTE,
    moderatorEmails: e.MODERATOR_EMAILS.split(',').map((email) => email.trim().toLowerCase()).filter(Boolean),
    demoCatalog: e.DEMO_CATALOG === 'on',
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: e.MAIL_OUTBOX_DIR ?? path.join(e.DATA_DIR, 'outbox') },
  };
}

/** The configuration tests start from: everything embedded and in memory. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // No demo store in tests unless a test asks for it.
  return { ...loadConfig({}), logLevel: 'silent', demoCatalog: false, ...overrides };
}
