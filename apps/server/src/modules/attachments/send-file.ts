import type { FastifyReply } from 'fastify';

/**
 * Send a stored file so a browser shows it and nothing else: its sniffed type, no type guessing, a sandbox that keeps
 * a crafted PDF or SVG-like payload from running script in our origin, and a name in UTF-8 (Chinese file names).
 */
export function sendStoredFile(reply: FastifyReply, file: { filename: string; contentType: string; bytes: Buffer }, disposition: 'inline' | 'attachment' = 'inline') {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
