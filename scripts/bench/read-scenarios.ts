// What bench:load sends, one RequestPlan per scenario, each as the role that uses it in the console or portal.
// Requests vary (random seeded appeals, rotating handlers, words and filters) so no single row or plan is hot.
import { intakePlan } from './load';
import type { RequestPlan } from './load';
import type { Seeded } from './read-seed';

export interface Scenario {
  name: string;
  /** What it stands for, printed before it runs. */
  what: string;
  plan: RequestPlan;
  /** PostgreSQL target of the max run (req/s); the latency target (p99 at 70 %) is the same for all. */
  minPerSecond: number;
  /** PGlite floor, where one is set (the embedded engine has no issue target besides intake's). */
  pgliteMinPerSecond?: number;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Words citizens write about (each in several demo texts), as a 查询 user types them. */
const WORDS = ['漏水', '物业', '停车', '路灯', '垃圾', '施工', '社保', '学校', '噪音', '供暖'];
/** The search page's filter combinations: status × kind × channel, newest first. */
const FILTERS = [
  'status=registered,accepted&kind=complaint',
  'status=dispatched,handling&channel=phone_12345',
  'status=registered&kind=consultation&channel=web',
  'kind=help&status=dispatched',
  'channel=phone_12345&kind=complaint',
  'status=dispatched&areaCode=370812001',
];

export function readScenarios(seeded: Seeded, tokens: { agent: string; dispatcher: string; leader: string }): Scenario[] {
  const ids = seeded.appeals.map((a) => a.id);
  return [
    {
      name: 'intake', what: 'POST /api/appeals as the agent (bench:intake\'s request: every appeal from another citizen)',
      plan: intakePlan(tokens.agent), minPerSecond: 1000, pgliteMinPerSecond: 300,
    },
    {
      name: 'appeal detail', what: 'GET /api/appeals/:id as the dispatcher, a random seeded appeal each time',
      plan: { method: 'GET', headers: bearer(tokens.dispatcher), next: () => ({ path: `/api/appeals/${pick(ids)}` }) },
      minPerSecond: 3000,
    },
    {
      name: 'unit inbox', what: `GET /api/appeals?status=dispatched&limit=50 (承办 待签收) as ${seeded.inboxes.map((i) => i.username).join(', ')} in turn`,
      plan: { method: 'GET', headers: {}, next: () => ({ path: '/api/appeals?status=dispatched&limit=50', headers: bearer(pick(seeded.inboxes).token) }) },
      minPerSecond: 3000,
    },
    {
      name: 'search text', what: `GET /api/appeals?text=…&limit=20 as the leader, one of ${WORDS.join(' ')}`,
      plan: { method: 'GET', headers: bearer(tokens.leader), next: () => ({ path: `/api/appeals?text=${encodeURIComponent(pick(WORDS))}&limit=20` }) },
      minPerSecond: 3000,
    },
    {
      name: 'search filters', what: `GET /api/appeals?<status, kind, channel, area>&limit=20 as the leader, ${FILTERS.length} combinations`,
      plan: { method: 'GET', headers: bearer(tokens.leader), next: () => ({ path: `/api/appeals?${pick(FILTERS)}&limit=20` }) },
      minPerSecond: 3000,
    },
    {
      name: 'portal track', what: 'POST /api/portal/track with a random seeded appeal\'s number + query code, from one of 65,536 client addresses (X-Forwarded-For 198.18.x.y)',
      plan: {
        method: 'POST', headers: { 'content-type': 'application/json' },
        next: () => {
          const a = pick(seeded.appeals);
          return { path: '/api/portal/track', body: JSON.stringify({ number: a.number, queryCode: a.queryCode }), headers: { 'x-forwarded-for': `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}` } };
        },
      },
      minPerSecond: 3000,
    },
  ];
}
