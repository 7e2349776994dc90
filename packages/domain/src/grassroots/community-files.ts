/**
 * 居情档案 (seed 003 §10): every community keeps a file with sections on party affairs, major matters, finances,
 * land transfers, family planning and hardship relief; coverage is the share of communities whose file has every
 * section filled (target 100 %). Pure.
 */
export const FILE_SECTIONS = ['party_affairs', 'major_matters', 'finances', 'land_transfers', 'family_planning', 'hardship_relief'] as const;
export type FileSection = (typeof FILE_SECTIONS)[number];

export const FILE_SECTION_LABELS: Record<FileSection, string> = {
  party_affairs: '党务工作', major_matters: '重大事务', finances: '财务收支', land_transfers: '土地流转', family_planning: '计划生育', hardship_relief: '困难救助',
};

export interface FileCoverageRow { areaCode: string; filled: FileSection[]; missing: FileSection[]; complete: boolean }

/** Per community (in the order given), which sections are filled; a section counts once it has non-blank content. */
export function fileCoverage(communityCodes: readonly string[], filled: readonly { areaCode: string; section: string }[]) {
  const rows: FileCoverageRow[] = communityCodes.map((areaCode) => {
    const have = new Set(filled.filter((f) => f.areaCode === areaCode).map((f) => f.section));
    const f = FILE_SECTIONS.filter((s) => have.has(s));
    const missing = FILE_SECTIONS.filter((s) => !have.has(s));
    return { areaCode, filled: f, missing, complete: missing.length === 0 };
  });
  const complete = rows.filter((r) => r.complete).length;
  const started = rows.filter((r) => r.filled.length > 0).length;
  return { rows, communities: rows.length, complete, started, coverage: rows.length ? complete / rows.length : null };
}
