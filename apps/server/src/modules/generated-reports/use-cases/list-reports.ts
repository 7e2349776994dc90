import { listGeneratedReports } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireReportReader } from '../policy';
import { presentReportHead } from '../presenter';
import type { ListReportsInput } from '../schemas';

/** GET /api/reports: the jurisdiction's generated reports, newest first. */
export async function listReports(deps: Deps, user: SessionUser, input: ListReportsInput) {
  requireReportReader(user);
  const rows = await listGeneratedReports(deps.database.db, user.jurisdictionId, { kind: input.kind, limit: Number(input.limit ?? 100) });
  return { items: rows.map(presentReportHead) };
}
