/** Demo data of the 兖州区 jurisdiction: pure data and pure functions, no database access. */
export type { AppealTemplate, AreaSeed, CategorySeed, CitizenSeed, UnitSeed, UserSeed } from './types';
export { DEMO_COUNTY_CODE, DEMO_COUNTY_NAME, DEMO_STATION_AREAS, DEMO_STREETS, STREET } from './jurisdiction';
export { loadAreaTree, shortAreaName } from './areas';
export {
  buildDemoUnits, DEMO_CENTRE, DEMO_DEPARTMENTS, DEMO_UNITS, stationUnitKey, streetOfficeName, streetUnitKey,
} from './units';
export { DEMO_CATEGORIES } from './categories';
export { DEMO_PASSWORD, DEMO_USERS } from './users';
export { DEMO_APPEAL_TEMPLATES, DEMO_CITIZENS } from './appeal-templates';
export { checkIdNumber, idCheckDigit, isMobilePhone, isPhoneNumber } from './validators';
export { DEMO_KNOWLEDGE } from './knowledge';
export type { KnowledgeArticleSeed, ReplyTemplateSeed } from './knowledge';
export { DEMO_CATEGORY_ATTRIBUTES } from './open311';
export { DEMO_SCHEDULES } from './portal';
export { DEMO_CASE, DEMO_DIARIES, DEMO_RECEPTION_RULES, DEMO_ROSTER, DEMO_ROSTER_DAYS, DEMO_SESSION } from './registry';
export { DEMO_DISPUTES, DEMO_FILE_SECTIONS, DEMO_OFFICERS, DEMO_REPORT, DEMO_ROOMS, DEMO_SCREENING, DEMO_STATIONS } from './grassroots';
export { DEMO_HEARINGS, DEMO_PROXY_ITEMS, DEMO_PROXY_REQUESTS } from './hearings-proxy';
