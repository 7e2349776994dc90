import { DEFAULT_POLICIES } from '@minsheng/domain';
import { jurisdictionExists, seedCategoryAttributes, seedKnowledge, seedReference, settleQueuedNotifications } from '@minsheng/db';
import { DEMO_CATEGORIES, DEMO_CATEGORY_ATTRIBUTES, DEMO_COUNTY_CODE, DEMO_COUNTY_NAME, DEMO_KNOWLEDGE, DEMO_PASSWORD, DEMO_STATION_AREAS, DEMO_STREETS, DEMO_UNITS, DEMO_USERS, loadAreaTree, shortAreaName } from '@minsheng/db/demo';
import type { AreaSeed } from '@minsheng/db/demo';

/** Streets plus the station communities only: tests skip parsing the 85 MB village table. */
function compactAreaTree(): AreaSeed[] {
  return [
    { code: '37', name: '山东省', level: 'province', parentCode: null },
    { code: '3708', name: '济宁市', level: 'city', parentCode: '37' },
    { code: DEMO_COUNTY_CODE, name: DEMO_COUNTY_NAME, level: 'county', parentCode: '3708' },
    ...DEMO_STREETS, ...DEMO_STATION_AREAS,
  ];
}
import type { Deps } from '../deps';
import { createUser } from '../modules/admin/use-cases/create-user';
import { seedDemoAppeals } from './demo-appeals';
import { seedPortalDemo } from '../modules/board/use-cases/seed-portal-demo';
import { seedRegistryDemo } from '../modules/registry/use-cases/seed-registry-demo';
import { seedHearingsProxyDemo } from '../modules/proxy-services/use-cases/seed-hearings-proxy-demo';
import { seedGrassrootsDemo } from '../modules/grassroots/use-cases/seed-grassroots-demo';

export interface SeedDemoResult { created: boolean; jurisdictionId: string; appeals: number }

/**
 * The demo jurisdiction 兖州区 (seed 002): real streets and communities, the district 12345 centre, its departments
 * and street offices, a category tree, demo users for every role and a few hundred appeals in every state.
 * Does nothing when the jurisdiction already exists, so `npm start` can call it on every start.
 */
export async function seedDemo(deps: Deps, options: { appeals?: number; compactAreas?: boolean; log?: (line: string) => void } = {}): Promise<SeedDemoResult> {
  const db = deps.database.db;
  const log = options.log ?? (() => {});
  if (await jurisdictionExists(db, DEMO_COUNTY_CODE)) return { created: false, jurisdictionId: DEMO_COUNTY_CODE, appeals: 0 };
  log('正在创建演示辖区 兖州区 (370812)…');
  const seeded = await db.transaction(async (tx) => seedReference(tx, {
    jurisdiction: { id: DEMO_COUNTY_CODE, name: '济宁市兖州区', numberPrefix: 'YZ' },
    areas: options.compactAreas ? compactAreaTree() : loadAreaTree(DEMO_COUNTY_CODE), units: DEMO_UNITS, categories: DEMO_CATEGORIES, policies: DEFAULT_POLICIES, shortAreaName,
  }));
  for (const u of DEMO_USERS) {
    await createUser(db, {
      jurisdictionId: DEMO_COUNTY_CODE, username: u.username, displayName: u.displayName, password: DEMO_PASSWORD,
      roles: u.roles.map((role) => ({ role, unitId: seeded.unitIdByKey.get(u.unitKey)! })),
    }, null);
  }
  await seedKnowledge(db, DEMO_COUNTY_CODE, DEMO_KNOWLEDGE, seeded.categoryIdByKey);
  await seedCategoryAttributes(db, DEMO_COUNTY_CODE, DEMO_CATEGORY_ATTRIBUTES, seeded.categoryIdByKey);
  deps.runtimes.invalidate(DEMO_COUNTY_CODE);
  const appeals = await seedDemoAppeals(deps, DEMO_COUNTY_CODE, seeded, options.appeals ?? 300, log);
  await seedPortalDemo(deps, DEMO_COUNTY_CODE, seeded.unitIdByKey);
  await seedRegistryDemo(deps, DEMO_COUNTY_CODE, seeded.unitIdByKey, { matters: appeals > 0 });
  await seedHearingsProxyDemo(deps, DEMO_COUNTY_CODE, seeded.unitIdByKey);
  await seedGrassrootsDemo(deps, DEMO_COUNTY_CODE, seeded.unitIdByKey);
  await settleQueuedNotifications(db, DEMO_COUNTY_CODE, deps.now());
  return { created: true, jurisdictionId: DEMO_COUNTY_CODE, appeals };
}
