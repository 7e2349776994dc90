import type { Role } from '@minsheng/contracts';
import { userGrants, findUserByUsername } from '@minsheng/db';
import type { SeededReference } from '@minsheng/db';
import { DEMO_APPEAL_TEMPLATES, DEMO_CATEGORIES, DEMO_CITIZENS, DEMO_USERS, streetUnitKey } from '@minsheng/db/demo';
import type { Deps } from '../deps';
import type { SessionUser } from '../modules/auth/session-cache';
import { registerAppeal } from '../modules/appeals/use-cases/register-appeal';
import { transitionAppeal } from '../modules/appeals/use-cases/transition-appeal';
import type { TransitionInput } from '../modules/appeals/use-cases/transition-appeal';
import { requireRuntime } from '../runtime/require-runtime';
import { pickStage, mulberry32 } from './demo-plan';
import { seedDemoTracks } from './demo-tracks';
import type { Stage } from './demo-plan';

const REPLIES = [
  '经核查，您反映的问题属实，我单位已安排工作人员现场处理完毕，后续将加强日常巡查，感谢您的监督。',
  '您好，经与相关责任单位协调，已于近日整改到位，并将问题纳入长效管理机制。',
  '经调查，该情况系施工单位临时作业造成，现已责令其规范作业时间并做好降噪措施。',
  '已联系物业公司负责人，物业承诺一周内完成维修，我单位将跟踪督促落实。',
  '您咨询的政策已电话详细解答：可携带身份证及相关材料到区政务服务中心办理。',
];

/** Appeals walked through the real use cases with a simulated clock, so timelines, clocks and hashes are genuine. */
export async function seedDemoAppeals(deps: Deps, jurisdictionId: string, seeded: SeededReference, count: number, log: (l: string) => void): Promise<number> {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;
  const realNow = deps.now();
  let t = realNow.getTime();
  const d: Deps = { ...deps, now: () => new Date(t) };
  const rand = mulberry32(370812);

  const users = new Map<string, SessionUser>();
  for (const u of DEMO_USERS) {
    const row = (await findUserByUsername(db, jurisdictionId, u.username))!;
    users.set(u.username, { jurisdictionId, userId: row.id, username: u.username, displayName: u.displayName, expiresAt: new Date(8.64e15), grants: await userGrants(db, jurisdictionId, row.id) });
  }
  const byRole = (unitKey: string, role: Role) => DEMO_USERS.find((u) => u.unitKey === unitKey && u.roles.includes(role));
  const staff = (name: string) => users.get(name)!;

  for (let i = 0; i < count; i++) {
    const tpl = DEMO_APPEAL_TEMPLATES[i % DEMO_APPEAL_TEMPLATES.length]!;
    const citizen = DEMO_CITIZENS[(i * 7) % DEMO_CITIZENS.length]!;
    const ageDays = Math.floor(rand() * 60);
    // Received during a working day's hours, `ageDays` calendar days back.
    t = runtime.calendar.addDuration(new Date(realNow.getTime() - (ageDays + 1) * 86_400_000), 1 + rand() * 6, 'working_hours').getTime();
    if (t > realNow.getTime()) t = realNow.getTime() - 3_600_000;
    const category = DEMO_CATEGORIES.find((c) => c.key === tpl.categoryKey)!;
    const { appeal } = await registerAppeal(d, { kind: 'staff', user: staff(i % 3 ? 'agent' : 'agent2') }, {
      channel: tpl.channel, kind: tpl.kind, urgency: tpl.urgency, title: tpl.title, content: tpl.content,
      citizen: { name: citizen.name, phone: citizen.phone, idNumber: citizen.idNumber, address: citizen.address },
      areaCode: tpl.streetCode, categoryId: seeded.categoryIdByKey.get(category.key), confidential: tpl.kind === 'report', consentPublish: rand() < 0.6,
    });
    const leadKey = category.defaultUnitKey ?? streetUnitKey(tpl.streetCode);
    const stage = pickStage(rand, ageDays, tpl.kind);
    await walk(stage, appeal.id, leadKey);
  }
  // Three weeks back, a few petitions, proposals and a merged group follow the same clock.
  t = runtime.calendar.addDuration(new Date(realNow.getTime() - 21 * 86_400_000), 2, 'working_hours').getTime();
  const advance = (workingHours: number) => {
    const next = runtime.calendar.addDuration(new Date(t), workingHours, 'working_hours').getTime();
    if (next >= realNow.getTime()) return false;
    t = next;
    return true;
  };
  const others = count > 0 ? await seedDemoTracks(d, seeded, staff, advance) : 0;
  log(`已生成 ${count + others} 条演示诉求（含信访、建议提案和并单示例）`);
  return count + others;

  async function step(user: SessionUser, id: string, action: TransitionInput['action'], input: TransitionInput['input'], workingHours: number): Promise<boolean> {
    const next = runtime.calendar.addDuration(new Date(t), workingHours, 'working_hours').getTime();
    if (next >= realNow.getTime()) return false; // the future has not happened yet
    t = next;
    await transitionAppeal(d, user, id, { action, input });
    return true;
  }

  async function walk(stage: Stage, id: string, leadKey: string): Promise<void> {
    const desk = staff('dispatcher');
    if (stage === 'registered') return;
    if (stage === 'answered') { await step(staff('agent'), id, 'answer_directly', { answer: REPLIES[4] }, 0.2); return; }
    if (!(await step(staff('agent'), id, 'accept', {}, 0.2))) return;
    if (stage === 'accepted') return;
    if (stage === 'rejected') { await step(desk, id, 'reject', { reason: '诉求内容不属于政务服务范围，已向来电人解释。' }, 0.5); return; }
    if (stage === 'referred') { await step(desk, id, 'refer_legal', { route: 'litigation', reason: '属于民事纠纷，已告知来电人可通过诉讼途径解决。' }, 0.5); return; }
    const leadUnitId = seeded.unitIdByKey.get(leadKey)!;
    if (!(await step(desk, id, 'dispatch', { leadUnitId }, 0.5))) return;
    const handler = byRole(leadKey, 'handler');
    const leader = byRole(leadKey, 'unit_leader');
    // Units without demo accounts keep what they were sent: realistic red lights on the supervision board.
    if (stage === 'dispatched' || !handler || !leader) return;
    const h = staff(handler.username), l = staff(leader.username);
    if (!(await step(h, id, 'sign', {}, 1 + rand() * 2))) return;
    if (stage === 'return_requested') { await step(h, id, 'request_return', { reason: '该事项不属于本单位职责，建议转交属地街道办理。' }, 1); return; }
    if (!(await step(h, id, 'record_contact', {}, 1 + rand() * 4))) return;
    if (stage === 'handling') return;
    if (stage === 'suspended') { await step(h, id, 'suspend', { reason: '需等待群众补充相关材料。' }, 4); return; }
    if (!(await step(h, id, 'reply', { reply: { text: REPLIES[Math.floor(rand() * 4)]!, result: 'solved' } }, 8 + rand() * 24))) return;
    if (stage === 'reply_review') return;
    if (!(await step(l, id, 'approve_reply', {}, 1 + rand() * 3))) return;
    if (stage === 'callback') return;
    const dissatisfied = stage === 'redone';
    if (!(await step(staff('callback'), id, 'callback', { satisfaction: dissatisfied ? 'dissatisfied' : rand() < 0.7 ? 'very_satisfied' : 'satisfied', contacted: true, solved: !dissatisfied }, 4))) return;
    if (dissatisfied) { await step(staff('callback'), id, 'redo', { reason: '群众反映问题未实际解决，退回重办。' }, 0.3); return; }
    await step(staff('callback'), id, 'close', {}, 0.2);
  }
}
