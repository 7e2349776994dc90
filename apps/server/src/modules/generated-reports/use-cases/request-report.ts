import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireReportReader } from '../policy';
import { presentReport } from '../presenter';
import type { GenerateReportInput } from '../schemas';
import { generateReport } from './generate-report';

/** POST /api/reports: generate a report now (leader, supervisor, administrator of the centre); audited. */
export async function requestReport(deps: Deps, user: SessionUser, input: GenerateReportInput) {
  requireReportReader(user);
  const { report } = await generateReport(deps, { jurisdictionId: user.jurisdictionId, kind: input.kind, period: input.period, generatedBy: user.userId, suggestions: input.suggestions });
  return presentReport(report);
}
