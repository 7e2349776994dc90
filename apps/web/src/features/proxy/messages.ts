import { defineMessages } from '../../i18n';

export const M = defineMessages({
  zh: {
    title: '民生代办', requests: '代办件', catalogue: '事项目录', register: '受理代办', item: '代办事项', applicant: '申请人', phone: '联系电话', matter: '代办内容',
    number: '代办编号', queryCode: '查询码', unit: '代办单位', agent: '代办员', status: '状态', acceptedAt: '受理时间', dueAt: '承诺办结', promised: '承诺时限',
    days: '{n} 个工作日', required: '请填写{field}', saved: '已保存', registered: '已受理，请把代办编号和查询码告知申请人',
    accepted: '已受理', in_progress: '代办中', awaiting_materials: '待补正材料', completed: '已办结', returned: '已退回',
    start: '开始代办', request_materials: '要求补正材料', resume: '材料已补齐', complete: '办结', return: '退回', note: '告知申请人', noteHint: '这段说明会在门户查询中展示给申请人，请勿填写他人信息。',
    green: '正常', yellow: '临期', red: '超期', paused: '暂停计时', closed: '按时办结', late: '超期办结',
    code: '编码', name: '事项名称', level: '层级', district: '区级', street: '镇街', community: '村居', procedure: '办理程序（每行一步）', materials: '所需材料（每行一项）',
    fee: '收费', act: '办理', active: '启用', addItem: '新增事项', steps: '办理过程', ok: '知道了',
    allRequests: '全部代办件', state_open: '未办结', state_overdue: '超期', state_due_soon: '临期', state_closed: '已办结', unitTold: '已于 {t} 提醒代办单位',
  },
  en: {
    title: 'Proxy services', requests: 'Requests', catalogue: 'Catalogue', register: 'Accept a request', item: 'Item', applicant: 'Applicant', phone: 'Phone', matter: 'Details',
    number: 'Number', queryCode: 'Query code', unit: 'Handling unit', agent: 'Agent', status: 'Status', acceptedAt: 'Accepted', dueAt: 'Due', promised: 'Time limit',
    days: '{n} working days', required: 'Please fill in {field}', saved: 'Saved', registered: 'Accepted: give the applicant the number and query code',
    accepted: 'Accepted', in_progress: 'In progress', awaiting_materials: 'Awaiting materials', completed: 'Completed', returned: 'Returned',
    start: 'Start', request_materials: 'Ask for materials', resume: 'Materials received', complete: 'Complete', return: 'Return', note: 'Note to the applicant', noteHint: 'The applicant reads this note when tracking on the portal; write nobody else’s details.',
    green: 'On track', yellow: 'Due soon', red: 'Overdue', paused: 'Clock paused', closed: 'Done on time', late: 'Done late',
    code: 'Code', name: 'Item', level: 'Level', district: 'District', street: 'Street/town', community: 'Village/community', procedure: 'Procedure (one step a line)', materials: 'Materials (one a line)',
    fee: 'Fee', act: 'Act', active: 'Active', addItem: 'New item', steps: 'Steps', ok: 'OK',
    allRequests: 'All requests', state_open: 'Open', state_overdue: 'Overdue', state_due_soon: 'Due soon', state_closed: 'Closed', unitTold: 'Handling unit told at {t}',
  },
});
