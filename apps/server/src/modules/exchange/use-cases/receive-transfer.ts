import { AppError } from '@minsheng/contracts';
import type { AppealKind, Track, Urgency } from '@minsheng/contracts';
import { findAppealByExternalId, isUniqueViolation } from '@minsheng/db';
import type { AppealRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { registerAppeal } from '../../appeals/use-cases/register-appeal';
import type { PlatformIdentity } from '../authenticate-platform';

export interface TransferInput {
  externalId: string; title: string; content: string; kind: AppealKind; urgency?: Urgency | undefined;
  categoryId?: string | undefined; areaCode?: string | undefined; dueAt: string; confidential?: boolean | undefined; track?: Track | undefined;
  citizen?: { name?: string | undefined; phone?: string | undefined; address?: string | undefined } | undefined;
}

/**
 * 上级转办: register an appeal an upper platform sent down, idempotent on the platform's own id. A repeat — a retry
 * after a timeout, or the same transfer arriving twice at once — answers with the first appeal: the unique index
 * on (jurisdiction, source, external id) decides the race and the loser looks the winner up.
 */
export async function receiveTransfer(deps: Deps, platform: PlatformIdentity, input: TransferInput): Promise<{ appeal: AppealRow; created: boolean }> {
  const { jurisdictionId, platformId } = platform;
  const db = deps.database.db;
  const existing = await findAppealByExternalId(db, jurisdictionId, platformId, input.externalId);
  if (existing) return { appeal: existing, created: false };
  const dueAt = new Date(input.dueAt);
  if (!(dueAt.getTime() > deps.now().getTime())) throw new AppError('VALIDATION_FAILED', 'dueAt must lie in the future', { field: 'dueAt' });
  const { externalId, dueAt: _dueAt, ...fields } = input;
  try {
    const saved = await registerAppeal(deps, { kind: 'upstream', jurisdictionId, platformId }, {
      ...fields, channel: 'upper_transfer', external: { source: platformId, id: externalId, dueAt },
    });
    return { appeal: saved.appeal, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await findAppealByExternalId(db, jurisdictionId, platformId, externalId);
    if (!winner) throw err;
    return { appeal: winner, created: false };
  }
}
