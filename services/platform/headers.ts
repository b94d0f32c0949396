// Browser-facing headers on every response the server sends: the console, the
// API, uploads, Cube, /healthz, 404s and the 503s while starting. helmet sets
// them (nosniff, X-Frame-Options, Referrer-Policy, HSTS, COOP/CORP, …) with a
// Content-Security-Policy made for the console: a Vite build whose scripts are
// files under /admin/assets, while MUI (emotion) injects <style> elements at run
// time, hence 'unsafe-inline' for styles only. No page may be framed.
// The GraphQL IDE (development only) widens it for its own pages: graphql/ide.ts.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

type Directives = Record<string, string[]>;

export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The header value, for pages that set their own policy on top of `CSP_DIRECTIVES`. */
export const cspHeader = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

export function securityHeaders(): RequestHandler {
  return helmet({
    // useDefaults: false, so nothing unlisted (e.g. upgrade-insecure-requests, which
    // breaks a console served over plain http on a county intranet) slips in.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    // Global ids and region codes in URLs stay on this site.
    referrerPolicy: { policy: 'no-referrer' },
  });
}
