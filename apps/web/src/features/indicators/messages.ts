import { defineMessages } from '../../i18n';

export const M = defineMessages({
  zh: {
    title: '考核指标', figures: '指标', assessment: '月度考核', period: '统计周期', groupBy: '分组', includeSubunits: '含下级单位',
    day: '日', week: '周', month: '月', quarter: '季度', year: '年', custom: '自定义',
    unit: '单位', area: '区域', category: '分类', channel: '渠道', kind: '类型', group: '分组', none: '（未填）',
    rangeOf: '{from} 至 {to}', clickHint: '点击数字查看其背后的诉求；分母含本期到期仍未办结的诉求',
    denominator: '分母', numerator: '分子', appeals: '诉求', number: '编号', titleCol: '标题', at: '计入时间', weight: '计入分子', total: '共 {n} 条',
    tier: '档次', rank: '名次', score: '得分', composite: '综合分', deduction: '扣分', response: '响应率', resolution: '解决率', satisfaction: '满意率',
    red: '红榜', black: '黑榜', frozen: '已冻结（{at}）', live: '实时计算，未冻结', freeze: '冻结本月结果', weights: '权重：响应 {r}、解决 {s}、满意 {t}',
    monthPick: '考核月份', noData: '无数据',
  },
  en: {
    title: 'Indicators', figures: 'Indicators', assessment: 'Monthly assessment', period: 'Period', groupBy: 'Group by', includeSubunits: 'Include sub-units',
    day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year', custom: 'Custom',
    unit: 'Unit', area: 'Area', category: 'Category', channel: 'Channel', kind: 'Kind', group: 'Group', none: '(none)',
    rangeOf: '{from} to {to}', clickHint: 'Click a figure to list the appeals behind it; denominators include open appeals whose clocks ran out in the period',
    denominator: 'Denominator', numerator: 'Numerator', appeals: 'Appeals', number: 'Number', titleCol: 'Title', at: 'Counted at', weight: 'In numerator', total: '{n} in all',
    tier: 'Tier', rank: 'Rank', score: 'Score', composite: 'Composite', deduction: 'Deductions', response: 'Response', resolution: 'Resolution', satisfaction: 'Satisfaction',
    red: 'Red list', black: 'Black list', frozen: 'Frozen ({at})', live: 'Computed live, not frozen', freeze: 'Freeze this month', weights: 'Weights: response {r}, resolution {s}, satisfaction {t}',
    monthPick: 'Month', noData: 'No data',
  },
});
