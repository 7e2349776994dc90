import { defineMessages } from '../../i18n';

/** Strings of the dashboard's chart tabs (the overview keeps its own beside it). */
export const M = defineMessages({
  zh: {
    title: '数据看板', tabOverview: '今日概况', tabAnalysis: '统计分析', tabRanking: '排名与预警',
    lastDays: '近{n}天', periodLabel: '分类与街镇统计期间', periodOf: '{from} 至 {to}', total: '合计 {n} 件',
    trendTitle: '分渠道受理量趋势', byDay: '按日（近30天）', byWeek: '按周（近12周）', byMonth: '按月（近12个月）', weekOf: '{from} 起一周',
    kindTitle: '诉求类型', categoryTitle: '诉求分类构成', uncategorised: '未分类', undivided: '{name}（未细分）', treemapHint: '面积表示诉求数量；点击分类逐级展开', allCategories: '全部分类',
    mapTitle: '街镇诉求分布示意图', byVolume: '受理量', byRate: '超期率', volume: '受理量', overdue: '超期', open: '在办', overdueRate: '超期率',
    mapNote: '示意图：每个方块代表一个街道（镇），按区划代码排列，不表示实际位置与边界；社区诉求计入所属街镇。超期指任一办理时限在办结、暂停前或截至当前已超过。',
    unlocated: '未定位到街镇（仅区级或未填地址）：{n} 件', noData: '无诉求', empty: '本期没有诉求',
    rankingTitle: '单位考核排名', month: '{m} 月', rank: '名次', unit: '单位', score: '得分', response: '响应率', resolution: '解决率', satisfaction: '满意率', rankingLink: '完整考核', red: '红榜', black: '黑榜',
    hotTitle: '热点话题（近7天）', growth: '较上期', newTopic: '新出现', appeals: '{n} 件', hotEmpty: '近7天没有形成热点的诉求',
    warningsTitle: '预警', spike: '异常激增', risk: '风险词', warnEmpty: '没有待处理的预警', expected: '预期 {n}', moreAppeals: '另有 {n} 件不在您的范围内',
    noAccess: '当前角色无权查看',
  },
  en: {
    title: 'Dashboard', tabOverview: 'Today', tabAnalysis: 'Analysis', tabRanking: 'Ranking and warnings',
    lastDays: 'Last {n} days', periodLabel: 'Period for categories and streets', periodOf: '{from} to {to}', total: '{n} in all',
    trendTitle: 'Intake by channel', byDay: 'Daily (30 days)', byWeek: 'Weekly (12 weeks)', byMonth: 'Monthly (12 months)', weekOf: 'Week from {from}',
    kindTitle: 'Appeal kinds', categoryTitle: 'Categories', uncategorised: 'Uncategorised', undivided: '{name} (not subdivided)', treemapHint: 'Area shows the number of appeals; click a category to open it', allCategories: 'All categories',
    mapTitle: 'Appeals by street/town (schematic)', byVolume: 'Volume', byRate: 'Overdue rate', volume: 'Volume', overdue: 'Overdue', open: 'Open', overdueRate: 'Overdue rate',
    mapNote: 'Schematic: one tile per street/town in code order; not real positions or boundaries. Community appeals count for their street/town. Overdue: a time limit ran out before completion or pause, or by now.',
    unlocated: 'Not located to a street/town (district only or no address): {n}', noData: 'No appeals', empty: 'No appeals in this period',
    rankingTitle: 'Unit ranking', month: '{m}', rank: 'Rank', unit: 'Unit', score: 'Score', response: 'Response', resolution: 'Resolution', satisfaction: 'Satisfaction', rankingLink: 'Full assessment', red: 'Red list', black: 'Black list',
    hotTitle: 'Hot topics (7 days)', growth: 'vs previous', newTopic: 'new', appeals: '{n}', hotEmpty: 'No hot topics in the last 7 days',
    warningsTitle: 'Early warnings', spike: 'Spike', risk: 'Risk term', warnEmpty: 'No open warnings', expected: 'expected {n}', moreAppeals: '{n} more outside your scope',
    noAccess: 'Not available for your role',
  },
});
