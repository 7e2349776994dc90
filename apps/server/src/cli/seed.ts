import { parseArgs } from 'node:util';
import { seedDemo } from '../demo/seed-demo';
import { openForCommand } from './open';

export async function seedCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, appeals: { type: 'string' } } });
  if (!values.demo) { console.error('only `minsheng seed --demo` exists'); return 2; }
  const appeals = values.appeals === undefined ? 300 : Number(values.appeals);
  if (!Number.isInteger(appeals) || appeals < 0 || appeals > 100_000) { console.error('--appeals takes a whole number 0–100000'); return 2; }
  const { deps, close } = await openForCommand();
  try {
    const result = await seedDemo(deps, { appeals, log: console.log });
    console.log(result.created ? `demo jurisdiction ${result.jurisdictionId} created with ${result.appeals} appeals` : `demo jurisdiction ${result.jurisdictionId} already exists`);
    return 0;
  } finally {
    await close();
  }
}
