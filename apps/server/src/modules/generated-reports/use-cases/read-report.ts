import { AppError } from '@minsheng/contracts';
import { findGeneratedReport } from '@minsheng/db';
import type { GeneratedReportRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireReportReader } from '../policy';

/** One stored report of the reader's jurisdiction; another jurisdiction's report is not found. */
export async function readReport(deps: Deps, user: SessionUser, id: string): Promise<GeneratedReportRow> {
  requireReportReader(user);
  const row = await findGeneratedReport(deps.database.db, user.jurisdictionId, id);
  if (!row) throw new AppError('NOT_FOUND', 'no such report');
  return row;
}
