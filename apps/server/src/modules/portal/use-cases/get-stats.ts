import { AppError } from '@minsheng/contracts';
import { listBulletinMonths, listBulletinRows, publicNames } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';

/** 每月通报 as published (frozen figures; the latest month when none is asked for). */
export async function getPublishedStats(deps: Deps, jurisdictionId: string, month: string | undefined) {
  await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;
  const months = await listBulletinMonths(db, jurisdictionId);
  const chosen = month ?? months[0];
  if (!chosen) return { month: null, months, publishedAt: null, units: [] };
  const rows = await listBulletinRows(db, jurisdictionId, chosen);
  if (!rows.length) throw new AppError('NOT_FOUND', 'month not published', { month: chosen });
  const names = await publicNames(db, jurisdictionId);
  const units = rows.map((r) => {
    const f = r.figures as Record<string, number | null>;
    return {
      unitId: r.unitId, unitName: names.unitNames.get(r.unitId) ?? '', received: f.received ?? 0, replied: f.replied ?? 0, onTime: f.onTime ?? 0, overdueOpen: f.overdueOpen ?? 0,
      onTimeRate: f.onTimeRate ?? null, rated: f.rated ?? 0, satisfied: f.satisfied ?? 0, satisfactionRate: f.satisfactionRate ?? null,
    };
  }).sort((a, b) => b.received - a.received || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const publishedAt = rows.reduce((max, r) => (r.publishedAt > max ? r.publishedAt : max), rows[0]!.publishedAt);
  return { month: chosen, months, publishedAt: publishedAt.toISOString(), units };
}
