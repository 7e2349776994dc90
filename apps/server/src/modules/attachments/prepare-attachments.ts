import { createHash } from 'node:crypto';
import { AppError, ATTACHMENT_LIMITS } from '@minsheng/contracts';
import type { AttachmentType } from '@minsheng/contracts';
import { cleanAttachmentName, sniffAttachmentType } from '@minsheng/domain';
import { insertAttachment } from '@minsheng/db';
import type { AttachmentMeta, Executor, PiiCipher } from '@minsheng/db';
import type { UploadedFile } from './read-uploads';

/** A file checked and ready to store: its real type, a safe name, its size and digest. */
export interface PreparedAttachment { filename: string; contentType: AttachmentType; sizeBytes: number; sha256: string; bytes: Buffer }

/**
 * Check every file before anything is written: the type from the bytes, the size, and the count together with what
 * the appeal already has. One bad file refuses the whole upload, so the citizen never ends up with half of it.
 */
export function prepareAttachments(files: readonly UploadedFile[], alreadyAttached = 0): PreparedAttachment[] {
  if (files.length + alreadyAttached > ATTACHMENT_LIMITS.maxFiles) {
    throw new AppError('TOO_MANY_ATTACHMENTS', `at most ${ATTACHMENT_LIMITS.maxFiles} files per appeal`, { max: ATTACHMENT_LIMITS.maxFiles, already: alreadyAttached });
  }
  return files.map((f, index) => {
    if (f.bytes.length > ATTACHMENT_LIMITS.maxFileBytes) throw new AppError('ATTACHMENT_TOO_LARGE', undefined, { index, maxBytes: ATTACHMENT_LIMITS.maxFileBytes });
    const type = sniffAttachmentType(f.bytes);
    if (!type) throw new AppError('ATTACHMENT_TYPE', `file ${index + 1} is not an image or PDF`, { index });
    return {
      filename: cleanAttachmentName(f.filename, type, ATTACHMENT_LIMITS.maxFilenameLength), contentType: type, sizeBytes: f.bytes.length,
      sha256: createHash('sha256').update(f.bytes).digest('hex'), bytes: f.bytes,
    };
  });
}

export interface SaveAttachments {
  jurisdictionId: string;
  appealId: string;
  files: readonly PreparedAttachment[];
  source: 'staff' | 'citizen' | 'exchange';
  uploadedBy: string | null;
  /** The application's clock (tests move it), not the database's; defaults to the process clock. */
  at?: Date | undefined;
}

/** Store prepared files, encrypted, inside the caller's transaction. */
export async function saveAttachments(tx: Executor, cipher: PiiCipher, s: SaveAttachments): Promise<AttachmentMeta[]> {
  const saved: AttachmentMeta[] = [];
  const at = s.at ?? new Date();
  for (const [i, f] of s.files.entries()) {
    saved.push(await insertAttachment(tx, {
      jurisdictionId: s.jurisdictionId, appealId: s.appealId, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes,
      // The files of one upload are stamped a millisecond apart, so they list in the order they were sent (ids
      // made in the same millisecond do not sort in creation order).
      sha256: f.sha256, dataEnc: cipher.encryptBytes(f.bytes), source: s.source, uploadedBy: s.uploadedBy, createdAt: new Date(at.getTime() + i),
    }));
  }
  return saved;
}
