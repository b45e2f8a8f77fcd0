import { secureHeaders } from 'hono/secure-headers';
import type { MiddlewareHandler } from 'hono';

/**
 * Security headers on every response, API and static files alike.
 *
 * The CSP allows only our own origin for scripts (AudioWorklet modules and Web Workers load from it;
 * 'wasm-unsafe-eval' lets the DSP and PGlite-style WASM compile), styles (Lit uses constructable
 * stylesheets, which CSP does not block) and connections, naming the sync socket's ws/wss origin
 * explicitly because older engines do not treat ws: as 'self'.
 */
export function securityHeaders(options: { publicOrigin: string | undefined }): MiddlewareHandler {
  const socketSources = (c: Parameters<MiddlewareHandler>[0]) => {
    const origin = options.publicOrigin ?? `http://${safeHost(c.req.header('host'))}`;
    const { host } = new URL(origin);
    return [`ws://${host}`, `wss://${host}`];
  };
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      mediaSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", (c) => socketSources(c).join(' ')],
      workerSrc: ["'self'", 'blob:'],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], geolocation: [], microphone: ['self'] },
  });
}

/** The Host header as sent, if it is a plain host[:port]; anything else must not reach a header value. */
function safeHost(host: string | undefined): string {
  return host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
}
