/**
 * Demo Open311 service definitions (分类附加项): the extra questions three demo categories ask an Open311 client,
 * together covering all six GeoReport v2 datatypes. Pure data, keyed by category key; the seed inserts it.
 */
import type { CategoryAttributeSeed } from '../repositories/open311';

const STREETLIGHT = 'city-management.municipal.streetlight';
const ROAD = 'city-management.municipal.road-damage';
const GARBAGE = 'city-management.sanitation.garbage';

export const DEMO_CATEGORY_ATTRIBUTES: CategoryAttributeSeed[] = [
  { categoryKey: STREETLIGHT, code: 'pole_number', datatype: 'string', required: false, description: '路灯杆编号', datatypeDescription: '灯杆上喷涂的编号，如 YZ-0123' },
  { categoryKey: STREETLIGHT, code: 'lamp_count', datatype: 'number', required: true, description: '不亮的路灯数量（盏）', datatypeDescription: '填写整数' },
  { categoryKey: STREETLIGHT, code: 'fault_type', datatype: 'singlevaluelist', required: true, description: '故障情况', values: [
    { key: 'off', name: '整夜不亮' }, { key: 'flicker', name: '忽明忽暗' }, { key: 'daytime', name: '白天常亮' }, { key: 'damaged', name: '灯杆倾斜或破损' },
  ] },
  { categoryKey: STREETLIGHT, code: 'safety_note', datatype: 'text', required: false, variable: false, description: '如发现电线裸露、灯杆倒伏，请远离并立即拨打 12345 或 110。' },
  { categoryKey: ROAD, code: 'first_seen', datatype: 'datetime', required: false, description: '最早发现时间', datatypeDescription: '例如 2026-11-20T08:00:00+08:00' },
  { categoryKey: ROAD, code: 'damage_kinds', datatype: 'multivaluelist', required: true, description: '破损类型（可多选）', values: [
    { key: 'pothole', name: '坑洼' }, { key: 'crack', name: '裂缝' }, { key: 'collapse', name: '塌陷' }, { key: 'tiles', name: '人行道砖松动' }, { key: 'manhole', name: '井盖缺失或破损' },
  ] },
  { categoryKey: ROAD, code: 'details', datatype: 'text', required: false, description: '补充说明', datatypeDescription: '可写明车道、方向、面积等' },
  { categoryKey: GARBAGE, code: 'bin_kind', datatype: 'singlevaluelist', required: false, description: '垃圾类型', values: [
    { key: 'household', name: '生活垃圾' }, { key: 'construction', name: '建筑垃圾' }, { key: 'bulky', name: '大件垃圾' },
  ] },
  { categoryKey: GARBAGE, code: 'days_uncollected', datatype: 'number', required: false, description: '已有几天未清运' },
];
