/**
 * The demo 12345 appeal category tree (诉求分类), three levels. Written as a nested literal for readability and
 * flattened into DEMO_CATEGORIES. A child inherits its parent's default kind and default unit unless it sets
 * its own; `unit: null` means "the street/town office of the appeal's area" (属地管理).
 */
import type { AppealKind } from '@minsheng/contracts';
import type { CategorySeed } from './types';

interface Node {
  slug: string;
  name: string;
  code: string;
  kind?: AppealKind;
  unit?: string | null;
  kw: string[];
  children?: Node[];
}

const TREE: Node[] = [
  { slug: 'construction', name: '城乡建设', code: '01', kind: 'complaint', unit: 'dept-zhujian', kw: ['住建', '房屋', '小区'], children: [
    { slug: 'property', name: '物业管理', code: '0101', kw: ['物业', '物业公司'], children: [
      { slug: 'service-quality', name: '物业服务质量', code: '010101', kw: ['物业', '保洁', '保安', '门禁', '绿化'] },
      { slug: 'fees', name: '物业收费', code: '010102', kw: ['物业费', '收费', '公摊', '停车费'] },
      { slug: 'maintenance-fund', name: '专项维修资金', code: '010103', kind: 'consultation', kw: ['维修资金', '大修', '使用申请'] },
    ] },
    { slug: 'housing-quality', name: '房屋质量', code: '0102', kw: ['房屋', '质量'], children: [
      { slug: 'leakage', name: '房屋渗漏', code: '010201', kw: ['漏水', '渗水', '墙皮', '楼顶'] },
      { slug: 'new-home-defects', name: '新建商品房质量', code: '010202', kw: ['开裂', '空鼓', '交房', '开发商'] },
      { slug: 'dangerous-house', name: '危房隐患', code: '010203', kind: 'help', kw: ['危房', '裂缝', '倒塌', '墙体'] },
    ] },
    { slug: 'real-estate', name: '房地产市场', code: '0103', kw: ['开发商', '购房'], children: [
      { slug: 'delayed-delivery', name: '逾期交房', code: '010301', kw: ['交房', '延期', '烂尾', '停工'] },
      { slug: 'property-certificate', name: '不动产登记办证', code: '010302', kind: 'consultation', unit: 'dept-ziran', kw: ['房产证', '不动产证', '办证', '网签'] },
      { slug: 'affordable-housing', name: '保障性住房', code: '010303', kind: 'consultation', kw: ['公租房', '廉租房', '保障房', '住房补贴'] },
    ] },
    { slug: 'gas-heating', name: '燃气供热', code: '0104', kind: 'help', kw: ['燃气', '供暖'], children: [
      { slug: 'gas', name: '燃气安全与服务', code: '010401', kw: ['燃气', '天然气', '漏气', '燃气表', '煤气味'] },
      { slug: 'heating', name: '供暖问题', code: '010402', kind: 'complaint', kw: ['暖气', '供暖', '不热', '采暖费'] },
    ] },
    { slug: 'old-community', name: '老旧小区改造', code: '0105', kw: ['老旧小区', '改造'], children: [
      { slug: 'renovation', name: '改造施工', code: '010501', kw: ['改造', '施工', '管网', '外墙保温'] },
      { slug: 'elevator-retrofit', name: '既有住宅加装电梯', code: '010502', kind: 'consultation', kw: ['加装电梯', '电梯', '补贴', '低层住户'] },
    ] },
  ] },
  { slug: 'city-management', name: '城市管理', code: '02', kind: 'complaint', unit: 'dept-chengguan', kw: ['城管', '市容'], children: [
    { slug: 'street-order', name: '市容秩序', code: '0201', kw: ['市容', '秩序'], children: [
      { slug: 'street-vending', name: '占道经营', code: '020101', kw: ['占道', '摆摊', '流动摊贩', '夜市', '店外经营'] },
      { slug: 'outdoor-ads', name: '户外广告', code: '020102', kw: ['广告牌', '招牌', '横幅', '小广告'] },
      { slug: 'muck-trucks', name: '渣土运输', code: '020103', kw: ['渣土车', '抛洒', '遗撒', '泥土'] },
    ] },
    { slug: 'illegal-building', name: '违法建设', code: '0202', kind: 'report', kw: ['违建'], children: [
      { slug: 'illegal-construction', name: '违章建筑', code: '020201', kw: ['违建', '私搭乱建', '加盖', '违章建筑'] },
      { slug: 'green-occupation', name: '毁绿占绿', code: '020202', kw: ['毁绿', '占绿', '种菜', '绿地', '砍树'] },
    ] },
    { slug: 'sanitation', name: '环境卫生', code: '0203', kw: ['卫生', '垃圾'], children: [
      { slug: 'garbage', name: '垃圾清运', code: '020301', kw: ['垃圾', '清运', '垃圾桶', '堆放', '臭'] },
      { slug: 'public-toilet', name: '公厕管理', code: '020302', kw: ['公厕', '厕所', '卫生间'] },
      { slug: 'waste-sorting', name: '垃圾分类', code: '020303', kind: 'consultation', kw: ['垃圾分类', '可回收', '厨余'] },
    ] },
    { slug: 'municipal', name: '市政设施', code: '0204', kind: 'help', kw: ['市政'], children: [
      { slug: 'streetlight', name: '路灯照明', code: '020401', kw: ['路灯', '不亮', '照明', '黑'] },
      { slug: 'manhole', name: '井盖设施', code: '020402', kw: ['井盖', '窨井', '缺失', '破损'] },
      { slug: 'road-damage', name: '城市道路破损', code: '020403', kw: ['路面', '坑洼', '塌陷', '人行道砖'] },
      { slug: 'drainage', name: '排水管网', code: '020404', kw: ['下水道', '堵塞', '污水外溢', '化粪池'] },
    ] },
    { slug: 'construction-noise', name: '施工扰民', code: '0205', kw: ['施工', '扰民'], children: [
      { slug: 'night-construction', name: '夜间施工噪音', code: '020501', kw: ['夜间施工', '噪音', '打桩', '半夜'] },
      { slug: 'site-management', name: '工地文明施工', code: '020502', unit: 'dept-zhujian', kw: ['工地', '围挡', '扬尘', '泥浆'] },
    ] },
  ] },
  { slug: 'environment', name: '生态环境', code: '03', kind: 'complaint', unit: 'dept-huanjing', kw: ['环保', '污染'], children: [
    { slug: 'air', name: '大气污染', code: '0301', kw: ['空气', '烟'], children: [
      { slug: 'industrial-emission', name: '企业废气排放', code: '030101', kind: 'report', kw: ['废气', '烟囱', '异味', '排放', '刺鼻'] },
      { slug: 'open-burning', name: '露天焚烧', code: '030102', kind: 'report', unit: null, kw: ['焚烧', '秸秆', '烧垃圾', '浓烟'] },
      { slug: 'catering-fumes', name: '餐饮油烟', code: '030103', kw: ['油烟', '烧烤', '饭店', '排烟'] },
    ] },
    { slug: 'water', name: '水污染', code: '0302', kw: ['污水'], children: [
      { slug: 'sewage-discharge', name: '偷排污水', code: '030201', kind: 'report', kw: ['排污', '偷排', '暗管', '污水'] },
      { slug: 'surface-water', name: '河湖水体污染', code: '030202', kw: ['河水', '发黑', '发臭', '死鱼'] },
    ] },
    { slug: 'noise', name: '噪声污染', code: '0303', kw: ['噪音', '噪声'], children: [
      { slug: 'industrial-noise', name: '工业噪声', code: '030301', kw: ['厂房', '机器', '轰鸣', '噪声'] },
      { slug: 'social-noise', name: '社会生活噪声', code: '030302', unit: null, kw: ['广场舞', '喇叭', '音响', '扰民'] },
    ] },
    { slug: 'solid-waste', name: '固体废物', code: '0304', kind: 'report', kw: ['固废'], children: [
      { slug: 'illegal-dumping', name: '非法倾倒废物', code: '030401', kw: ['倾倒', '危废', '废油', '建筑垃圾'] },
    ] },
  ] },
  { slug: 'transport', name: '交通运输', code: '04', kind: 'complaint', unit: 'dept-jiaotong', kw: ['交通', '运输'], children: [
    { slug: 'bus', name: '公交服务', code: '0401', kw: ['公交'], children: [
      { slug: 'bus-service', name: '公交服务质量', code: '040101', kw: ['公交', '司机', '态度', '不停站'] },
      { slug: 'bus-routes', name: '公交线路站点', code: '040102', kind: 'suggestion', kw: ['线路', '站点', '通公交', '班次'] },
    ] },
    { slug: 'taxi', name: '出租车与网约车', code: '0402', kw: ['出租车'], children: [
      { slug: 'taxi-service', name: '出租车服务', code: '040201', kw: ['出租车', '绕路', '拒载', '不打表'] },
      { slug: 'ride-hailing', name: '网约车与非法营运', code: '040202', kind: 'report', kw: ['网约车', '黑车', '非法营运'] },
    ] },
    { slug: 'road-maintenance', name: '道路养护', code: '0403', kind: 'help', kw: ['公路', '养护'], children: [
      { slug: 'rural-road', name: '农村公路破损', code: '040301', kw: ['村道', '公路', '坑', '破损'] },
      { slug: 'bridge', name: '桥梁安全', code: '040302', kw: ['桥', '桥梁', '护栏', '限高'] },
    ] },
  ] },
  { slug: 'education', name: '教育文体', code: '05', kind: 'consultation', unit: 'dept-jiaoti', kw: ['教育', '学校'], children: [
    { slug: 'enrollment', name: '招生入学', code: '0501', kw: ['入学'], children: [
      { slug: 'school-enrollment', name: '义务教育招生', code: '050101', kw: ['入学', '学区', '划片', '报名'] },
      { slug: 'kindergarten', name: '幼儿园入园', code: '050102', kw: ['幼儿园', '入园', '托育'] },
    ] },
    { slug: 'school-management', name: '学校管理', code: '0502', kind: 'complaint', kw: ['学校', '老师'], children: [
      { slug: 'fees', name: '教育收费', code: '050201', kw: ['乱收费', '资料费', '补课费'] },
      { slug: 'off-campus-training', name: '校外培训', code: '050202', kind: 'report', kw: ['培训机构', '补课', '退费'] },
      { slug: 'school-safety', name: '校园周边安全', code: '050203', kind: 'help', kw: ['校门口', '上下学', '校车', '安全'] },
    ] },
    { slug: 'sports-culture', name: '文体设施', code: '0503', kind: 'suggestion', kw: ['体育', '文化'], children: [
      { slug: 'fitness-facilities', name: '全民健身设施', code: '050301', kw: ['健身器材', '体育场', '篮球场', '健身'] },
    ] },
  ] },
  { slug: 'labour', name: '劳动和社会保障', code: '06', kind: 'consultation', unit: 'dept-renshe', kw: ['人社', '社保'], children: [
    { slug: 'labour-relations', name: '劳动关系', code: '0601', kind: 'complaint', kw: ['劳动'], children: [
      { slug: 'wage-arrears', name: '拖欠工资', code: '060101', kw: ['拖欠工资', '欠薪', '工钱', '农民工'] },
      { slug: 'labour-contract', name: '劳动合同', code: '060102', kind: 'consultation', kw: ['劳动合同', '辞退', '加班', '赔偿'] },
    ] },
    { slug: 'social-insurance', name: '社会保险', code: '0602', kw: ['社保'], children: [
      { slug: 'contribution', name: '社保缴纳', code: '060201', kw: ['社保', '缴费', '断缴', '补缴'] },
      { slug: 'pension', name: '养老保险', code: '060202', kw: ['养老金', '退休', '养老保险', '资格认证'] },
      { slug: 'unemployment', name: '失业保险', code: '060203', kw: ['失业金', '失业保险', '领取'] },
    ] },
    { slug: 'employment', name: '就业创业', code: '0603', kw: ['就业'], children: [
      { slug: 'job-services', name: '就业服务', code: '060301', kw: ['招聘', '就业', '职业培训', '创业贷款'] },
    ] },
    { slug: 'medical-insurance', name: '医疗保障', code: '0604', unit: 'dept-yibao', kw: ['医保'], children: [
      { slug: 'reimbursement', name: '医保报销', code: '060401', kw: ['医保', '报销', '异地就医', '门诊'] },
      { slug: 'resident-insurance', name: '居民医保参保', code: '060402', kw: ['居民医保', '缴费', '参保'] },
    ] },
  ] },
  { slug: 'health', name: '卫生健康', code: '07', kind: 'complaint', unit: 'dept-weijian', kw: ['卫生', '医院'], children: [
    { slug: 'medical-services', name: '医疗服务', code: '0701', kw: ['医院', '医生'], children: [
      { slug: 'hospital-service', name: '医院服务态度', code: '070101', kw: ['医院', '医生', '态度', '排队'] },
      { slug: 'medical-dispute', name: '医疗纠纷', code: '070102', kw: ['误诊', '医疗事故', '纠纷'] },
    ] },
    { slug: 'public-health', name: '公共卫生', code: '0702', kind: 'consultation', kw: ['疫苗', '卫生'], children: [
      { slug: 'vaccination', name: '预防接种', code: '070201', kw: ['疫苗', '接种', '预防针'] },
      { slug: 'illegal-practice', name: '非法行医', code: '070202', kind: 'report', kw: ['黑诊所', '无证行医', '游医'] },
      { slug: 'birth-services', name: '生育与托育服务', code: '070203', kw: ['生育', '育儿补贴', '出生医学证明', '托育'] },
    ] },
  ] },
  { slug: 'market', name: '市场监管', code: '08', kind: 'complaint', unit: 'dept-shichang', kw: ['市场监管', '消费'], children: [
    { slug: 'food-safety', name: '食品安全', code: '0801', kw: ['食品'], children: [
      { slug: 'restaurant-hygiene', name: '餐饮卫生', code: '080101', kw: ['饭店', '不卫生', '变质', '异物'] },
      { slug: 'expired-food', name: '过期变质食品', code: '080102', kind: 'report', kw: ['过期', '超市', '保质期', '发霉'] },
    ] },
    { slug: 'consumer', name: '消费维权', code: '0802', kw: ['消费', '维权'], children: [
      { slug: 'prepaid-cards', name: '预付卡退费', code: '080201', kw: ['预付卡', '办卡', '跑路', '退费', '健身房'] },
      { slug: 'product-quality', name: '商品质量', code: '080202', kw: ['质量', '假货', '退货', '售后'] },
    ] },
    { slug: 'pricing', name: '价格监管', code: '0803', kind: 'report', kw: ['价格'], children: [
      { slug: 'price-violations', name: '价格违法', code: '080301', kw: ['乱涨价', '标价', '多收费', '明码标价'] },
    ] },
    { slug: 'special-equipment', name: '特种设备', code: '0804', kind: 'help', kw: ['电梯'], children: [
      { slug: 'elevator-safety', name: '电梯安全', code: '080401', kw: ['电梯', '困人', '故障', '年检'] },
    ] },
  ] },
  { slug: 'public-safety', name: '公共安全', code: '09', kind: 'report', unit: 'dept-gongan', kw: ['公安', '安全'], children: [
    { slug: 'public-order', name: '社会治安', code: '0901', kw: ['治安'], children: [
      { slug: 'public-order', name: '治安问题', code: '090101', kw: ['盗窃', '打架', '治安', '偷'] },
      { slug: 'fraud', name: '诈骗线索', code: '090102', kw: ['诈骗', '电信诈骗', '传销', '养老诈骗'] },
    ] },
    { slug: 'traffic', name: '道路交通管理', code: '0902', kind: 'complaint', kw: ['交警', '交通'], children: [
      { slug: 'illegal-parking', name: '违章停车', code: '090201', kw: ['乱停车', '违停', '堵路', '消防通道'] },
      { slug: 'traffic-facilities', name: '交通信号与标线', code: '090202', kind: 'suggestion', kw: ['红绿灯', '信号灯', '斑马线', '减速带'] },
    ] },
    { slug: 'household-registration', name: '户籍证件', code: '0903', kind: 'consultation', kw: ['户籍'], children: [
      { slug: 'hukou', name: '户籍办理', code: '090301', kw: ['户口', '迁户', '落户', '身份证'] },
    ] },
    { slug: 'work-safety', name: '安全生产', code: '0904', unit: 'dept-yingji', kw: ['安全生产', '隐患'], children: [
      { slug: 'production-hazards', name: '安全生产隐患', code: '090401', kw: ['安全隐患', '违规生产', '易燃易爆', '非法储存'] },
      { slug: 'fire-hazards', name: '消防隐患', code: '090402', kw: ['消防通道', '杂物', '飞线充电', '电动车充电'] },
    ] },
  ] },
  { slug: 'civil-affairs', name: '民政和社区事务', code: '10', kind: 'help', unit: 'dept-minzheng', kw: ['民政', '社区'], children: [
    { slug: 'social-assistance', name: '社会救助', code: '1001', kw: ['救助'], children: [
      { slug: 'subsistence', name: '低保特困', code: '100101', kw: ['低保', '特困', '困难', '救助'] },
      { slug: 'temporary-relief', name: '临时救助', code: '100102', kw: ['临时救助', '大病', '突发困难'] },
    ] },
    { slug: 'elderly', name: '养老服务', code: '1002', kind: 'consultation', kw: ['老人', '养老'], children: [
      { slug: 'elderly-allowance', name: '高龄津贴', code: '100201', kw: ['高龄补贴', '老年人', '津贴'] },
      { slug: 'care-homes', name: '养老机构', code: '100202', kind: 'complaint', kw: ['养老院', '护理', '敬老院'] },
    ] },
    { slug: 'community', name: '社区事务', code: '1003', unit: null, kw: ['社区', '居委会'], children: [
      { slug: 'neighbour-dispute', name: '邻里纠纷', code: '100301', kw: ['邻居', '纠纷', '矛盾', '调解'] },
      { slug: 'community-services', name: '社区服务', code: '100302', kind: 'complaint', kw: ['社区', '居委会', '村委会', '开证明'] },
    ] },
  ] },
  { slug: 'rural', name: '农业农村', code: '11', kind: 'complaint', unit: 'dept-nongye', kw: ['农村', '农业'], children: [
    { slug: 'agriculture', name: '农业生产', code: '1101', kw: ['种地', '庄稼'], children: [
      { slug: 'agri-inputs', name: '农资质量', code: '110101', kw: ['种子', '化肥', '农药', '假农资'] },
      { slug: 'agri-subsidy', name: '惠农补贴', code: '110102', kind: 'consultation', kw: ['种粮补贴', '农机补贴', '补贴'] },
    ] },
    { slug: 'village', name: '农村人居与村务', code: '1102', unit: null, kw: ['村里', '村委'], children: [
      { slug: 'village-sanitation', name: '村庄环境卫生', code: '110201', kw: ['村里', '垃圾', '柴草', '坑塘'] },
      { slug: 'rural-toilets', name: '农村改厕', code: '110202', kind: 'help', kw: ['改厕', '厕所', '抽粪'] },
      { slug: 'village-affairs', name: '村务公开', code: '110203', kind: 'report', kw: ['村务公开', '村账', '村干部', '集体收入'] },
    ] },
    { slug: 'land', name: '土地与规划', code: '1103', kw: ['土地'], children: [
      { slug: 'illegal-land-use', name: '违法占地', code: '110301', kind: 'report', unit: 'dept-ziran', kw: ['占用耕地', '违法占地', '乱建', '挖土'] },
      { slug: 'land-contract', name: '土地承包流转', code: '110302', kind: 'help', kw: ['承包地', '土地流转', '确权', '地租'] },
      { slug: 'homestead', name: '宅基地', code: '110303', kind: 'consultation', kw: ['宅基地', '建房审批', '翻建'] },
      { slug: 'planning', name: '规划许可', code: '110304', kind: 'consultation', unit: 'dept-ziran', kw: ['规划', '规划许可', '用地'] },
    ] },
  ] },
  { slug: 'water', name: '水务', code: '12', kind: 'help', unit: 'dept-shuiwu', kw: ['水'], children: [
    { slug: 'supply', name: '城乡供水', code: '1201', kw: ['自来水'], children: [
      { slug: 'outage', name: '停水', code: '120101', kw: ['停水', '没水', '水压低', '来水'] },
      { slug: 'quality', name: '水质', code: '120102', kind: 'complaint', kw: ['水质', '发黄', '浑浊', '异味'] },
      { slug: 'pipe-leak', name: '供水管道漏水', code: '120103', kw: ['爆管', '漏水', '管道', '跑水'] },
    ] },
    { slug: 'flood-control', name: '防汛排涝', code: '1202', kw: ['防汛'], children: [
      { slug: 'waterlogging', name: '积水内涝', code: '120201', kw: ['积水', '内涝', '排涝', '淹'] },
      { slug: 'rivers', name: '河道管理', code: '120202', kind: 'complaint', kw: ['河道', '河长', '清淤', '垃圾'] },
    ] },
  ] },
  { slug: 'government', name: '政务服务', code: '13', kind: 'consultation', unit: 'centre', kw: ['政务', '办事'], children: [
    { slug: 'consultation', name: '政策咨询', code: '1301', kw: ['咨询'], children: [
      { slug: 'general-policy', name: '综合政策咨询', code: '130101', kw: ['政策', '咨询', '怎么办理', '材料'] },
      { slug: 'petition-progress', name: '信访事项', code: '130102', unit: 'dept-xinfang', kw: ['信访', '上访', '复查', '答复'] },
    ] },
    { slug: 'business', name: '营商与商贸', code: '1302', kind: 'complaint', unit: 'dept-shangwu', kw: ['企业', '商贸'], children: [
      { slug: 'business-environment', name: '营商环境', code: '130201', kw: ['企业', '营商环境', '审批', '办事难'] },
      { slug: 'markets', name: '农贸市场管理', code: '130202', kw: ['菜市场', '农贸市场', '集市'] },
      { slug: 'commercial-facilities', name: '商业网点配套', code: '130203', kind: 'suggestion', kw: ['超市', '便利店', '商业配套'] },
    ] },
    { slug: 'conduct', name: '机关作风与评价', code: '1303', kind: 'opinion', kw: ['作风'], children: [
      { slug: 'staff-conduct', name: '工作人员作风', code: '130301', kind: 'complaint', kw: ['态度差', '推诿', '不作为', '办事拖拉'] },
      { slug: 'praise', name: '表扬感谢', code: '130302', kind: 'praise', kw: ['表扬', '感谢', '锦旗', '点赞'] },
    ] },
  ] },
];

function flatten(nodes: Node[], parent: CategorySeed | null, out: CategorySeed[]): CategorySeed[] {
  for (const n of nodes) {
    const seed: CategorySeed = {
      key: parent ? `${parent.key}.${n.slug}` : n.slug,
      name: n.name,
      parentKey: parent?.key ?? null,
      defaultKind: n.kind ?? parent?.defaultKind ?? 'consultation',
      open311Code: n.code,
      defaultUnitKey: n.unit !== undefined ? n.unit : (parent?.defaultUnitKey ?? null),
      keywords: n.kw,
    };
    out.push(seed);
    if (n.children) flatten(n.children, seed, out);
  }
  return out;
}

/** The category tree, parents before children: 13 top-level, 45 second-level, 100 third-level nodes. */
export const DEMO_CATEGORIES: CategorySeed[] = flatten(TREE, null, []);
