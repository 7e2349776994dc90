import type { FastifyReply } from 'fastify';
import { CONTENT_TYPES } from './wire-format';
import type { WireFormat } from './wire-format';
import { toXmlDocument } from './xml';

/**
 * Send a GeoReport v2 document. `root` is the XML root element; in JSON the root disappears (a list wrapper becomes
 * the array itself, a single object stays an object), which is the spec's mapping.
 */
export function sendDocument(reply: FastifyReply, format: WireFormat, root: string, value: unknown, status = 200) {
  reply.status(status).header('content-type', CONTENT_TYPES[format]);
  return reply.send(format === 'xml' ? toXmlDocument(root, value) : JSON.stringify(value));
}
