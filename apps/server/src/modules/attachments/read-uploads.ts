import type { FastifyRequest } from 'fastify';
import { AppError, ATTACHMENT_LIMITS } from '@minsheng/contracts';

/** A file as it arrived: the name the browser sent and the bytes (the type is decided later, from the bytes). */
export interface UploadedFile { field: string; filename: string; bytes: Buffer }
export interface Uploads { fields: Record<string, string>; files: UploadedFile[] }

/** Limits @fastify/multipart enforces while it streams, so an oversized upload is cut off, not buffered. */
export const MULTIPART_LIMITS = {
  fileSize: ATTACHMENT_LIMITS.maxFileBytes,
  // One more than allowed, so that a sixth file is reported as "too many" rather than silently dropped.
  files: ATTACHMENT_LIMITS.maxFiles + 1,
  fields: 40,
  fieldSize: 64 * 1024,
  parts: 60,
  headerPairs: 200,
};

const LIMIT_CODES: Record<string, AppError['code']> = {
  FST_REQ_FILE_TOO_LARGE: 'ATTACHMENT_TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_MANY_ATTACHMENTS',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
  FST_FIELDS_LIMIT: 'VALIDATION_FAILED',
  FST_PROTO_VIOLATION: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Read a multipart/form-data request whole: text fields (a repeated name keeps the last value) and files. An empty
 * file input (no name, no bytes) is skipped. Limit breaches become the product's error codes, never a 500.
 */
export async function readUploads(req: FastifyRequest): Promise<Uploads> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected multipart/form-data');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (!part.filename && bytes.length === 0) continue;
        files.push({ field: part.fieldname, filename: part.filename, bytes });
        if (files.length > ATTACHMENT_LIMITS.maxFiles) throw new AppError('TOO_MANY_ATTACHMENTS', `at most ${ATTACHMENT_LIMITS.maxFiles} files`);
      } else {
        if (typeof part.value !== 'string') throw new AppError('VALIDATION_FAILED', `field ${part.fieldname} must be text`);
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = LIMIT_CODES[(e as { code?: string }).code ?? ''];
    if (code) throw new AppError(code, (e as Error).message, code === 'ATTACHMENT_TOO_LARGE' ? { maxBytes: ATTACHMENT_LIMITS.maxFileBytes } : undefined);
    throw e;
  }
  return { fields, files };
}
