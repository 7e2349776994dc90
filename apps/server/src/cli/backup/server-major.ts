/** The major version of the PostgreSQL server at `url` (15 for 15.20), asked of the server itself. */
export async function serverMajor(url: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** Whether the database at `url` already holds minsheng tables with data (a restore over it must be forced). */
export async function postgresHasData(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('public.jurisdictions')::text AS t");
    if (!rows[0]?.t) return false;
    return (await client.query('SELECT 1 FROM jurisdictions LIMIT 1')).rowCount === 1;
  } finally {
    await client.end();
  }
}
