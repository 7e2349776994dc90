import { sql } from 'drizzle-orm';
import { STATUS_LABELS } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import { listCategories, listUnits, queryRows } from '@minsheng/db';
import type { ReportAppealRow } from '@minsheng/db';
import { redactText } from '@minsheng/text';
import type { Deps } from '../../deps';
import { categoryPaths } from '../../runtime/category-paths';

/** Names a report shows for ids and codes, read once per generation; and an appeal's safe one-line description. */
export interface ReportNames {
  unit: (id: string | null | undefined) => string;
  category: (id: string | null | undefined) => string;
  area: (code: string | null | undefined) => string;
  /** The title with personal data redacted; a confidential appeal shows no title at all. */
  title: (a: Pick<ReportAppealRow, 'title' | 'confidential'>) => string;
  status: (status: string) => string;
  /** An instant as local `YYYY-MM-DD HH:mm`. */
  time: (at: Date | null | undefined) => string;
}

export async function loadReportNames(deps: Deps, jurisdictionId: string, utcOffsetMinutes: number): Promise<ReportNames> {
  const db = deps.database.db;
  const [units, categories, areas] = await Promise.all([
    listUnits(db, jurisdictionId), listCategories(db, jurisdictionId),
    queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM areas WHERE jurisdiction_id = ${jurisdictionId}`),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.shortName ?? u.name]));
  const paths = categoryPaths(categories);
  const areaNames = new Map(areas.map((a) => [a.code, a.name]));
  return {
    unit: (id) => (id ? unitNames.get(id) ?? id : '（未派单）'),
    category: (id) => (id ? paths.get(id)?.path.join(' / ') ?? id : '（未分类）'),
    area: (code) => (code ? areaNames.get(code) ?? code : '（未填区域）'),
    title: (a) => (a.confidential ? '（保密件，不显示标题）' : redactText(a.title).text),
    status: (status) => STATUS_LABELS[status as AppealStatus] ?? status,
    time: (at) => (at ? new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ') : ''),
  };
}
