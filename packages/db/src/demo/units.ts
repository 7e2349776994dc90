/**
 * The demo dispatch tree of 兖州区: the 12345 hotline centre at the root, district departments and the
 * street/town offices under it, and a few community/village stations under their street offices.
 * Phone numbers and street addresses are fictional.
 */
import { shortAreaName } from './areas';
import { DEMO_COUNTY_CODE, DEMO_STATION_AREAS, DEMO_STREETS } from './jurisdiction';
import type { AreaSeed, UnitSeed } from './types';

const OFFICE_HOURS = '工作日 8:30-12:00, 13:30-17:30';
const C = DEMO_COUNTY_CODE;

/** 兖州区12345政务服务便民热线中心, the root of the dispatch tree. */
export const DEMO_CENTRE: UnitSeed = {
  key: 'centre', name: '兖州区12345政务服务便民热线中心', shortName: '区12345热线中心', kind: 'hotline_centre',
  parentKey: null, areaCodes: [C], phone: '0537-3412345', address: '兖州区九州大道区政务服务中心三楼',
  receptionHours: '热线7×24小时; 来访接待 工作日 8:30-12:00, 13:30-17:30',
};

function dept(key: string, name: string, shortName: string, phone: string, address: string): UnitSeed {
  return {
    key, name, shortName, kind: 'department', parentKey: DEMO_CENTRE.key, areaCodes: [C], phone, address,
    receptionHours: OFFICE_HOURS,
  };
}

/** District departments (区直部门); each serves the whole district. */
export const DEMO_DEPARTMENTS: UnitSeed[] = [
  dept('dept-zhujian', '兖州区住房和城乡建设局', '区住建局', '0537-3416021', '兖州区建设东路58号'),
  dept('dept-chengguan', '兖州区综合行政执法局', '区综合执法局(城管)', '0537-3416032', '兖州区建设西路116号'),
  dept('dept-huanjing', '济宁市生态环境局兖州区分局', '生态环境兖州分局', '0537-3416043', '兖州区文化东路27号'),
  dept('dept-jiaotong', '兖州区交通运输局', '区交通运输局', '0537-3416054', '兖州区九州大道302号'),
  dept('dept-jiaoti', '兖州区教育和体育局', '区教体局', '0537-3416065', '兖州区龙桥北路89号'),
  dept('dept-renshe', '兖州区人力资源和社会保障局', '区人社局', '0537-3416076', '兖州区中御桥北路45号'),
  dept('dept-shangwu', '兖州区商务局', '区商务局', '0537-3416087', '兖州区建设东路62号'),
  dept('dept-weijian', '兖州区卫生健康局', '区卫健局', '0537-3416098', '兖州区文化西路15号'),
  dept('dept-gongan', '济宁市公安局兖州区分局', '公安兖州分局', '0537-3416109', '兖州区九州大道188号'),
  dept('dept-shichang', '兖州区市场监督管理局', '区市场监管局', '0537-3416110', '兖州区建设西路72号'),
  dept('dept-minzheng', '兖州区民政局', '区民政局', '0537-3416121', '兖州区中御桥南路33号'),
  dept('dept-ziran', '济宁市自然资源和规划局兖州区分局', '自然资源兖州分局', '0537-3416132', '兖州区龙桥南路21号'),
  dept('dept-shuiwu', '兖州区水务局', '区水务局', '0537-3416143', '兖州区文化东路93号'),
  dept('dept-nongye', '兖州区农业农村局', '区农业农村局', '0537-3416154', '兖州区九州大道256号'),
  dept('dept-xinfang', '兖州区信访局', '区信访局', '0537-3416165', '兖州区建设东路60号'),
  dept('dept-yingji', '兖州区应急管理局', '区应急局', '0537-3416176', '兖州区龙桥北路101号'),
  dept('dept-yibao', '兖州区医疗保障局', '区医保局', '0537-3416187', '兖州区中御桥北路51号'),
];

/** Street/town office addresses; offices not listed get a generic one. */
const STREET_OFFICE_ADDRESS: Readonly<Record<string, string>> = {
  '370812001': '兖州区鼓楼街道府前街12号', '370812003': '兖州区龙桥街道龙桥南路68号',
  '370812006': '兖州区酒仙桥街道东御桥路9号', '370812007': '兖州区兴隆庄街道兴隆路1号',
  '370812101': '兖州区大安镇驻地大安大街36号', '370812102': '兖州区新驿镇驻地新驿大街18号',
  '370812103': '兖州区颜店镇驻地颜店大街22号', '370812105': '兖州区新兖镇驻地新兖路8号',
  '370812107': '兖州区漕河镇驻地漕河大街15号', '370812111': '兖州区小孟镇驻地小孟大街27号',
};

/** '鼓楼街道' → '鼓楼街道办事处', '新驿镇' → '新驿镇人民政府'. */
export function streetOfficeName(streetName: string): string {
  return /[镇乡]$/.test(streetName) ? `${streetName}人民政府` : `${streetName}办事处`;
}

export const streetUnitKey = (streetCode: string): string => `street-${streetCode}`;
export const stationUnitKey = (communityCode: string): string => `station-${communityCode}`;

function fictionalPhone(seed: number): string {
  return `0537-34${String(20000 + seed * 37).padStart(5, '0')}`;
}

/** Street offices for every street/town of the county, and stations for its DEMO_STATION_AREAS. */
export function buildDemoUnits(areas: readonly AreaSeed[]): UnitSeed[] {
  const streets = areas
    .filter((a) => a.level === 'street' && a.parentCode === C)
    .sort((a, b) => a.code.localeCompare(b.code));
  const stationCodes = new Set(DEMO_STATION_AREAS.map((a) => a.code));
  const units: UnitSeed[] = [DEMO_CENTRE, ...DEMO_DEPARTMENTS];
  streets.forEach((street, i) => {
    units.push({
      key: streetUnitKey(street.code), name: streetOfficeName(street.name), shortName: street.name,
      kind: 'street_office', parentKey: DEMO_CENTRE.key, areaCodes: [street.code], phone: fictionalPhone(i + 1),
      address: STREET_OFFICE_ADDRESS[street.code] ?? `兖州区${street.name}便民服务中心`, receptionHours: OFFICE_HOURS,
    });
    const stations = areas
      .filter((a) => a.level === 'community' && a.parentCode === street.code && stationCodes.has(a.code))
      .sort((a, b) => a.code.localeCompare(b.code));
    stations.forEach((c, j) => {
      const short = shortAreaName(c.name);
      units.push({
        key: stationUnitKey(c.code), name: `${street.name}${short}便民服务站`, shortName: short,
        kind: 'community_station', parentKey: streetUnitKey(street.code), areaCodes: [c.code],
        phone: fictionalPhone(100 + i * 10 + j), address: `兖州区${street.name}${short}党群服务中心`,
        receptionHours: '工作日 8:30-11:30, 14:00-17:00; 周六上午值班',
      });
    });
  });
  return units;
}

/** The whole demo unit tree: 1 centre, 17 departments, 10 street/town offices, 8 community stations. */
export const DEMO_UNITS: UnitSeed[] = buildDemoUnits([...DEMO_STREETS, ...DEMO_STATION_AREAS]);
