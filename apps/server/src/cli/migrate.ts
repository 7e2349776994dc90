import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../compose';

export async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    console.log(`migrations applied (${database.engine})`);
    return 0;
  } finally {
    await database.close();
  }
}
