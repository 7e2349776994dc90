import type { AttachmentMeta } from '@minsheng/db';

/** An attachment as staff see it in an appeal (the bytes are fetched from `url`). */
export function presentAttachment(a: AttachmentMeta) {
  return {
    id: a.id, appealId: a.appealId, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes, source: a.source,
    uploadedBy: a.uploadedBy, createdAt: a.createdAt.toISOString(), url: `/api/attachments/${a.id}`,
  };
}
