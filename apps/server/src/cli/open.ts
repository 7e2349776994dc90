import { loadConfig } from '../config';
import type { Config } from '../config';
import { createDeps, openConfiguredDatabase } from '../compose';
import type { Deps } from '../deps';

/**
 * Open the configured database, migrate it and build the dependencies: the start of every command. `migrate: false`
 * for a server process started by another that migrated the database already (MINSHENG_PROCESSES).
 */
export async function openForCommand(o: { migrate?: boolean } = {}): Promise<{ config: Config; deps: Deps; close: () => Promise<void> }> {
  const config = loadConfig();
  if (config.secretIsDefault) {
    console.warn('⚠ MINSHENG_SECRET 未设置：使用开发用默认密钥加密个人信息。生产环境必须设置 MINSHENG_SECRET！ (development secret in use)');
  }
  const database = await openConfiguredDatabase(config);
  if (o.migrate !== false) await database.migrate();
  const deps = await createDeps(config, database);
  return { config, deps, close: () => database.close() };
}
