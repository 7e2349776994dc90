// `npm run bench:redaction` — personal-data detection: recall per type and false positives on the hand-written
// fixture (packages/text/test/redaction-fixture.ts, ≥ 100 sentences), then a sanity run over real messages and
// official replies from ../shared/data/messages-replies.jsonl (no labels there: it counts hits per type and prints
// a sample of each for a person to judge). The fixture part runs without the shared data.
//
// Environment: BENCH_REPLIES=500 rows of the replies file to scan; BENCH_SAMPLES=3 examples printed per type.
import { PII_TYPES, findPersonalData, scoreRedaction } from '@minsheng/text';
import type { PiiSpan } from '@minsheng/text';
import { REDACTION_CASES } from '../../packages/text/test/redaction-fixture';
import { readBenchJsonl } from './text-data';

function fixture(): void {
  const t0 = performance.now();
  const scored = REDACTION_CASES.map((c) => {
    let from = 0;
    const gold = c.pii.map((p) => {
      const start = c.text.indexOf(p.text, p.type === 'name' ? 0 : from);
      from = start + p.text.length;
      return { type: p.type, start, end: start + p.text.length };
    });
    return { gold, found: findPersonalData(c.text) };
  });
  const ms = performance.now() - t0;
  const s = scoreRedaction(scored);
  console.log(`fixture: ${REDACTION_CASES.length} sentences, ${(ms / REDACTION_CASES.length).toFixed(2)} ms per sentence`);
  console.log('type        expected  found  recall  exact-span');
  let expected = 0;
  let found = 0;
  for (const type of PII_TYPES) {
    const t = s.perType[type] ?? { expected: 0, found: 0, exact: 0 };
    expected += t.expected;
    found += t.found;
    console.log(`${type.padEnd(10)}  ${String(t.expected).padStart(8)}  ${String(t.found).padStart(5)}  ${(t.expected ? (100 * t.found) / t.expected : 0).toFixed(1).padStart(5)}%  ${String(t.exact).padStart(10)}`);
  }
  console.log(`all         ${String(expected).padStart(8)}  ${String(found).padStart(5)}  ${((100 * found) / expected).toFixed(1).padStart(5)}%`);
  console.log(`false positives (no personal data there): ${s.falsePositives.length}${s.falsePositives.length ? ` ${JSON.stringify(s.falsePositives.map((f) => `${f.type}:${f.text}`))}` : ''}`);
  console.log(`wrong type over real personal data: ${s.wrongType.length}`);
  console.log('note: the fixture was written by the same developer as the detectors; treat it as a regression set, not an unbiased sample.');
}

function replies(): void {
  const rows = readBenchJsonl<{ id: string; body: string; reply: string }>('messages-replies.jsonl', 'bench:redaction (replies sanity check)');
  if (!rows) return;
  const limit = Number(process.env.BENCH_REPLIES ?? 500);
  const samples = Number(process.env.BENCH_SAMPLES ?? 3);
  const part = rows.slice(0, limit);
  for (const field of ['body', 'reply'] as const) {
    const counts = new Map<string, number>();
    const examples = new Map<string, string[]>();
    let chars = 0;
    const t0 = performance.now();
    for (const r of part) {
      const text = r[field] ?? '';
      chars += text.length;
      for (const sp of findPersonalData(text)) {
        counts.set(sp.type, (counts.get(sp.type) ?? 0) + 1);
        const list = examples.get(sp.type) ?? [];
        if (list.length < samples) list.push(context(text, sp));
        examples.set(sp.type, list);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`\nreplies file, ${part.length} rows, field "${field}" (${Math.round(chars / seconds / 1000)}k chars/s): ${PII_TYPES.map((t) => `${t} ${counts.get(t) ?? 0}`).join(', ')}`);
    for (const [type, list] of examples) for (const e of list) console.log(`  ${type.padEnd(9)} ${e}`);
  }
  console.log('\n(phone numbers in this data were masked with * by its publisher, so few phone hits are expected)');
}

function context(text: string, s: PiiSpan): string {
  return `${text.slice(Math.max(0, s.start - 10), s.start)}[${s.text}]${text.slice(s.end, s.end + 10)}`.replace(/\s+/g, ' ');
}

fixture();
replies();
