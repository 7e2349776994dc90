/**
 * Demo content of the grassroots network, community files and dispute register (issue 8, modules 3, 4, 6).
 * Names and phone numbers are fictional. Units are named by demo key, communities by area code.
 */

const FIVE = ['有班子', '有牌子', '有平台', '有制度', '有保障'];
const FOUR_ONE = ['办公有场所', '门口有牌子', '接待有人员', '工作有制度', '记录要归档'];

/** 工作站 of streets and departments; 鼓楼 is complete, 龙桥 lacks 有保障 and staff. */
export const DEMO_STATIONS = [
  { unitKey: 'street-370812001', name: '鼓楼街道群众工作站', head: '朱宏伟', staffCount: 6, requirementsMet: FIVE },
  { unitKey: 'street-370812003', name: '龙桥街道群众工作站', head: '马德明', staffCount: 4, requirementsMet: FIVE.slice(0, 4) },
  { unitKey: 'street-370812102', name: '新驿镇群众工作站', head: '许德胜', staffCount: 5, requirementsMet: FIVE },
  { unitKey: 'dept-zhujian', name: '区住建局群众工作站', head: '吴国庆', staffCount: 2, requirementsMet: ['有制度'] },
] as const;

/** 工作室 of communities (四有一要). */
export const DEMO_ROOMS = [
  { areaCode: '370812001002', name: '韦园社区群众工作室', head: '何春霞', staffCount: 3, requirementsMet: FOUR_ONE },
  { areaCode: '370812001003', name: '文东社区群众工作室', head: '田玉梅', staffCount: 3, requirementsMet: FOUR_ONE },
  { areaCode: '370812003001', name: '府东社区群众工作室', head: '孔令华', staffCount: 2, requirementsMet: FOUR_ONE.slice(0, 3) },
] as const;

/** 信息员: level, the unit (street/department key) or community, the name and a fictional phone. */
export const DEMO_OFFICERS = [
  { level: 'street', unitKey: 'street-370812001', name: '刘洪亮', phone: '13905371001' },
  { level: 'street', unitKey: 'street-370812001', name: '孙丽萍', phone: '13905371002' },
  { level: 'street', unitKey: 'street-370812001', name: '高建军', phone: '13905371003' },
  { level: 'community', areaCode: '370812001002', name: '李秀英', phone: '13905371011' },
  { level: 'community', areaCode: '370812001002', name: '王志强', phone: '13905371012' },
  { level: 'community', areaCode: '370812001002', name: '张海燕', phone: '13905371013' },
  { level: 'community', areaCode: '370812001003', name: '赵国栋', phone: '13905371021' },
  { level: 'school', unitKey: 'street-370812001', orgName: '兖州区实验小学', name: '陈晓燕', phone: '13905371031' },
  { level: 'street', unitKey: 'street-370812003', name: '韩志国', phone: '13905371041' },
  { level: 'department', unitKey: 'dept-zhujian', name: '周文斌', phone: '13905371051' },
] as const;

/** 居情档案: 韦园社区 complete, 文东社区 partly written. */
export const DEMO_FILE_SECTIONS = [
  { areaCode: '370812001002', section: 'party_affairs', content: '社区党委下设 4 个党支部，党员 126 名；每月 5 日主题党日。' },
  { areaCode: '370812001002', section: 'major_matters', content: '老旧小区改造二期已入选区年度计划，涉及 12 栋楼 480 户。' },
  { areaCode: '370812001002', section: 'finances', content: '上年度社区服务经费收入 28.6 万元，支出 26.1 万元，按季度公开。' },
  { areaCode: '370812001002', section: 'land_transfers', content: '社区无集体土地流转事项。' },
  { areaCode: '370812001002', section: 'family_planning', content: '育龄妇女 612 人，落实奖励扶助 37 户。' },
  { areaCode: '370812001002', section: 'hardship_relief', content: '低保 18 户，特困 3 人，临时救助 6 人次。' },
  { areaCode: '370812001003', section: 'party_affairs', content: '社区党总支党员 88 名，设 3 个网格党小组。' },
  { areaCode: '370812001003', section: 'hardship_relief', content: '低保 11 户，困境儿童 2 名，已建立一对一帮扶。' },
] as const;

/** 矛盾纠纷 register: one high risk (raises a warning), one resolved long ago (its revisits are due). */
export const DEMO_DISPUTES = [
  {
    title: '惠民小区物业费上调引发业主集体不满', description: '物业公司拟将物业费由每平方米 0.6 元上调至 1.0 元，部分业主拒缴并计划集体上访。',
    kind: 'property', riskLevel: 'high', areaCode: '370812001002', unitKey: 'street-370812001', parties: [{ name: '宋建华', phone: '13905372001', role: '业主代表' }, { name: '惠民物业公司', role: '物业' }],
    steps: [{ action: 'mediate', note: '街道召集物业与业主代表首次协商，物业同意暂缓调价。' }], resolvedDaysAgo: null,
  },
  {
    title: '邻里漏水纠纷', description: '楼上住户卫生间渗漏导致楼下天花板霉变，双方多次争吵。',
    kind: 'neighbour', riskLevel: 'low', areaCode: '370812001003', unitKey: 'street-370812001', parties: [{ name: '钱玉芳', phone: '13905372011', role: '楼下住户' }, { name: '孙建国', role: '楼上住户' }],
    steps: [{ action: 'resolve', note: '人民调解员上门调解，楼上住户承担维修费用。', outcome: '达成调解协议，已维修完毕。' }], resolvedDaysAgo: 10,
  },
  {
    title: '土地承包经营权边界争议', description: '两户村民对承包地边界认定不一，影响春耕。',
    kind: 'land', riskLevel: 'medium', areaCode: '370812102', unitKey: 'street-370812102', parties: [{ name: '许长林', role: '承包户' }, { name: '许长生', role: '承包户' }],
    steps: [], resolvedDaysAgo: null,
  },
] as const;

/** 排查: this month's round; 鼓楼街道 has returned. */
export const DEMO_SCREENING = { title: '本月矛盾纠纷集中排查', returns: [{ unitKey: 'street-370812001', disputesFound: 2, note: '排查小区 12 个，发现纠纷 2 起，均已登记。' }] } as const;

/** A pending early-warning report from a community officer. */
export const DEMO_REPORT = { officer: '李秀英', riskLevel: 'medium', content: '韦园社区部分租户反映房东拖欠押金，近期可能聚集到社区反映。' } as const;
