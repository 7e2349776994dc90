/** Demo content of 听证会 and 民生事项代办 (seed 002: 区、镇街、村居三级代办; 公开事项、程序和承诺时限). Fictional. */

/** The catalogue: unit by demo unit key (null: the service hall of the level itself). */
export const DEMO_PROXY_ITEMS = [
  { code: 'Q-001', name: '城乡居民基本医疗保险参保登记', level: 'district', unitKey: 'dept-yibao', promisedDays: 5, fee: '免费',
    procedure: ['村居代办员受理并核对材料', '镇街便民服务中心初审', '区医保局审核登记', '代办员通知申请人结果'], materials: ['居民身份证', '户口簿', '一寸照片1张'] },
  { code: 'Q-002', name: '城乡居民养老保险待遇领取申请', level: 'district', unitKey: 'dept-renshe', promisedDays: 10, fee: '免费',
    procedure: ['代办员受理', '区人社局审核', '待遇核定并发放'], materials: ['居民身份证', '户口簿', '社会保障卡'] },
  { code: 'Q-003', name: '残疾人证办理', level: 'district', unitKey: 'dept-minzheng', promisedDays: 15, fee: '免费',
    procedure: ['代办员受理申请', '指定医院评定', '区残联审核发证'], materials: ['居民身份证', '户口簿', '二寸照片3张'] },
  { code: 'Q-101', name: '最低生活保障申请', level: 'street', unitKey: null, promisedDays: 20, fee: '免费',
    procedure: ['村居代办员受理', '镇街入户调查与民主评议', '公示7天', '区民政局审批'], materials: ['居民身份证', '户口簿', '家庭收入及财产情况说明', '授权核对家庭经济状况声明'] },
  { code: 'Q-102', name: '老年人优待证办理', level: 'street', unitKey: null, promisedDays: 3, fee: '免费',
    procedure: ['代办员受理', '镇街便民服务中心制证', '代办员送证上门'], materials: ['居民身份证', '一寸照片1张'] },
  { code: 'Q-103', name: '80周岁以上老年人高龄津贴申请', level: 'street', unitKey: null, promisedDays: 10, fee: '免费',
    procedure: ['代办员受理', '镇街审核', '按月发放'], materials: ['居民身份证', '户口簿', '银行卡'] },
  { code: 'Q-201', name: '居住证明开具', level: 'community', unitKey: null, promisedDays: 1, fee: '免费',
    procedure: ['村居代办员受理', '核实居住情况', '出具证明'], materials: ['居民身份证'] },
  { code: 'Q-202', name: '独生子女父母光荣证补办', level: 'community', unitKey: null, promisedDays: 5, fee: '免费',
    procedure: ['代办员受理', '镇街审核', '补发证件'], materials: ['夫妻双方身份证', '户口簿', '结婚证'] },
] as const;

/** Hearings: one concluded and published, one announced and published, one still a draft. `days` counts from today. */
export const DEMO_HEARINGS = [
  {
    title: '兖州区城区居民管道天然气价格调整听证会', status: 'concluded', days: -20, organiserKey: 'centre', place: '区政务服务中心三楼听证室', published: true,
    topic: '拟将城区居民管道天然气第一档价格由每立方米2.90元调整为3.15元，第二、三档相应调整。',
    notice: '根据《政府制定价格听证办法》，定于本月在区政务服务中心举行居民管道天然气价格调整听证会，现将有关事项公告如下：听证会参加人由居民代表、企业代表等组成。',
    minutes: '听证会由区发展改革部门主持，到会代表9名。多数代表同意调价方案，建议对低保户、特困人员给予用气补贴，并要求燃气企业公开成本。',
    outcome: '采纳代表意见：调价方案第一档调整为3.10元/立方米，对低保户、特困人员每户每月补贴10立方米用气。',
    representatives: [
      { kind: 'resident', name: '马秀英', constituency: '鼓楼街道惠民社区', attended: true },
      { kind: 'resident', name: '孔德利', constituency: '龙桥街道', attended: true },
      { kind: 'resident', name: '田桂芳', constituency: '酒仙桥街道', attended: false },
      { kind: 'enterprise', name: '高建平', organisation: '兖州华润燃气有限公司', attended: true },
    ],
    materials: [{ title: '定价成本监审报告（摘要）', summary: '2025年度居民供气单位成本3.06元/立方米。', public: true }, { title: '企业财务明细', summary: '供内部审阅。', public: false }],
  },
  {
    title: '鼓楼街道老旧小区改造方案听证会', status: 'announced', days: 18, organiserKey: 'street-370812001', place: '鼓楼街道办事处二楼会议室', published: true,
    topic: '惠民社区、韦园社区老旧小区改造实施方案：加装电梯、雨污分流、停车位规划。',
    notice: '鼓楼街道拟对惠民社区、韦园社区实施老旧小区改造，现公开征集听证代表意见，欢迎居民旁听。',
    minutes: '', outcome: '',
    representatives: [
      { kind: 'resident', name: '孙立华', constituency: '惠民社区', attended: null },
      { kind: 'resident', name: '张秀兰', constituency: '韦园社区', attended: null },
      { kind: 'enterprise', name: '刘振东', organisation: '兖州城建物业服务有限公司', attended: null },
    ],
    materials: [{ title: '改造实施方案（征求意见稿）', summary: '拟加装电梯12部，新建停车位240个，改造雨污管网3.2公里。', public: true }],
  },
  {
    title: '城区公交线网优化调整听证会', status: 'draft', days: 40, organiserKey: 'dept-jiaotong', place: '区交通运输局会议室', published: false,
    topic: '拟调整城区公交3路、7路走向，新增社区微循环线路2条。', notice: '', minutes: '', outcome: '',
    representatives: [{ kind: 'resident', name: '王淑珍', constituency: '兴隆庄街道', attended: null }],
    materials: [],
  },
] as const;

/** Proxy requests registered by community and street staff; `steps` follow acceptance. */
export const DEMO_PROXY_REQUESTS = [
  { item: 'Q-001', agent: 'weiyuan.handler', applicantName: '赵玉梅', applicantPhone: '13805371234', matter: '为 70 岁母亲办理医保参保登记。', steps: [{ action: 'start', note: '' }] },
  { item: 'Q-102', agent: 'gulou.handler', applicantName: '钱广才', applicantPhone: '13905376789', matter: '行动不便，请求上门送证。', steps: [{ action: 'start', note: '' }, { action: 'complete', note: '优待证已制好，已送证上门。' }] },
  { item: 'Q-101', agent: 'xinyi.handler', applicantName: '李春花', applicantPhone: '15953712345', matter: '因病致贫申请低保。', steps: [{ action: 'request_materials', note: '请补充近6个月医疗费用票据。' }] },
] as const;
