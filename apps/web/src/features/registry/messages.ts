import { defineMessages } from '../../i18n';

export const M = defineMessages({
  zh: {
    title: '群众工作', roster: '值班表', receptions: '领导接访', diaries: '民情日记', onDuty: '当前值班', noneOnDuty: '当前无人值班',
    post: '岗位', time: '时间', a: 'A岗', b: 'B岗（备岗）', problems: 'AB岗检查', rosterOk: '值班表符合AB岗要求', swaps: '换班申请', approve: '批准', reject: '驳回',
    pending: '待审批', approved: '已批准', rejected: '已驳回', from: '原值班', to: '接班', reason: '理由',
    rules: '循环安排', recurrence: '循环', leader: '接访领导', place: '地点', topic: '主题', sessions: '接访记录', matters: '来访事项',
    newSession: '记录接访', addMatter: '登记事项', minutes: '接访纪要', content: '反映内容', visitor: '来访人', count: '人数', unit: '交办单位',
    due: '反馈期限', result: '办理结果', inProgress: '办理中', overdue: '已超期', closed: '已办结', weekly: '每周{w}', monthly: '每月第{n}个{w}', lastMonthly: '每月最后一个{w}',
    workingDays: '每个工作日', coverage: '本月接访覆盖', coverageText: '工作日 {w} 天，有领导接访 {c} 天', cases: '领导包案', progress: '进展',
    write: '写民情日记', visitDate: '走访日期', peopleMet: '走访对象', needsHeard: '听到的诉求', plan: '解决计划', toAppeal: '转为诉求', converted: '已转诉求',
    compliance: '月度合规', entries: '篇数', visitDay: '下访日 {d}', compliant: '达标', notCompliant: '未达标', rate: '达标率 {r}', kind: '类型',
    leader_reception: '领导接访', hotline: '领导热线', save: '保存', month: '月份', heldAt: '接访时间', summary: '领导意见', author: '领导',
  },
  en: {
    title: 'Mass work', roster: 'Duty roster', receptions: 'Leader receptions', diaries: "People's diaries", onDuty: 'On duty now', noneOnDuty: 'Nobody on duty now',
    post: 'Post', time: 'Time', a: 'A (on duty)', b: 'B (backup)', problems: 'A/B check', rosterOk: 'Every post has a named backup', swaps: 'Swap requests', approve: 'Approve', reject: 'Reject',
    pending: 'Pending', approved: 'Approved', rejected: 'Rejected', from: 'From', to: 'To', reason: 'Reason',
    rules: 'Recurring schedules', recurrence: 'Repeats', leader: 'Leader', place: 'Place', topic: 'Topic', sessions: 'Sessions', matters: 'Matters',
    newSession: 'Record session', addMatter: 'Add matter', minutes: 'Minutes', content: 'What was raised', visitor: 'Visitor', count: 'People', unit: 'Handed to',
    due: 'Due back', result: 'Result', inProgress: 'In progress', overdue: 'Overdue', closed: 'Closed', weekly: 'Every {w}', monthly: 'Every {n}. {w} of the month', lastMonthly: 'The last {w} of the month',
    workingDays: 'Every working day', coverage: 'Coverage this month', coverageText: '{c} of {w} working days with a leader receiving', cases: 'Case ownership', progress: 'Progress',
    write: 'Write entry', visitDate: 'Visit date', peopleMet: 'People met', needsHeard: 'Needs heard', plan: 'Plan', toAppeal: 'To appeal', converted: 'Appeal',
    compliance: 'Monthly compliance', entries: 'Entries', visitDay: 'Visit day {d}', compliant: 'Compliant', notCompliant: 'Not compliant', rate: 'Compliance {r}', kind: 'Kind',
    leader_reception: 'Reception', hotline: 'Hotline', save: 'Save', month: 'Month', heldAt: 'Held at', summary: "Leader's instructions", author: 'Leader',
  },
});
export type Msg = (key: keyof typeof M.zh, vars?: Record<string, string | number>) => string;
