import { parseArgs } from 'node:util';
import { AppError } from '@minsheng/contracts';
import { rebuildAnalyticsRollups, verifyAnalyticsRollups } from '@minsheng/db';
import { openForCommand } from './open';

const HELP = `minsheng analytics rebuild [--jurisdiction CODE]
  recount the daily counts from the appeals, recompute every appeal's indicator members and sum them per day again
  (after a bulk load or a change of the jurisdiction's UTC offset); figures stay exact while it runs
minsheng analytics verify [--jurisdiction CODE] [--sample N] [--seed S] [--month YYYY-MM …]
  recompute by brute force (events, clock runs, appeals) a random sample of appeals' members and overdue flags
  (default 1000) and the given months' figures per unit, daily counts and indicator day and month sums, and compare
  with the rollups; exit 1 on any mismatch`;

/** `minsheng analytics rebuild|verify`: the rollups' backfill and their brute-force check. */
export async function analyticsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'rebuild' && sub !== 'verify') {
    console.log(HELP);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  const { values } = parseArgs({ args: rest, options: {
    jurisdiction: { type: 'string' }, sample: { type: 'string' }, seed: { type: 'string' }, month: { type: 'string', multiple: true },
  } });
  const sample = Number(values.sample ?? 1000);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(sample) || sample < 0) throw new AppError('VALIDATION_FAILED', '--sample must be a whole number', { field: 'sample' });
  if (!Number.isInteger(seed)) throw new AppError('VALIDATION_FAILED', '--seed must be a whole number', { field: 'seed' });
  const months = values.month ?? [];
  const bad = months.find((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m));
  if (bad) throw new AppError('VALIDATION_FAILED', `--month must be YYYY-MM, got ${bad}`, { field: 'month' });
  const { deps, close } = await openForCommand();
  try {
    const j = values.jurisdiction ?? deps.defaultJurisdictionId;
    const started = performance.now();
    if (sub === 'rebuild') {
      const r = await rebuildAnalyticsRollups(deps.database.db, j, { onProgress: (n) => process.stdout.write(`\r${n} appeals recomputed`) });
      console.log(`\nrebuilt the analytics rollups of ${j}: ${r.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    }
    const r = await verifyAnalyticsRollups(deps.database.db, j, { sampleAppeals: sample, seed, months, asOf: deps.now() });
    console.log(`verified the analytics rollups of ${j} against a brute-force recomputation: ${r.checked} checked (${sample} sampled appeals${months.length ? `, months ${months.join(' ')}` : ''}), ${r.mismatches.length} mismatches, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const m of r.mismatches) console.error(`MISMATCH ${m}`);
    return r.mismatches.length ? 1 : 0;
  } finally {
    await close();
  }
}
