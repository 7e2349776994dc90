import { parseArgs } from 'node:util';
import { verifyAuditTrail } from '../modules/appeals/use-cases/verify-audit-trail';
import { openForCommand } from './open';

/** Exit 0 when every chain verifies, 1 when any appeal's timeline was tampered with. */
export async function auditVerifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jurisdiction: { type: 'string' } } });
  const { deps, close } = await openForCommand();
  try {
    const result = await verifyAuditTrail(deps, values.jurisdiction ?? deps.defaultJurisdictionId);
    console.log(`checked ${result.appeals} appeals, ${result.events} events`);
    for (const b of result.broken) console.error(`BROKEN ${b.number} (${b.appealId}) at event ${b.seq}: ${b.reason}`);
    return result.broken.length ? 1 : 0;
  } finally {
    await close();
  }
}
