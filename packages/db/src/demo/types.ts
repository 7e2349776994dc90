/** Shapes of the demo jurisdiction's seed data (兖州区). Pure data; the seeding code inserts them. */
import type { AppealKind, AreaLevel, Channel, Role, UnitKind, Urgency } from '@minsheng/contracts';

/** One node of the administrative-division tree (GB/T 2260 codes, statistical codes below the county). */
export interface AreaSeed {
  code: string;
  name: string;
  level: AreaLevel;
  /** null for the province */
  parentCode: string | null;
}

/** One unit of the dispatch tree (热线中心 → 部门 / 街道 → 社区). */
export interface UnitSeed {
  /** stable slug, e.g. 'centre', 'dept-zhujian', 'street-370812001', 'station-370812001002' */
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentKey: string | null;
  /** area codes the unit serves (辖区) */
  areaCodes: string[];
  phone: string;
  address: string;
  /** 接待时间, published in the unit directory */
  receptionHours: string;
}

/** One node of the 3-level appeal category tree (诉求分类). */
export interface CategorySeed {
  /** stable slug, dot-separated by level, e.g. 'construction.property.fees' */
  key: string;
  name: string;
  parentKey: string | null;
  defaultKind: AppealKind;
  /** Open311 service_code; unique across the tree */
  open311Code: string;
  /** unit that usually handles it; null = the street office of the appeal's area (属地) */
  defaultUnitKey: string | null;
  /** words used later for category suggestions */
  keywords: string[];
}

/** A demo staff account. */
export interface UserSeed {
  username: string;
  displayName: string;
  unitKey: string;
  roles: Role[];
}

/** A fictional citizen appeal used to fill the demo database. */
export interface AppealTemplate {
  /** ≤ 40 characters */
  title: string;
  /** 60–300 characters */
  content: string;
  kind: AppealKind;
  urgency: Urgency;
  /** a level-3 key of DEMO_CATEGORIES */
  categoryKey: string;
  /** one of the street/town codes of 370812 */
  streetCode: string;
  channel: Channel;
}

/** A fictional citizen (every value is made up). */
export interface CitizenSeed {
  name: string;
  /** mainland mobile number */
  phone: string;
  /** 18-digit resident ID number with a valid GB 11643 check digit */
  idNumber?: string;
  address: string;
}
