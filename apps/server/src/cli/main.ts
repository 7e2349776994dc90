import { AppError } from '@minsheng/contracts';
import { serveCommand } from './serve';
import { migrateCommand } from './migrate';
import { seedCommand } from './seed';
import { userCreateCommand } from './user-create';
import { auditVerifyCommand } from './audit-verify';
import { backupCommand, restoreCommand } from './backup';

const USAGE = `minsheng — 民声 群众诉求统一平台

Usage:
  minsheng serve [--demo]            start the API (and background worker); --demo seeds 兖州区 when empty
  minsheng migrate                   apply database migrations
  minsheng seed --demo [--appeals N] create the demo jurisdiction (no-op when it exists)
  minsheng user create --username U --name NAME --password P --role ROLE@UNIT_KEY [--role …] [--jurisdiction CODE]
  minsheng audit verify [--jurisdiction CODE]   verify every appeal's event hash chain
  minsheng backup <file>             back up the configured database (PostgreSQL: pg_dump; PGlite: stop the server first)
  minsheng restore <file> [--force]  restore a backup into the configured database, then verify every hash chain
  minsheng secrets rotate [--dry-run] [--batch-size N] [--max-batches N]
                                     re-encrypt personal data under MINSHENG_SECRET (resumable)
  minsheng secrets check             exit 1 while any value is still under a MINSHENG_SECRET_PREVIOUS key
  minsheng bench generate --appeals N   bulk appeals for the scale benchmarks (see minsheng bench generate --help)
  minsheng analytics rebuild|verify  backfill the dashboards' rollups, or check them against a brute-force recount
  minsheng text train|eval|predict …  category classifier on files (see \`minsheng text --help\`; a trained model
                                     can be imported with POST /api/admin/text/models)

Configuration comes from environment variables (see README): PORT, HOST, MINSHENG_DATA_DIR, DATABASE_URL, MINSHENG_SECRET, …`;

/** Entry point; returns the process exit code (non-zero on any failure, so scripts can rely on it). */
export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': return await serveCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'migrate': return await migrateCommand();
      case 'seed': return await seedCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'user': if (sub === 'create') return await userCreateCommand(rest); break;
      case 'audit': if (sub === 'verify') return await auditVerifyCommand(rest); break;
      case 'backup': return await backupCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'restore': return await restoreCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'secrets': return await (await import('./secrets')).secretsCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'bench': return await (await import('./bench-generate')).benchCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'analytics': return await (await import('./analytics')).analyticsCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'text': return await (await import('./text')).textCommand([sub, ...rest].filter((x): x is string => x !== undefined));
      case undefined: case '--help': case '-h': case 'help': console.log(USAGE); return command ? 0 : 2;
    }
    console.error(`unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  } catch (err) {
    if (err instanceof AppError) console.error(`error ${err.code}: ${err.message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}`);
    else console.error(err instanceof Error ? `error: ${err.message}` : err);
    return 1;
  }
}
