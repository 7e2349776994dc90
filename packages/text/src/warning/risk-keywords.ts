import { normalizeText } from '../segment/normalize';

/** A phrase that marks an appeal for attention (风险词), with how urgent and what kind of risk. */
export interface RiskKeyword {
  term: string;
  level: 'high' | 'medium';
  kind: string;
}

/** Default list; every deployment should review it (it is configuration, stored as data by the server). */
export const DEFAULT_RISK_KEYWORDS: readonly RiskKeyword[] = [
  { term: '集体', level: 'medium', kind: '群体性' }, { term: '联名', level: 'medium', kind: '群体性' },
  { term: '上访', level: 'high', kind: '群体性' }, { term: '集体上访', level: 'high', kind: '群体性' },
  { term: '进京', level: 'high', kind: '群体性' }, { term: '堵路', level: 'high', kind: '群体性' },
  { term: '围堵', level: 'high', kind: '群体性' }, { term: '拉横幅', level: 'medium', kind: '群体性' },
  { term: '静坐', level: 'high', kind: '群体性' }, { term: '讨薪', level: 'medium', kind: '欠薪' },
  { term: '拖欠工资', level: 'medium', kind: '欠薪' }, { term: '欠薪', level: 'medium', kind: '欠薪' },
  { term: '跳楼', level: 'high', kind: '人身安全' }, { term: '自杀', level: 'high', kind: '人身安全' },
  { term: '轻生', level: 'high', kind: '人身安全' }, { term: '不想活', level: 'high', kind: '人身安全' },
  { term: '同归于尽', level: 'high', kind: '人身安全' }, { term: '燃气泄漏', level: 'high', kind: '公共安全' },
  { term: '煤气泄漏', level: 'high', kind: '公共安全' }, { term: '爆炸', level: 'high', kind: '公共安全' },
  { term: '火灾', level: 'high', kind: '公共安全' }, { term: '坍塌', level: 'high', kind: '公共安全' },
  { term: '食物中毒', level: 'high', kind: '公共安全' }, { term: '媒体曝光', level: 'medium', kind: '舆情' },
];

/** One keyword found in one appeal. */
export interface RiskHit {
  term: string;
  level: 'high' | 'medium';
  kind: string;
  /** The keyword with up to 12 characters either side, for a reviewer to judge quickly. */
  snippet: string;
}

/** Appeals that mention one keyword. */
export interface RiskGroup {
  term: string;
  level: 'high' | 'medium';
  kind: string;
  appealIds: string[];
  areas: string[];
  snippets: { id: string; snippet: string }[];
}

/** Keywords in one text; a keyword inside a longer keyword that also matched (上访 in 集体上访) is reported once. */
export function scanRiskKeywords(text: string, keywords: readonly RiskKeyword[] = DEFAULT_RISK_KEYWORDS): RiskHit[] {
  const s = normalizeText(text);
  const found: (RiskHit & { at: number; end: number })[] = [];
  for (const k of [...keywords].sort((a, b) => b.term.length - a.term.length)) {
    const term = normalizeText(k.term);
    if (!term) continue;
    const at = s.indexOf(term);
    if (at < 0) continue;
    const end = at + term.length;
    if (found.some((f) => at >= f.at && end <= f.end)) continue;
    found.push({ term: k.term, level: k.level, kind: k.kind, snippet: s.slice(Math.max(0, at - 12), end + 12), at, end });
  }
  return found.sort((a, b) => a.at - b.at).map(({ term, level, kind, snippet }) => ({ term, level, kind, snippet }));
}

/** Groups appeals by the risk keywords they mention; high-level and larger groups first. */
export function groupRiskAppeals(appeals: readonly { id: string; title: string; content: string; areaCode?: string | null }[], keywords: readonly RiskKeyword[] = DEFAULT_RISK_KEYWORDS): RiskGroup[] {
  const groups = new Map<string, RiskGroup>();
  for (const a of appeals) {
    for (const hit of scanRiskKeywords(`${a.title}\n${a.content}`, keywords)) {
      let g = groups.get(hit.term);
      if (!g) groups.set(hit.term, (g = { term: hit.term, level: hit.level, kind: hit.kind, appealIds: [], areas: [], snippets: [] }));
      g.appealIds.push(a.id);
      if (a.areaCode && !g.areas.includes(a.areaCode)) g.areas.push(a.areaCode);
      g.snippets.push({ id: a.id, snippet: hit.snippet });
    }
  }
  return [...groups.values()].sort((a, b) => (a.level === b.level ? 0 : a.level === 'high' ? -1 : 1) || b.appealIds.length - a.appealIds.length || (a.term < b.term ? -1 : 1));
}
