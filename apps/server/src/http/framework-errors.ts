import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler';

/**
 * Errors fastify raises before routing, which never reach the error handler: a path with invalid percent-encoding
 * (FST_ERR_BAD_URL, e.g. `%ED%A0%80`) would otherwise answer in fastify's own shape, outside the closed code list.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendError(req, reply, 'VALIDATION_FAILED', { context: 'url' }, err.code ?? 'bad request');
}
