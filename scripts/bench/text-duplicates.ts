// `npm run bench:duplicates` — precision and recall of duplicate detection on real messages.
//
// Data: ../shared/data/messages-hot.jsonl (4,266 messages; many titles repeat). Skips when absent.
//
// Honest design: the label is "same title" (after trimming) — two messages posted under the same title are taken
// as the same complaint — and detection sees the BODY only (includeTitle: false), so it cannot just match titles.
// Every unordered pair of messages is a potential duplicate (≈9.1 M pairs); the detector's index proposes
// candidates and scores them, and a pair counts as predicted when either message finds the other at or above the
// threshold. The data has no area or category, so those parts of the score sit at their neutral value, and no time
// window is applied (same-title messages can be months apart); time closeness still adds to the score.
// Caveats: some same-title pairs are different complaints under a generic title, and many different-title pairs
// are the same complaint (identical body, or the same user re-posting it reworded) — counted as false positives by
// the strict label. So a second, lenient precision also accepts pairs with an identical body or the same user
// (the detector never sees the user). A manual look at a sample of strict false positives found nearly all of them
// to be real repeats; the strict figure is a lower bound.
//
// Environment: BENCH_THRESHOLDS=0.3,0.35,0.4,0.45,0.5 (scores to report; the product default is marked).
import { DuplicateIndex } from '@minsheng/text';
import { readBenchJsonl } from './text-data';

const DEFAULT_THRESHOLD = 0.5;

interface Message { id: string; user: string; title: string; body: string; time: string }

function main(): number {
  const rows = readBenchJsonl<Message>('messages-hot.jsonl', 'bench:duplicates');
  if (!rows) return 0;
  const thresholds = (process.env.BENCH_THRESHOLDS ?? '0.3,0.35,0.4,0.45,0.5,0.6').split(',').map(Number);
  const lowest = Math.min(...thresholds, DEFAULT_THRESHOLD);
  const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

  const byTitle = new Map<string, string[]>();
  for (const r of rows) byTitle.set(r.title.trim(), [...(byTitle.get(r.title.trim()) ?? []), r.id]);
  const gold = new Set<string>();
  for (const ids of byTitle.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) gold.add(key(ids[i]!, ids[j]!));
  const bodyOf = new Map(rows.map((r) => [r.id, r.body.trim()]));
  const userOf = new Map(rows.map((r) => [r.id, r.user]));
  const lenient = (k: string): boolean => {
    const [a, b] = k.split('|') as [string, string];
    return gold.has(k) || bodyOf.get(a) === bodyOf.get(b) || userOf.get(a) === userOf.get(b);
  };

  const docs = rows.map((r) => ({ id: r.id, title: r.title, content: r.body, createdAt: `${r.time.replace(' ', 'T')}+08:00` }));
  const t0 = performance.now();
  const index = new DuplicateIndex({ includeTitle: false, maxHoursApart: Infinity, threshold: lowest, limit: 50 });
  index.add(...docs);
  const built = performance.now() - t0;
  const best = new Map<string, number>();
  const t1 = performance.now();
  for (const d of docs) for (const m of index.find(d)) {
    const k = key(d.id, m.id);
    best.set(k, Math.max(best.get(k) ?? 0, m.score));
  }
  const queried = performance.now() - t1;
  console.log(`${rows.length} messages, ${gold.size} same-title pairs (the positives) among ${(rows.length * (rows.length - 1) / 2 / 1e6).toFixed(1)} M pairs`);
  console.log(`index built in ${(built / 1000).toFixed(1)} s; ${rows.length} queries in ${(queried / 1000).toFixed(1)} s (${(queried / rows.length).toFixed(2)} ms each)\n`);
  console.log('threshold  predicted  same-title  precision  recall  lenient-precision');
  for (const th of [...new Set([...thresholds, DEFAULT_THRESHOLD])].sort((a, b) => a - b)) {
    const predicted = [...best].filter(([, s]) => s >= th).map(([k]) => k);
    const tp = predicted.filter((k) => gold.has(k)).length;
    const ok = predicted.filter(lenient).length;
    const pct = (x: number, of: number): string => `${(of ? (100 * x) / of : 0).toFixed(1)}%`;
    console.log(`${th.toFixed(2).padStart(9)}${th === DEFAULT_THRESHOLD ? '*' : ' '} ${String(predicted.length).padStart(9)}  ${String(tp).padStart(10)}  ${pct(tp, predicted.length).padStart(9)}  ${pct(tp, gold.size).padStart(6)}  ${pct(ok, predicted.length).padStart(17)}`);
  }
  const missed = [...gold].filter((k) => (best.get(k) ?? 0) < DEFAULT_THRESHOLD);
  const unrelated = missed.filter((k) => { const [a, b] = k.split('|'); return (best.get(k) ?? 0) === 0 && bodyOf.get(a!) !== bodyOf.get(b!); }).length;
  console.log(`\n* product default. Of ${missed.length} positives missed at the default, ${unrelated} were not even proposed (bodies share too little: often different complaints under a generic title).`);
  return 0;
}

process.exitCode = main();
