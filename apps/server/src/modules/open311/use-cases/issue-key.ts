import { insertOpen311Key, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { hashOpen311Key, newOpen311Key, open311KeyPrefix } from '../api-key';
import { presentKey } from '../presenter';

/** Issue an Open311 API key to an outside app. The key is in this answer only: a lost key means issuing a new one. */
export async function issueOpen311Key(deps: Deps, user: SessionUser, input: { name: string }) {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const apiKey = newOpen311Key(jid);
  const id = newId(now.getTime());
  const row = await deps.database.db.transaction(async (tx) => {
    const saved = await insertOpen311Key(tx, { jurisdictionId: jid, id, name: input.name.trim(), keyHash: hashOpen311Key(apiKey), keyPrefix: open311KeyPrefix(apiKey), createdBy: user.userId, createdAt: now });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'issue_open311_key', targetType: 'open311_api_key', targetId: id, detail: { name: saved.name }, at: now });
    return saved;
  });
  return { ...presentKey(row), apiKey };
}
