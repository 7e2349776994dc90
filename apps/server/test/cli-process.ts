import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/minsheng.mjs', import.meta.url));

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Run `minsheng …` as an operator would, with `env` added to a clean copy of this process's environment. */
export function runMinsheng(args: string[], env: Record<string, string>, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // The database is whatever `env` names, never one inherited from the shell running the tests.
    const base: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete base.DATABASE_URL;
    delete base.MINSHENG_DATA_DIR;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const MINSHENG_BIN = BIN;
