import { insertUpstreamPlatform, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { hashPlatformKey, newPlatformKey } from '../platform-key';
import { presentPlatform } from '../presenter';
import { platformWebhookSecret } from '../webhook-signature';

export interface RegisterPlatformInput { name: string; webhookUrl?: string | undefined }

/**
 * 对接上级平台: register a platform and hand out, once, its API key (for transfers to us) and the secret our
 * report-back calls are signed with. Neither can be shown again: a lost key means registering the platform anew.
 */
export async function registerPlatform(deps: Deps, user: SessionUser, input: RegisterPlatformInput) {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const apiKey = newPlatformKey(jid);
  const id = newId(now.getTime());
  const row = await deps.database.db.transaction(async (tx) => {
    const saved = await insertUpstreamPlatform(tx, { jurisdictionId: jid, id, name: input.name.trim(), keyHash: hashPlatformKey(apiKey), webhookUrl: input.webhookUrl ?? null, createdAt: now });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'register_upstream_platform', targetType: 'upstream_platform', targetId: id, detail: { name: saved.name }, at: now });
    return saved;
  });
  return { ...presentPlatform(row), apiKey, webhookSecret: platformWebhookSecret(deps.config.secret, jid, id) };
}
