import type { SeededReference } from '@minsheng/db';
import type { Deps } from '../deps';
import type { SessionUser } from '../modules/auth/session-cache';
import { registerAppeal } from '../modules/appeals/use-cases/register-appeal';
import { transitionAppeal } from '../modules/appeals/use-cases/transition-appeal';
import type { TransitionInput } from '../modules/appeals/use-cases/transition-appeal';

type Staff = (username: string) => SessionUser;
type Step = [user: string, action: TransitionInput['action'], input: TransitionInput['input']];

const PETITIONS: { title: string; content: string; channel: 'letter' | 'visit'; visitors?: number; steps: (u: (k: string) => string) => Step[] }[] = [
  { title: '反映某小区开发商逾期未办理不动产权证', content: '我们是兴隆庄街道某小区业主，2021年交房至今开发商一直未办理不动产权证，多次找开发商和有关部门未果，请求督促办理。', channel: 'visit', visitors: 12,
    steps: (u) => [['dispatcher', 'dispatch', { leadUnitId: u('dept-zhujian') }], ['zhujian.handler', 'accept', {}]] },
  { title: '来信反映拆迁补偿款未足额发放', content: '本人房屋于去年征收，协议约定的补偿款至今仍有部分未发放，请求有关部门依法处理。', channel: 'letter',
    steps: (u) => [['dispatcher', 'dispatch', { leadUnitId: u('dept-zhujian') }], ['zhujian.handler', 'accept', {}],
      ['zhujian.handler', 'reply', { reply: { text: '经核查，剩余补偿款已于本月拨付到位，诉求予以支持。', result: 'supported' } }], ['zhujian.leader', 'approve_reply', {}]] },
  { title: '反映企业排放异味影响周边村民生活', content: '村东侧化工企业夜间排放刺鼻气味，村民多次反映未果，请求环保部门调查处理。', channel: 'visit', visitors: 5,
    steps: (u) => [['dispatcher', 'dispatch', { leadUnitId: u('dept-huanjing') }]] },
  { title: '来信要求解决子女入学问题', content: '本人为外来务工人员，子女在兖州就读小学，今年升初中被告知需回户籍地，请求给予解释并协调。', channel: 'letter', steps: () => [] },
];

const PROPOSALS: { title: string; content: string; complex?: boolean; lead: string; co: string[]; steps: Step[] }[] = [
  { title: '关于加快老旧小区加装电梯工作的建议', content: '区人大代表李建华等5人提出：我区老旧小区老龄化严重，建议加大财政补贴力度，简化审批流程，加快加装电梯。', lead: 'dept-zhujian', co: ['dept-chengguan'],
    steps: [['chengguan.handler', 'co_opinion', { reason: '城管部门将配合做好施工期间临时占道审批和现场管理。' }]] },
  { title: '关于规范城区共享单车停放管理的提案', content: '区政协委员王丽提出：城区共享单车乱停乱放现象突出，建议划定停放区域并落实企业管理责任。', lead: 'dept-chengguan', co: [],
    steps: [['chengguan.handler', 'reply', { reply: { text: '已在城区主要道路划定停放区域320处，并约谈运营企业落实调度责任。', result: 'A' } }], ['chengguan.leader', 'approve_reply', {}]] },
  { title: '关于统筹全区停车设施规划建设的建议', content: '区人大代表张明提出：城区停车难问题日益突出，建议编制停车设施专项规划，挖潜建设公共停车场。', complex: true, lead: 'dept-zhujian', co: ['dept-chengguan', 'dept-jiaotong'], steps: [] },
];

/** A few 信访 and 建议提案 items walked through the real use cases, so the console shows all three tracks. */
export async function seedDemoTracks(deps: Deps, seeded: SeededReference, staff: Staff, advance: (workingHours: number) => boolean): Promise<number> {
  const unit = (key: string) => seeded.unitIdByKey.get(key)!;
  let n = 0;
  const run = async (id: string, steps: Step[]) => {
    for (const [user, action, input] of steps) {
      if (!advance(4 + (n % 5) * 3)) return;
      await transitionAppeal(deps, staff(user), id, { action, input });
    }
  };
  for (const p of PETITIONS) {
    const { appeal } = await registerAppeal(deps, { kind: 'staff', user: staff('agent') }, {
      track: 'petition', channel: p.channel, kind: 'complaint', title: p.title, content: p.content,
      citizen: { name: '赵秀兰', phone: `1385373${String(1000 + n).slice(-4)}` },
      ...(p.visitors ? { visitors: { count: p.visitors, representatives: [{ name: '赵秀兰' }, { name: '钱广福' }, { name: '孙德明' }] } } : {}),
    });
    n += 1;
    await run(appeal.id, p.steps(unit));
  }
  for (const p of PROPOSALS) {
    const { appeal } = await registerAppeal(deps, { kind: 'staff', user: staff('agent') }, {
      track: 'proposal', channel: 'proposal', kind: 'suggestion', title: p.title, content: p.content, citizen: { name: '李建华', phone: '13853700001' },
    });
    n += 1;
    if (!advance(2)) continue;
    await transitionAppeal(deps, staff('dispatcher'), appeal.id, { action: 'dispatch', input: { leadUnitId: unit(p.lead), coUnitIds: p.co.map(unit), complex: p.complex } });
    await run(appeal.id, p.steps);
  }
  // 并单: three callers about the same blocked drain; two attach to the first, which goes to the street office.
  const drain = '建设东路与九州大道路口雨水井堵塞，下雨积水严重，行人车辆通行困难，请尽快疏通。';
  const ids: string[] = [];
  for (const [i, name] of ['周立新', '吴海燕', '郑国强'].entries()) {
    const { appeal } = await registerAppeal(deps, { kind: 'staff', user: staff('agent') }, {
      channel: 'phone_12345', kind: 'help', title: '路口雨水井堵塞积水', content: drain, citizen: { name, phone: `1395370${String(8800 + i)}` }, areaCode: '370812001',
    });
    ids.push(appeal.id);
    if (!advance(0.5)) break;
    await transitionAppeal(deps, staff('agent'), appeal.id, { action: 'accept', input: {} });
  }
  for (const id of ids.slice(1)) await transitionAppeal(deps, staff('dispatcher'), id, { action: 'merge', input: { masterId: ids[0]! } });
  if (ids[0] && advance(1)) await transitionAppeal(deps, staff('dispatcher'), ids[0], { action: 'dispatch', input: { leadUnitId: unit('street-370812001') } });
  return n + ids.length;
}
