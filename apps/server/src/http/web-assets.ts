import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** apps/web/dist, built by `npm run build:web` (scripts/build-web.mjs; `npm start` builds it when stale). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const LONG_CACHE = 'public, max-age=31536000, immutable';

export interface WebAssets {
  /** Answer a request no route matched with the console's index.html, or return false (the caller sends the API's 404). */
  fallback: (req: FastifyRequest, reply: FastifyReply) => boolean;
}

/**
 * Paths the console owns: its client-side routes. Never the API, never hashed assets, never a file name (a missing
 * `/assets/x.js` or `/robots.txt` is a 404, not index.html).
 */
function isConsolePath(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return false;
  return !(path.split('/').pop() ?? '').includes('.');
}

function wantsConsole(req: FastifyRequest): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && isConsolePath(req.url.split('?')[0] ?? '/');
}

/**
 * Serve the staff console from its build on the API's port: files as they are (hashed `/assets/*` cached for a year,
 * everything else revalidated), and index.html for any other non-API path so client-side routes survive a reload.
 * Without a build, console paths answer 503 with a page that says how to build it. The Content Security Policy and the
 * other security headers of these answers come from security-headers.ts (one hook for every answer).
 */
export async function registerWebAssets(app: FastifyInstance, root = DEFAULT_WEB_ROOT): Promise<WebAssets> {
  const built = existsSync(join(root, 'index.html'));
  if (!built) {
    return {
      fallback(req, reply) {
        if (!wantsConsole(req)) return false;
        void reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>民声 minsheng</title></head><body style="font-family:sans-serif;max-width:720px;margin:3rem auto">'
          + '<h1>控制台尚未构建 / The console is not built</h1><p>运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建），然后刷新本页。</p>'
          + '<p>Run <code>npm run build:web</code> (<code>npm start</code> does it for you), then reload.</p><p><a href="/api/docs">API 文档 /api/docs</a></p></body></html>');
        return true;
      },
    };
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header('cache-control', /^[\\/]?assets[\\/]/.test(path.slice(root.length)) ? LONG_CACHE : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  return {
    fallback(req, reply) {
      if (!wantsConsole(req)) return false;
      void reply.header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').sendFile('index.html');
      return true;
    },
  };
}
