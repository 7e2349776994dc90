import type { FastifyRequest } from 'fastify';
import { AppError } from '@minsheng/contracts';

/**
 * preValidation for every route: the multipart parser is registered for the whole app (uploads stream through it),
 * but only a route whose schema declares `consumes: ['multipart/form-data']` takes such a body. Anywhere else a
 * form upload is the wrong content type (415), as before multipart existed, not a confusing schema error.
 */
export async function rejectUndeclaredMultipart(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  const consumes = (req.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes ?? [];
  if (!consumes.includes('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'this route takes application/json');
}
