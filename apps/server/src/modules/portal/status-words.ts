import type { AppealStatus } from '@minsheng/contracts';

/**
 * What a citizen reads for each state: plain words, and internal steps (退单申请, 答复审核, 办结审核) shown as
 * "being handled" so the public view says nothing about the centre's internal workflow.
 */
export const PUBLIC_STATUS_TEXT: Record<AppealStatus, string> = {
  registered: '已收到，等待受理',
  accepted: '已受理，正在安排承办单位',
  dispatched: '已转交承办单位',
  handling: '承办单位正在办理',
  suspended: '办理暂停，等待补充情况',
  return_requested: '承办单位正在办理',
  reply_review: '承办单位正在办理',
  closure_review: '承办单位正在办理',
  callback: '已答复，请您评价',
  closed: '已办结',
  referred: '已转交有关部门或告知办理途径',
  rejected: '不予受理',
  merged: '已与相同诉求合并办理',
  answered: '已答复',
  under_review: '复查中',
  reviewed: '已复查',
  under_rereview: '复核中',
};
