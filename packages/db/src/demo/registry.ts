/** Demo content of the mass-work registry (群众工作台账): a duty roster, recurring receptions, a session and diaries. */

/** 值班表: three posts a day, A and B by username; `day` counts from today, times are local. */
export const DEMO_ROSTER = [
  { post: '值班长', start: '08:30', end: '17:30', a: 'supervisor', b: 'dispatcher' },
  { post: '话务一席', start: '08:00', end: '20:00', a: 'agent', b: 'agent2' },
  { post: '话务夜班', start: '20:00', end: '08:00', a: 'agent2', b: 'agent' },
] as const;
export const DEMO_ROSTER_DAYS = [-1, 0, 1, 2, 3, 4, 5, 6] as const;

/** Recurring 领导接访 and 领导热线 (seed 000: 区长 the first Tuesday, a weekly Saturday rota, every working day). */
export const DEMO_RECEPTION_RULES = [
  { kind: 'leader_reception', leader: 'leader', leaderName: '王建国', leaderTitle: '区长', recurrence: { freq: 'monthly', nth: 1, weekday: 2 }, start: '09:00', end: '11:30', place: '区群众来访接待中心一楼', topic: '区长接访日' },
  { kind: 'hotline', leader: null, leaderName: '区政府值班领导', leaderTitle: '副区长', recurrence: { freq: 'weekly', weekday: 6 }, start: '09:00', end: '11:00', place: '区12345热线中心', topic: '周六领导热线' },
  { kind: 'leader_reception', leader: null, leaderName: '区级领导轮值', leaderTitle: '区级领导', recurrence: { freq: 'working_days' }, start: '14:30', end: '17:00', place: '区群众来访接待中心', topic: '每日领导接访' },
] as const;

/** A reception held three days ago with two matters handed to departments. */
export const DEMO_SESSION = {
  daysAgo: 3, leader: 'leader', place: '区群众来访接待中心一楼', summary: '要求住建、城管两部门 15 个工作日内办结并书面反馈。',
  matters: [
    { visitorName: '张桂兰', visitorCount: 3, unitKey: 'dept-zhujian', title: '老旧小区加装电梯审批进度', content: '建设东路小区居民反映加装电梯方案已公示两个月，审批迟迟没有结果，希望加快办理。' },
    { visitorName: '李长河', visitorCount: 1, unitKey: 'dept-chengguan', title: '农贸市场周边占道经营', content: '兴隆农贸市场北门外早晚占道经营严重，车辆通行困难，希望城管部门常态化管理。' },
  ],
} as const;

/** 民情日记 of the demo's leaders this month and last (by username; `daysAgo` from today). */
export const DEMO_DIARIES = [
  { author: 'leader', daysAgo: 2, place: '鼓楼街道惠民社区', peopleMet: '社区书记、5 名居民代表', needsHeard: '小区雨污管网老化，雨季多次返水。', plan: '请住建局现场勘查，纳入明年老旧小区改造计划。' },
  { author: 'gulou.leader', daysAgo: 5, place: '鼓楼街道文化广场', peopleMet: '广场舞团队负责人', needsHeard: '晚间广场舞音量扰民，与周边居民多次发生争执。', plan: '街道牵头协调，约定音量与时段。' },
  { author: 'zhujian.leader', daysAgo: 34, place: '新兖镇某安置小区', peopleMet: '业主委员会', needsHeard: '安置房不动产证迟迟未办。', plan: '协调自然资源局集中办证。' },
] as const;

/** 包案: a long-standing case owned by the district head. */
export const DEMO_CASE = { leader: 'leader', title: '某小区开发商逾期交房群体信访', progress: '召开专题协调会，约定下月底前完成主体验收。' } as const;
