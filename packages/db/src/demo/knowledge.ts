/**
 * The demo knowledge base (知识库) and reply templates (答复模板) of 兖州区. Categories are named by their demo key
 * (see categories.ts); `public` articles may appear on the citizen portal. Texts are realistic but not official
 * guidance: a real installation writes its own.
 */

export interface KnowledgeArticleSeed { title: string; body: string; categoryKey: string | null; keywords: readonly string[]; public: boolean }
export interface ReplyTemplateSeed { name: string; text: string; categoryKey: string | null; result: string | null; sortOrder: number }

const ARTICLES: KnowledgeArticleSeed[] = [
  {
    title: '社保卡（社会保障卡）丢失如何挂失和补办',
    categoryKey: 'labour.social-insurance',
    keywords: ['社保卡', '社会保障卡', '补办', '挂失', '补卡'],
    public: true,
    body: '社保卡丢失后请先挂失，避免被他人冒用。挂失可通过拨打社保服务热线、登录“爱山东”APP或到社保卡合作银行网点办理，口头挂失有效期一般为5天，需在期限内办理正式挂失或补卡。\n'
      + '补办地点：区人社局社保卡服务窗口（区政务服务中心一楼）或各社保卡合作银行网点。补办需携带本人有效身份证件；代办的还需携带代办人身份证件。\n'
      + '办理时限：在合作银行网点即时制卡的，当场领取；需要统一制卡的，一般在15个工作日内完成。补卡工本费按省里规定收取，因卡片质量问题换卡的免费。\n'
      + '温馨提示：补卡后原卡作废，医保个人账户余额、社保待遇发放账户会自动转入新卡。',
  },
  {
    title: '居住证办理条件、所需材料和办理地点',
    categoryKey: 'public-safety.household-registration.hukou',
    keywords: ['居住证', '暂住证', '流动人口', '居住登记'],
    public: true,
    body: '办理条件：离开常住户口所在地，到本区居住半年以上，并符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证。\n'
      + '所需材料：本人居民身份证；近期免冠照片（可现场采集）；住所证明（房产证明、租赁合同或单位、学校出具的住宿证明）；就业证明或就读证明之一。\n'
      + '办理地点：居住地派出所户籍窗口或区政务服务中心公安窗口。材料齐全的，一般15日内制证发放。\n'
      + '居住证每年签注一次，逾期未签注的暂停享受相关公共服务，补签后恢复。凭居住证可办理子女入学、积分落户、公积金缴存等事项。',
  },
  {
    title: '集中供暖时间及暖气不热的处理办法',
    categoryKey: 'construction.gas-heating.heating',
    keywords: ['供暖', '暖气', '采暖期', '暖气不热', '室温', '供热'],
    public: true,
    body: '供暖时间：本区集中供暖期一般为每年11月15日至次年3月15日，遇气温明显偏低时，经政府批准可提前供暖或延长供暖。\n'
      + '室温标准：供暖期间卧室、起居室室温不应低于18℃。\n'
      + '暖气不热时可先自查：检查户内阀门是否全部打开；散热器上部热、下部凉的，多为存有空气，可用排气阀放气；地暖不热的，检查分水器和过滤器是否堵塞。\n'
      + '自查后仍不热的，请联系所在小区的供热企业报修，供热企业应在接报后24小时内上门处理；对处理结果不满意的，可拨打12345反映，由区住建局督促供热企业处理。',
  },
  {
    title: '噪声扰民投诉：夜间时段与各部门受理范围',
    categoryKey: 'environment.noise',
    keywords: ['噪音', '噪声', '扰民', '夜间施工', '广场舞', '装修噪音'],
    public: true,
    body: '夜间时段：依照《中华人民共和国噪声污染防治法》，“夜间”一般指22时至次日6时。\n'
      + '建筑施工噪声：夜间在噪声敏感建筑物集中区域施工作业的，须持有抢修、抢险或因生产工艺要求必须连续施工的证明，并公告附近居民；无证明夜间施工的，由城管执法部门查处。\n'
      + '社会生活噪声：室内装修应避开中午和夜间休息时段（本区一般为12时至14时、22时至次日6时）；广场舞等文体活动、家庭聚会产生的噪声，可向所在社区反映或拨打110。\n'
      + '工业企业噪声：由生态环境部门受理。\n'
      + '接到噪声投诉后，承办单位一般在2个工作日内到现场核查，夜间施工等紧急情况会尽快处置。',
  },
  {
    title: '住房公积金提取的条件和办理方式',
    categoryKey: null,
    keywords: ['公积金', '住房公积金', '提取', '租房提取', '购房提取', '公积金贷款'],
    public: true,
    body: '可以提取的情形：购买、建造、翻建、大修自住住房；偿还自住住房贷款本息；无房职工支付房租；离休、退休；完全丧失劳动能力并与单位终止劳动关系；出境定居；职工死亡或被宣告死亡等。\n'
      + '所需材料：本人身份证件、本人银行卡，以及对应情形的证明材料（如购房合同、不动产权证书、贷款合同、退休证明等）。租房提取本市无房的，一般无需提供租赁合同。\n'
      + '办理渠道：济宁市住房公积金管理中心兖州管理部服务窗口，或通过“爱山东”APP、公积金网上服务大厅线上办理。资料齐全的，一般3个工作日内到账。\n'
      + '注意：同一情形提取有次数和额度限制，具体以公积金中心当年政策为准，可拨打12329公积金服务热线咨询。',
  },
  {
    title: '城乡居民基本医疗保险参保缴费',
    categoryKey: 'labour.medical-insurance.resident-insurance',
    keywords: ['居民医保', '医保', '参保', '缴费', '新生儿参保'],
    public: true,
    body: '参保对象：未参加职工基本医疗保险的城乡居民，包括学生、儿童、灵活就业人员和老年居民等。\n'
      + '缴费时间：一般为每年9月至12月集中缴纳次年费用，具体起止时间以当年通知为准；新生儿在出生后90日内参保缴费的，自出生之日起享受待遇。\n'
      + '缴费渠道：“爱山东”APP、微信或支付宝的“山东税务社保缴费”、合作银行柜台，也可通过所在村（社区）代收。\n'
      + '困难群众（特困人员、低保对象等）个人缴费部分按规定给予资助，由民政等部门认定后办理。',
  },
  {
    title: '被拖欠工资怎么办',
    categoryKey: 'labour.labour-relations.wage-arrears',
    keywords: ['拖欠工资', '欠薪', '讨薪', '劳动监察', '农民工工资'],
    public: true,
    body: '劳动者被拖欠工资的，可先与用人单位协商；协商不成的，可以：\n'
      + '1. 向区人社局劳动保障监察大队投诉，需提供本人身份证件、用人单位名称和地址、欠薪期间和金额，以及劳动合同、考勤、工资条、聊天记录等证据；\n'
      + '2. 向劳动人事争议仲裁委员会申请仲裁，申请时效为一年，劳动关系存续期间因拖欠劳动报酬发生争议的不受此限；\n'
      + '3. 工程建设领域农民工工资拖欠的，也可向项目所在地住建、人社部门反映，落实总包单位代发和工资保证金制度。\n'
      + '劳动监察部门对事实清楚的一般投诉，自立案之日起60个工作日内办结。',
  },
  {
    title: '话务口径：夜间施工噪音投诉的受理和派单要点（内部）',
    categoryKey: 'city-management.construction-noise.night-construction',
    keywords: ['夜间施工', '施工噪音', '派单', '话务口径'],
    public: false,
    body: '受理时问清：施工地点（小区、路段及门牌）、施工单位或工地名称、施工起止时间、是否已持续多日。\n'
      + '22时后仍在施工的，按“紧急”受理并即时派区综合行政执法局（城管）夜间值班组，提醒市民保留视频、录音等证据。\n'
      + '属市政道路、管网抢修的，向市民解释抢修施工属于法律允许的夜间作业，同时派单督促施工单位采取降噪措施并公告周边居民。\n'
      + '同一工地当晚已有工单的，按并单处理，避免重复派单。',
  },
];

const TEMPLATES: ReplyTemplateSeed[] = [
  {
    name: '已解决（通用）', categoryKey: null, result: 'solved', sortOrder: 10,
    text: '您好！您反映的【问题概述】已收悉。我单位高度重视，于【日期】安排工作人员到现场核实处理。经处理，【处理措施和结果】，问题已解决。感谢您对我们工作的理解和支持！如有疑问，请联系【承办人】，电话【联系电话】。',
  },
  {
    name: '已答复解释（通用）', categoryKey: null, result: 'explained', sortOrder: 20,
    text: '您好！您反映的【问题概述】已收悉。经核实，【核实情况】。根据【政策依据】，【解释说明】。我们已于【日期】电话联系您，就上述情况进行了解释说明。感谢您的理解与支持！',
  },
  {
    name: '部分解决（通用）', categoryKey: null, result: 'partially_solved', sortOrder: 30,
    text: '您好！您反映的【问题概述】已收悉。经现场核实，【已解决部分】已处理完毕；【未解决部分】因【原因】暂时无法一次解决，我单位已制定计划，预计于【时间】前完成，届时将再次与您联系。',
  },
  {
    name: '暂无法解决（通用）', categoryKey: null, result: 'unsolvable', sortOrder: 40,
    text: '您好！您反映的【问题概述】已收悉。经核实，该问题因【客观原因/政策限制】目前暂时无法解决。我单位已向您说明情况，并建议您【其他解决途径】。感谢您的理解！',
  },
  {
    name: '转交下级单位办理', categoryKey: null, result: null, sortOrder: 50,
    text: '您好！经研究，您反映的问题属于【街道/社区】职责范围，我单位已于【日期】转交【承办单位】办理，并督促其在规定时限内与您联系。如有疑问，可再次拨打12345热线反映。',
  },
  {
    name: '供暖不热已处理', categoryKey: 'construction.gas-heating.heating', result: 'solved', sortOrder: 10,
    text: '您好！您反映【小区及楼号】暖气不热的问题已收悉。供热企业维修人员于【日期】上门检查，对【散热器排气/阀门调整/管道清堵】进行了处理，经复测室温已达到【温度】℃，符合不低于18℃的标准。如再有不热情况，请拨打供热企业报修电话【电话】。',
  },
  {
    name: '夜间施工噪音已查处', categoryKey: 'city-management.construction-noise.night-construction', result: 'solved', sortOrder: 10,
    text: '您好！您反映【地点】夜间施工噪音扰民的问题已收悉。执法人员于【日期】夜间到场核查，该工地【未持有夜间施工证明】，已责令立即停止夜间施工，并依法【处理措施】。我们将加强夜间巡查，防止问题反复。',
  },
  {
    name: '欠薪投诉已立案', categoryKey: 'labour.labour-relations.wage-arrears', result: 'explained', sortOrder: 10,
    text: '您好！您反映的被拖欠工资问题已收悉。区劳动保障监察大队已于【日期】立案调查，并约谈【用人单位】负责人。请您准备劳动合同、考勤记录、工资条等证据材料，到【地址】配合调查。立案之日起60个工作日内办结，办理结果将及时告知您。',
  },
  {
    name: '信访事项支持', categoryKey: null, result: 'supported', sortOrder: 60,
    text: '信访人：您提出的【信访事项】，经调查核实，【事实认定】。依据【政策法规】，您的请求合理，予以支持。具体办理措施为：【措施】。如对本处理意见不服，可自收到本意见书之日起30日内向【上一级机关】请求复查。',
  },
];

/** The demo jurisdiction's knowledge articles and reply templates. */
export const DEMO_KNOWLEDGE = { articles: ARTICLES, templates: TEMPLATES };
