import { insertBoardPost, listBoardCandidates } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { redactPost } from '../redact-post';

/**
 * 留言板 drafts: closed appeals whose citizen consented (not confidential, no accused unit, no 举报) get a pending post
 * with names, phones, ID and bank card numbers, plates, e-mail and detailed addresses redacted (the detectors, plus the
 * citizen's own recorded identity wherever it appears). Bounded per run and
 * idempotent (one post per appeal), so the job can run as often as it likes.
 */
export async function draftBoardPosts(deps: Deps, jurisdictionId: string, limit = 100): Promise<number> {
  const db = deps.database.db;
  const candidates = await listBoardCandidates(db, jurisdictionId, limit);
  const now = deps.now();
  let drafted = 0;
  for (const c of candidates) {
    const open = (v: string | null | undefined) => (v ? deps.cipher.decrypt(v) : null);
    const known = c.citizen ? { name: open(c.citizen.nameEnc), phone: open(c.citizen.phoneEnc), address: open(c.citizen.addressEnc), idNumber: open(c.citizen.idNumberEnc) } : {};
    const redacted = redactPost({ title: c.title, content: c.content, reply: c.reply }, known);
    const inserted = await insertBoardPost(db, {
      jurisdictionId, appealId: c.appealId, status: 'pending', title: redacted.title, content: redacted.content, reply: redacted.reply,
      categoryId: c.categoryId, areaCode: c.areaCode, unitId: c.unitId, redactions: redacted.redactions, askedAt: c.askedAt, repliedAt: c.repliedAt,
      createdAt: now,
    });
    if (inserted) drafted++;
  }
  return drafted;
}
