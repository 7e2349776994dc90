import { defineMessages } from '../../i18n';

export const M = defineMessages({
  zh: {
    title: '分析报告', generate: '生成报告', kind: '报告类型', weekly: '周报', monthly: '月报', petition: '信访分析报告', period: '统计期间',
    suggestions: '意见建议（每行一条；留空则生成标明“系统生成”的占位文字）', generated: '已生成：{title}',
    list: '已生成的报告', reportTitle: '报告', periodCol: '期间', generatedAt: '生成时间', how: '方式', scheduled: '定时生成', manual: '手动生成',
    open: '查看', xlsx: '下载 XLSX', print: '打印 / PDF', incomplete: '生成时期间未结束，数字截至生成时', compared: '与上期（{from} 至 {to}）比较',
    points: '个百分点', noRows: '本期无数据', empty: '还没有报告：选择类型和期间后点击“生成报告”。', frozen: '报告生成后不再变化；再次生成会另存一份新报告。',
  },
  en: {
    title: 'Reports', generate: 'Generate', kind: 'Kind', weekly: 'Weekly', monthly: 'Monthly', petition: 'Petition analysis', period: 'Period',
    suggestions: 'Suggestions (one per line; empty: marked placeholders are generated)', generated: 'Generated: {title}',
    list: 'Generated reports', reportTitle: 'Report', periodCol: 'Period', generatedAt: 'Generated', how: 'How', scheduled: 'Scheduled', manual: 'On demand',
    open: 'Open', xlsx: 'Download XLSX', print: 'Print / PDF', incomplete: 'Generated before the period ended: figures so far', compared: 'Compared with {from} to {to}',
    points: 'pts', noRows: 'No data', empty: 'No reports yet: choose a kind and period, then Generate.', frozen: 'A report never changes once generated; generating again stores a new one.',
  },
});
