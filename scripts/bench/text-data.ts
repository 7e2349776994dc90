// Shared helpers of the text benchmarks: where the benchmark data lives, JSONL reading, small statistics.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the repository, or BENCH_DATA_DIR. */
export function benchDataDir(): string {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return process.env.BENCH_DATA_DIR ?? join(repo, '..', 'shared', 'data');
}

/** Rows of a JSONL file under the data folder, or undefined (with a printed reason) when it is absent. */
export function readBenchJsonl<T>(name: string, bench: string): T[] | undefined {
  const file = join(benchDataDir(), name);
  if (!existsSync(file)) {
    console.log(`${bench} skipped: ${file} not found (benchmark data lives in ../shared/data, see shared/data/README.md)`);
    return undefined;
  }
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Value at quantile q of the numbers (nearest rank). */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Median of the numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}
