import { DEMO_COUNTY_CODE, DEMO_PASSWORD, DEMO_USERS } from '@minsheng/db/demo';
import { listUnits } from '@minsheng/db';
import type { Deps } from '../../../deps';

/**
 * What the login page shows before anyone signs in: the jurisdiction, the version and — on a demo instance only —
 * the demo accounts and their shared password (never on a production server).
 */
export async function serverMeta(deps: Deps) {
  const jurisdictionId = deps.defaultJurisdictionId;
  const runtime = await deps.runtimes.get(jurisdictionId);
  const demo = !deps.config.production && jurisdictionId === DEMO_COUNTY_CODE;
  const base = { name: runtime?.name ?? jurisdictionId, jurisdictionId, version: deps.config.version, engine: deps.database.engine, demo };
  if (!demo) return base;
  const unitName = new Map((await listUnits(deps.database.db, jurisdictionId)).map((u) => [u.key, u.name]));
  return {
    ...base,
    demoPassword: DEMO_PASSWORD,
    demoUsers: DEMO_USERS.map((u) => ({ username: u.username, displayName: u.displayName, roles: u.roles, unit: unitName.get(u.unitKey) ?? u.unitKey })),
  };
}
