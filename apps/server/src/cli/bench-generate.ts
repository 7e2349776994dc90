import { parseArgs } from 'node:util';
import { countGeneratedAppeals, generateAppeals } from '@minsheng/db';
import { DEMO_COUNTY_CODE } from '@minsheng/db/demo';
import { seedDemo } from '../demo/seed-demo';
import { openForCommand } from './open';

const USAGE = `minsheng bench generate --appeals N [--years 3 | --months N] [--seed 1] [--batch 100000] [--templates 2000] [--defer-indexes] [--only-missing]
  Adds N generated appeals (numbers G000000001…) with their events, clocks and assignments to the demo jurisdiction,
  spread over the last --years years, or --months months (a big load's monthly density with fewer appeals:
  --appeals 1000000 --months 4 is about that of 10 million over 3 years), for the analytics benchmarks
  (npm run bench:analytics). The demo is created first when missing, with --templates appeals walked through the
  real lifecycle: every generated appeal copies one.
  A big load can go in several runs (each spreads its appeals over the whole span): --defer-indexes leaves the
  secondary indexes dropped for the next run; a run without it (or --appeals 0) builds them.
  --only-missing counts the generated appeals already there towards N (a benchmark reusing its database).
  Never on a production database: generated events do not carry valid hash chains.`;

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} takes a whole number ${min}–${max}`);
  return n;
}

/** `minsheng bench generate`: bulk appeals for the scale benchmarks. */
export async function benchCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'generate') { console.error(USAGE); return 2; }
  const { values } = parseArgs({ args: rest, options: { appeals: { type: 'string' }, years: { type: 'string' }, months: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' }, templates: { type: 'string' }, 'defer-indexes': { type: 'boolean' }, 'only-missing': { type: 'boolean' } } });
  let opts;
  try {
    if (values.years !== undefined && values.months !== undefined) throw new Error('--years and --months are alternatives: give one');
    opts = {
      appeals: whole('appeals', values.appeals, -1, 0, 50_000_000), years: whole('years', values.years, 3, 1, 10),
      months: values.months === undefined ? undefined : whole('months', values.months, 12, 1, 120),
      seed: whole('seed', values.seed, 1, 0, 1_000_000), batch: whole('batch', values.batch, 100_000, 1_000, 1_000_000),
      templates: whole('templates', values.templates, 2_000, 300, 20_000),
    };
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { deps, close } = await openForCommand();
  try {
    const seeded = await seedDemo(deps, { appeals: opts.templates, log: console.log });
    if (seeded.created) console.log(`demo jurisdiction created with ${seeded.appeals} template appeals`);
    const have = values['only-missing'] ? await countGeneratedAppeals(deps.database.db, DEMO_COUNTY_CODE) : 0;
    if (have) console.log(`${have.toLocaleString('en')} generated appeals already there`);
    const result = await generateAppeals(deps.database.db, {
      jurisdictionId: DEMO_COUNTY_CODE, appeals: Math.max(0, opts.appeals - have), years: opts.years, months: opts.months, seed: opts.seed, batch: opts.batch, now: deps.now(), deferIndexes: values['defer-indexes'] ?? false, log: console.log,
    });
    console.log(`generated: ${result.appeals.toLocaleString('en')} appeals and ${result.events.toLocaleString('en')} events in the jurisdiction (${result.seconds.toFixed(0)} s)`);
    console.log('the analytics rollups do not include them yet: run `minsheng analytics rebuild`');
    return 0;
  } finally {
    await close();
  }
}
