import assert from 'node:assert/strict';
import { intakeBody } from './harness';
import type { TestServer } from './harness';

/** Streets of the demo jurisdiction (compact area tree) with their names, for texts that mention the place. */
export const STREETS: [code: string, name: string][] = [
  ['370812001', '鼓楼街道'], ['370812003', '龙桥街道'], ['370812006', '酒仙桥街道'], ['370812007', '兴隆庄街道'],
  ['370812101', '大安镇'], ['370812102', '新驿镇'], ['370812103', '颜店镇'], ['370812105', '新兖镇'],
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/**
 * Three categories with vocabularies of their own (路灯 / 餐饮油烟 / 拖欠工资), varied so no two texts are equal:
 * enough for a classifier to tell them apart after a handful of examples each.
 */
export const VOCABULARIES = {
  'city-management.municipal.streetlight': (i: number) => ({
    title: `${pick(['小区门口', '主干道', '背街小巷', '学校附近'], i)}路灯${pick(['不亮', '损坏', '闪烁', '全部熄灭'], i + 1)}`,
    content: `${pick(STREETS, i)[1]}${pick(['幸福路', '建设路', '文化路', '中心街'], i)}的路灯已经${pick(['三天', '一个星期', '半个月', '两个月'], i)}不亮了，`
      + `晚上${pick(['一片漆黑', '伸手不见五指', '黑漆漆的'], i)}，${pick(['老人', '孩子', '下夜班的人'], i + 2)}出行很不安全，希望尽快维修路灯照明。`,
  }),
  'environment.air.catering-fumes': (i: number) => ({
    title: `${pick(['烧烤店', '饭店', '小吃店', '火锅店'], i)}油烟扰民`,
    content: `${pick(STREETS, i + 3)[1]}某小区楼下的${pick(['烧烤店', '饭店', '小吃店', '火锅店'], i)}油烟直排，${pick(['每天中午', '每天晚上', '一到饭点'], i)}排烟管对着居民窗户，`
      + `屋里全是油烟味，${pick(['衣服都不敢晾', '窗户不敢开', '老人咳嗽不止'], i + 1)}，要求安装油烟净化设备。`,
  }),
  'labour.labour-relations.wage-arrears': (i: number) => ({
    title: `${pick(['工地', '装修公司', '物流公司', '饭店'], i)}拖欠工资`,
    content: `我在${pick(STREETS, i + 5)[1]}附近的${pick(['建筑工地', '装修公司', '物流公司', '饭店'], i)}干活，老板拖欠工资${pick(['两', '三', '五', '六'], i)}个月，`
      + `共计${pick(['八千', '一万二', '两万', '三万五'], i + 1)}元，多次讨要都说没钱，请劳动监察部门帮忙追讨。`,
  }),
} as const;

export type VocabularyKey = keyof typeof VOCABULARIES;

/** Category ids by key, as any staff member reads them. */
export async function categoryIds(s: TestServer, token: string): Promise<Record<string, string>> {
  const res = await s.api('GET', '/api/categories', { token });
  assert.equal(res.status, 200);
  return Object.fromEntries(res.body.items.map((c: { key: string; id: string }) => [c.key, c.id]));
}

/** Registers an appeal through the API as the agent; returns its id. */
export async function register(s: TestServer, agentToken: string, overrides: Record<string, unknown>): Promise<string> {
  const res = await s.api('POST', '/api/appeals', { token: agentToken, body: intakeBody(overrides) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

/**
 * `perCategory` categorised appeals of each vocabulary, registered through the API a minute apart: training reads
 * them newest first, and a fixed order makes the trained model (its SGD pass) the same on every run.
 */
export async function registerCategorised(s: TestServer, agentToken: string, categories: Record<string, string>, perCategory: number): Promise<void> {
  for (const [key, make] of Object.entries(VOCABULARIES)) {
    for (let i = 0; i < perCategory; i++) {
      s.clock.now = new Date(s.clock.now.getTime() + 60_000);
      await register(s, agentToken, { ...make(i), categoryId: categories[key], areaCode: pick(STREETS, i)[0], citizen: { name: '张三', phone: `1390537${String(1000 + i)}` } });
    }
  }
}

/** Runs queued jobs the way the server's worker does; returns how many ran. */
export async function runJobs(s: TestServer): Promise<number> {
  const { Worker } = await import('../src/jobs/worker');
  return new Worker(s.deps, 60_000).tick();
}
