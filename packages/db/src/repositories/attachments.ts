import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { attachments } from '../schema';

export type AttachmentInsert = Omit<typeof attachments.$inferInsert, 'id'>;
/** An attachment without its bytes: what lists and timelines need. */
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'dataEnc'>;

const meta = {
  jurisdictionId: attachments.jurisdictionId, id: attachments.id, appealId: attachments.appealId, filename: attachments.filename,
  contentType: attachments.contentType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, source: attachments.source,
  uploadedBy: attachments.uploadedBy, public: attachments.public, createdAt: attachments.createdAt,
};

export async function insertAttachment(db: Executor, row: AttachmentInsert): Promise<AttachmentMeta> {
  const [inserted] = await db.insert(attachments).values({ ...row, id: newId() }).returning(meta);
  return inserted!;
}

/** The appeal's attachments, oldest first, without their bytes. */
export async function attachmentsOf(db: Executor, jurisdictionId: string, appealId: string): Promise<AttachmentMeta[]> {
  return db.select(meta).from(attachments)
    .where(and(eq(attachments.jurisdictionId, jurisdictionId), eq(attachments.appealId, appealId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function countAttachments(db: Executor, jurisdictionId: string, appealId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(attachments)
    .where(and(eq(attachments.jurisdictionId, jurisdictionId), eq(attachments.appealId, appealId)));
  return Number(row?.n ?? 0);
}

/** One attachment with its (encrypted) bytes; node-postgres gives a Buffer and PGlite a Uint8Array, both are fine. */
export async function findAttachment(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select().from(attachments).where(and(eq(attachments.jurisdictionId, jurisdictionId), eq(attachments.id, id)));
  return row ?? null;
}
