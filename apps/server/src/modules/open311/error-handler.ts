import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS } from '@minsheng/contracts';
import { sendDocument } from './respond';
import { formatOfUrl } from './wire-format';

/**
 * GeoReport v2 §8: 404 unknown resource, 403 bad or missing api_key, 400 everything else the client got wrong,
 * written as `<errors><error>` / `[{code, description}]` in the URL's format. Our closed codes map onto those three;
 * the body's `code` is the HTTP status (what clients branch on), the description the user-facing message.
 */
export function open311Status(status: number): number {
  if (status === 404 || status === 403) return status;
  if (status === 401) return 403;
  return status >= 500 ? status : 400;
}

function english(req: FastifyRequest): boolean {
  return String(req.headers['accept-language'] ?? '').toLowerCase().startsWith('en');
}

export function open311ErrorHandler(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  const format = formatOfUrl(req.url);
  if (err instanceof AppError) {
    const def = ERRORS[err.code];
    const field = typeof err.details?.field === 'string' ? ` (${err.details.field})` : '';
    const status = open311Status(def.status);
    return sendDocument(reply, format, 'errors', [{ code: status, description: `${english(req) ? def.en : def.zh}${field}` }], status);
  }
  const fe = err as FastifyError;
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? open311Status(fe.statusCode) : 500;
  if (status === 500) {
    // Like the main handler: never log request bodies or driver parameters (they hold personal data).
    req.log.error({ err: { name: fe.name, message: String(fe.message ?? '').split(/params:/)[0]!.slice(0, 500), code: fe.code } }, 'unexpected open311 error');
  }
  const def = status === 500 ? ERRORS.INTERNAL : ERRORS.VALIDATION_FAILED;
  return sendDocument(reply, format, 'errors', [{ code: status, description: english(req) ? def.en : def.zh }], status);
}
