import { col } from '../report-body';
import type { ReportSection } from '../report-body';

/** Marks a suggestion the system wrote from the figures: a placeholder for staff to review, never policy advice. */
export const GENERATED_MARK = '系统生成（占位，须经工作人员审定）';

interface Facts { topAccused: { name: string; count: number } | null; topCategory: { name: string; count: number } | null; supervised: number; reviews: number }

/**
 * 意见建议 (信访条例 art. 39 (三)): the staff's own suggestions when given; otherwise placeholders drawn from the
 * report's figures, each marked GENERATED_MARK so nobody mistakes them for a decision.
 */
export function suggestionSection(staff: readonly string[], f: Facts): ReportSection {
  const rows = staff.length
    ? staff.map((text) => ({ source: '工作人员', text }))
    : placeholders(f).map((text) => ({ source: GENERATED_MARK, text }));
  return {
    key: 'suggestions', title: '意见建议', rows,
    note: staff.length ? '由工作人员在生成报告时填写。' : '本节为系统按本期数字生成的占位文字，须由工作人员审定、改写后方可作为政策性建议上报。',
    columns: [col('source', '来源'), col('text', '内容')],
  };
}

function placeholders(f: Facts): string[] {
  const out: string[] = [];
  if (f.topAccused) out.push(`【待审定】本期被投诉较多的机关为「${f.topAccused.name}」（${f.topAccused.count} 件），建议督促其查找原因、改进工作并报告整改情况。`);
  if (f.topCategory) out.push(`【待审定】本期信访事项集中在「${f.topCategory.name}」领域（${f.topCategory.count} 件），建议相关部门研究完善政策措施。`);
  if (f.supervised) out.push(`【待审定】本期督办 ${f.supervised} 件，建议逐件跟踪，督促承办机关在 30 日内书面回复。`);
  if (f.reviews) out.push(`【待审定】本期申请复查、复核 ${f.reviews} 件，建议分析首次办理意见的说理与依据。`);
  out.push('【待填写】政策性建议及其被采纳情况、各部门采纳改进建议的情况。');
  return out;
}
