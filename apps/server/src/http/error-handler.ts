import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS } from '@minsheng/contracts';
import type { ErrorCode } from '@minsheng/contracts';

/** Pick the message language from Accept-Language; zh-CN unless the client prefers English. */
function prefersEnglish(req: FastifyRequest): boolean {
  const lang = String(req.headers['accept-language'] ?? '').toLowerCase();
  return lang.startsWith('en');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: Record<string, unknown>, developerMessage?: string) {
  const def = ERRORS[code];
  return reply.status(def.status).send({
    error: { code, message: prefersEnglish(req) ? def.en : def.zh, ...(developerMessage ? { detail: developerMessage } : {}), ...(details ? { details } : {}) },
  });
}

/** Framework errors that are the client's fault, mapped onto our closed code list. */
function frameworkCode(err: FastifyError): ErrorCode | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'UNSUPPORTED_MEDIA_TYPE';
  }
  if (err instanceof SyntaxError || err.name === 'SyntaxError') return 'MALFORMED_JSON';
  if (err.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'VALIDATION_FAILED';
  return null;
}

/** The one place an error becomes a response. Unexpected errors are logged without request bodies (they hold personal data). */
export function errorHandler(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendError(req, reply, err.code, err.details, err.message);
  const fe = err as FastifyError;
  if (fe.validation) {
    const details = { issues: fe.validation.slice(0, 20).map((v) => ({ path: v.instancePath || (v.params as { missingProperty?: string })?.missingProperty || '', rule: v.keyword, message: v.message })) };
    return sendError(req, reply, 'VALIDATION_FAILED', { context: fe.validationContext, ...details });
  }
  const code = frameworkCode(fe);
  if (code) return sendError(req, reply, code, undefined, fe.message);
  // Driver errors quote the failed query's parameters (ciphertexts, citizens' words): keep only the message head.
  const message = String(fe.message ?? '').split(/\nparams:|params:/)[0]!.slice(0, 500);
  req.log.error({ err: { name: fe.name, message, code: fe.code, stack: fe.stack?.split('\n').slice(1, 8).join('\n') } }, 'unexpected error');
  return sendError(req, reply, 'INTERNAL');
}
