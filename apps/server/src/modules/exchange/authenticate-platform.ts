import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@minsheng/contracts';
import { findActivePlatformByKeyHash } from '@minsheng/db';
import type { Deps } from '../../deps';
import { hashPlatformKey, platformKeyJurisdiction } from './platform-key';

/** The upper platform a request of the exchange API comes from. */
export interface PlatformIdentity { jurisdictionId: string; platformId: string }

declare module 'fastify' {
  interface FastifyRequest { upstreamPlatform: PlatformIdentity | null }
}

/**
 * onRequest hook of the exchange API: `Authorization: Bearer <platform key>` of an active platform, or 401
 * UNAUTHENTICATED. Staff sessions (and the session cookie) mean nothing here, and platform keys nothing elsewhere.
 */
export function requirePlatform(deps: Deps) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const auth = req.headers.authorization;
    const key = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const jurisdictionId = platformKeyJurisdiction(key);
    const platform = jurisdictionId ? await findActivePlatformByKeyHash(deps.database.db, jurisdictionId, hashPlatformKey(key)) : null;
    if (!platform) throw new AppError('UNAUTHENTICATED', 'a valid upstream platform key is required');
    req.upstreamPlatform = { jurisdictionId: platform.jurisdictionId, platformId: platform.id };
  };
}

/** The authenticated platform of an exchange route (set by requirePlatform). */
export function upstreamPlatform(req: FastifyRequest): PlatformIdentity {
  if (!req.upstreamPlatform) throw new AppError('UNAUTHENTICATED');
  return req.upstreamPlatform;
}
