import type { FastifyInstance } from 'fastify';

/**
 * The console's and the portal's Content Security Policy: scripts only from this origin (the Vite build has no
 * inline script), styles also inline because antd writes its CSS-in-JS into <style> tags, images also as data:/blob:
 * (attachment previews are blob URLs), no plugins, no <base>, no framing.
 */
export const CONSOLE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'",
  "font-src 'self' data:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

/** API answers are data, never documents: nothing in them may load or run. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Neither the console nor the portal uses the camera, the microphone or the location (the portal's map is a schematic). */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

const DOCS = /^\/api\/docs(\/|$)/;
const API = /^\/(api|open311)(\/|$)/;

/**
 * Security headers on every answer. A header a route set itself wins (attachments and report print pages keep their
 * own, stricter CSPs); Swagger UI at /api/docs gets no CSP because its page runs inline script.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { production: boolean }): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const set = (name: string, value: string) => { if (!reply.hasHeader(name)) void reply.header(name, value); };
    set('x-content-type-options', 'nosniff');
    // A route's own frame-ancestors (the report print page allows 'self') must not be contradicted by X-Frame-Options.
    if (!String(reply.getHeader('content-security-policy') ?? '').includes('frame-ancestors')) set('x-frame-options', 'DENY');
    set('referrer-policy', 'strict-origin-when-cross-origin');
    set('cross-origin-opener-policy', 'same-origin');
    set('permissions-policy', PERMISSIONS_POLICY);
    // Only behind TLS: a development server on plain http must not teach the browser to insist on https for localhost.
    if (options.production) set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const path = req.url.split('?')[0] ?? '/';
    if (!DOCS.test(path)) set('content-security-policy', API.test(path) ? API_CSP : CONSOLE_CSP);
    return payload;
  });
}
