import { AppError } from '@minsheng/contracts';
import type { AppealKind } from '@minsheng/contracts';
import { insertReceptionMatter, newId } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadPeople } from '../people';
import { loadReadableSession } from '../session-access';
import { requireReceptionManager } from '../policy';
import { registerFromRegistry } from './register-for';
import { getSession } from './sessions';

export interface MatterInput {
  content: string; title?: string | undefined; visitorName?: string | undefined; visitorPhone?: string | undefined; visitorCount?: number | undefined;
  kind?: AppealKind | undefined; categoryId?: string | undefined; areaCode?: string | undefined; assignedUnitId?: string | undefined;
}

/**
 * What a visitor raised at a session becomes an ordinary appeal (channel 领导接访) linked to the session, with the
 * unit it is handed to (交办) and the date its result is due back to the leader (settings: matterDueWorkingDays).
 */
export async function addMatter(deps: Deps, user: SessionUser, sessionId: string, input: MatterInput) {
  const session = await loadReadableSession(deps, user, sessionId);
  if (session.leaderUserId !== user.userId) requireReceptionManager(user);
  if (session.cancelledAt) throw new AppError('CANCELLED');
  const jid = user.jurisdictionId;
  const runtime = await requireRuntime(deps, jid);
  const people = await loadPeople(deps, jid);
  if (input.assignedUnitId && !people.unitNames.has(input.assignedUnitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'assignedUnitId' });
  const content = input.content.trim();
  const matterId = newId();
  const now = deps.now();
  // The matter and its appeal are written together: a reception never lists a matter without its appeal, or the reverse.
  await registerFromRegistry(deps, user, {
    channel: 'leader_reception', kind: input.kind ?? 'help', title: input.title?.trim() || [...content].slice(0, 30).join(''), content,
    citizen: input.visitorName || input.visitorPhone ? { name: input.visitorName, phone: input.visitorPhone } : undefined,
    categoryId: input.categoryId, areaCode: input.areaCode,
  }, { type: 'reception_session', id: session.id }, (tx, appeal) => insertReceptionMatter(tx, {
    jurisdictionId: jid, id: matterId, sessionId: session.id, visitorNameEnc: input.visitorName ? deps.cipher.encrypt(input.visitorName.trim()) : null,
    visitorCount: input.visitorCount ?? 1, content, appealId: appeal.id, assignedUnitId: input.assignedUnitId ?? null,
    dueAt: runtime.calendar.addDuration(now, runtime.settings.registry.matterDueWorkingDays, 'working_days'), createdBy: user.userId, createdAt: now,
  }));
  return getSession(deps, user, session.id);
}
