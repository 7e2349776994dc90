import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { getSession } from './sessions';

const KIND_ZH: Record<string, string> = { leader_reception: '领导接访', hotline: '领导热线' };

/** 接访纪要 generated from the session: who received, when and where, each matter with its appeal, unit, due date and result. */
export async function sessionMinutes(deps: Deps, user: SessionUser, id: string) {
  const s = await getSession(deps, user, id);
  const cal = (await requireRuntime(deps, user.jurisdictionId)).calendar;
  const lines = [
    `${KIND_ZH[s.kind] ?? s.kind}纪要`,
    `时间：${cal.localDate(new Date(s.heldAt))}`,
    `地点：${s.place || '—'}`,
    `接访领导：${s.leaderName ?? '—'}${s.unitName ? `（${s.unitName}）` : ''}`,
    `来访事项：共 ${s.matters.length} 件，已办结 ${s.closedMatters} 件`,
    ...s.matters.map((m, i) => [
      `${i + 1}. ${m.visitorName ?? '来访群众'}${m.visitorCount > 1 ? `等 ${m.visitorCount} 人` : ''}反映：${m.content}`,
      `   转为诉求 ${m.number}，交办 ${m.assignedUnitName ?? '待派单'}，${cal.localDate(new Date(m.dueAt))} 前反馈结果。`,
      `   办理情况：${m.result ? m.result.text : m.closedAt ? '已办结' : '办理中'}${m.overdue ? '（已超期）' : ''}`,
    ].join('\n')),
    ...(s.summary ? [`领导意见：${s.summary}`] : []),
  ];
  return { sessionId: s.id, text: lines.join('\n') };
}
