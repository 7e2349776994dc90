import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore';

/** A client tool binary and its major version. */
export interface ToolBinary { path: string; major: number }

/** Debian installs each client major side by side under /usr/lib/postgresql/<major>/bin; /usr/bin holds a wrapper. */
function candidates(tool: PgTool, env: NodeJS.ProcessEnv): string[] {
  if (env.MINSHENG_PG_BIN) return [join(env.MINSHENG_PG_BIN, tool)];
  const root = '/usr/lib/postgresql';
  const versioned = existsSync(root) ? readdirSync(root).map((v) => join(root, v, 'bin', tool)).filter((p) => existsSync(p)) : [];
  return [...versioned, tool];
}

async function majorOf(path: string): Promise<number | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const m = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Pick the `tool` binary for a server of major `serverMajor`. pg_dump refuses a server newer than itself ("server
 * version mismatch"), and an archive from a newer pg_dump may use syntax an older server lacks, so the same major is
 * preferred, then the oldest newer one. Only older binaries: an error that names the package to install.
 */
export async function findPgTool(tool: PgTool, serverMajor: number, env: NodeJS.ProcessEnv = process.env): Promise<ToolBinary> {
  const found: ToolBinary[] = [];
  for (const path of candidates(tool, env)) {
    const major = await majorOf(path);
    if (major !== null) found.push({ path, major });
  }
  const fitting = found.filter((b) => b.major >= serverMajor).sort((a, b) => a.major - b.major);
  if (fitting[0]) return fitting[0];
  const seen = found.length ? found.map((b) => `${b.path} (${b.major})`).join(', ') : 'none';
  throw new Error(`${tool} ${serverMajor} or newer is needed for a PostgreSQL ${serverMajor} server; found: ${seen}. `
    + `Install postgresql-client-${serverMajor} (Debian/Ubuntu) or point MINSHENG_PG_BIN at a folder holding ${tool} ≥ ${serverMajor}.`);
}

/**
 * A connection URL split into what the tools take: the password travels in PGPASSWORD, never on the command line,
 * where `ps` would show it to every user of the machine.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Run a client tool; a failure throws with the tool's own message (its stderr tail). */
export async function runPgTool(binary: ToolBinary, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(binary.path, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim().split('\n').slice(-6).join('\n');
    throw new Error(`${binary.path} failed: ${stderr || (err instanceof Error ? err.message : String(err))}`);
  }
}
