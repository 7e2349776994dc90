// The bare-INSERT floor on PGlite: the same data folder the server used (after it stopped: PGlite is one process's
// database), one connection, single-row INSERTs each committed on its own — what intake could at best approach.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@minsheng/db';
import { percentile } from './load';
import type { InsertBaseline } from './postgres';

export async function pgliteInsertBaseline(dataDir: string, payload: string, seconds = 3): Promise<InsertBaseline> {
  const database = await openDatabase({ dataDir });
  try {
    await database.prepared('create', 'CREATE TABLE bench_insert_baseline (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())', []);
    const insert = 'INSERT INTO bench_insert_baseline (payload) VALUES ($1)';
    for (let i = 0; i < 50; i++) await database.prepared('insert', insert, [payload]); // warm-up
    const latencies: number[] = [];
    const start = performance.now();
    const deadline = start + seconds * 1000;
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await database.prepared('insert', insert, [payload]);
      latencies.push(performance.now() - t0);
    }
    const elapsed = (performance.now() - start) / 1000;
    await database.prepared('drop', 'DROP TABLE bench_insert_baseline', []);
    latencies.sort((a, b) => a - b);
    return { rows: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), clients: 1, postgresCpuMsPerRow: null };
  } finally {
    await database.close();
  }
}
