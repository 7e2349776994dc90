import type { AppealAction, AppealKind, AppealStatus, Channel, ReplyResult, Role, Track, Urgency } from './enums';

/** zh-CN display names; the web app and reports use these so the terms match DOMAIN.md everywhere. */
export const STATUS_LABELS: Record<AppealStatus, string> = {
  registered: '已登记', accepted: '已受理', dispatched: '已派单', handling: '办理中', suspended: '已挂起',
  return_requested: '申请退单', reply_review: '答复审核', closure_review: '申请办结审核', callback: '待回访',
  closed: '已办结', referred: '已转接', rejected: '不予受理', merged: '已并单',
  answered: '已答复', under_review: '复查中', reviewed: '已复查', under_rereview: '复核中',
};
export const KIND_LABELS: Record<AppealKind, string> = {
  consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', opinion: '意见', praise: '表扬',
};
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急', critical: '特急' };
export const ROLE_LABELS: Record<Role, string> = {
  agent: '话务员', dispatcher: '派单员', handler: '承办人', unit_leader: '单位负责人', supervisor: '督查督办',
  callback: '回访员', leader: '领导', admin: '管理员',
};
export const CHANNEL_LABELS: Record<Channel, string> = {
  phone_12345: '12345热线', web: '网站', app: '移动应用', mayor_mailbox: '市长信箱', message_board: '网上留言板',
  letter: '来信', visit: '来访', complaint_mailbox: '投诉举报信箱', radio_hotline: '政风行风热线', field_visit: '走访',
  leader_reception: '领导接访', proposal: '代表建议/委员提案', service_hall: '政务服务大厅', upper_transfer: '上级转办',
  open311: 'Open311', email: '电子邮件', sms: '短信',
};
export const ACTION_LABELS: Record<AppealAction, string> = {
  accept: '受理', answer_directly: '直接办结', refer_emergency: '转紧急热线', refer_legal: '告知法定途径', reject: '不予受理',
  merge: '并单', dispatch: '派单', sub_dispatch: '二次派单', sign: '签收', record_contact: '先行联系',
  request_return: '申请退单', approve_return: '同意退单', reject_return: '驳回退单',
  request_extension: '申请延期', approve_extension: '同意延期', reject_extension: '驳回延期',
  suspend: '挂起', resume: '恢复办理', escalate: '提级', reply: '答复', approve_reply: '审核通过', send_back: '退回重办',
  apply_closure: '申请办结', approve_closure: '同意办结', reject_closure: '驳回办结申请',
  callback: '回访', close: '办结', redo: '重办', reopen: '重新打开', urge: '催办', supervise: '督办', note: '备注',
  reclassify: '更正分类', co_opinion: '协办意见', unmerge: '取消并单', answer_supervision: '督办回复', joint_meeting: '联席会议',
  request_review: '申请复查', decide_review: '复查决定', request_rereview: '申请复核', decide_rereview: '复核决定',
  follow_master: '随主单办理', flag_bulletin: '超期通报',
};
export const RESULT_LABELS: Record<ReplyResult, string> = {
  solved: '已解决', partially_solved: '部分解决', explained: '已解释说明', unsolvable: '无法解决',
  supported: '支持', explained_petition: '解释', not_supported: '不予支持',
  A: 'A类 已解决或基本解决', B: 'B类 正在解决或列入计划', C: 'C类 条件限制以后解决', D: 'D类 留作参考',
};
export const TRACK_LABELS: Record<Track, string> = { hotline: '热线', petition: '信访', proposal: '建议提案' };
