import type { SatisfactionLevel } from '@minsheng/contracts';
import { DEFAULT_REPORT_WEIGHTS } from './registry-report/modules';
import type { ReportWeights } from './registry-report/modules';

/** Per-jurisdiction numbers an admin can change; stored as JSON, read through `resolveSettings`. */
export interface JurisdictionSettings {
  utcOffsetMinutes: number;
  workingHours: { start: string; end: string }[];
  /** Share of a clock used before its light turns yellow (DOMAIN.md §5). */
  yellowAt: number;
  problem: { redo: number; unitsWithoutLead: number };
  satisfactionWeights: Record<SatisfactionLevel, number>;
  sessionHours: number;
  /** Sign-in hardening: idle timeout, failed-login lockout per username and per client IP, password length. */
  security: SecuritySettings;
  /** The deadline sweep: urge at yellow, 督办 the working day after overdue, bulletin N working days later. */
  supervision: { autoUrge: boolean; autoNotice: boolean; bulletinAfterWorkingDays: number; sweepHorizonDays: number };
  /** The public portal's abuse limits: at most `limit` requests per fixed window of `windowMinutes`. */
  portal: PortalSettings;
  /** 考核: composite weights, unit tiers (分档分类), deductions and red/black list size (DOMAIN.md §7). */
  assessment: AssessmentSettings;
  /** 群众工作台账: diary visit day and minimum, reception rules (issue 8). */
  registry: RegistrySettings;
}

export interface RegistrySettings {
  /** 民情日记: the monthly visit day (下访日, clamped to the month's last day) and entries each leader owes a month. */
  diaryVisitDay: number;
  diaryMinEntriesPerMonth: number;
  /** 领导接访: receptions each leader owes a month, and whether every working day needs a leader receiving. */
  receptionsPerLeaderPerMonth: number;
  receptionEveryWorkingDay: boolean;
  /** How far ahead recurring schedules are expanded into the portal directory. */
  scheduleHorizonDays: number;
  /** Working days a reception matter (交办事项) has before its result is due back to the leader. */
  matterDueWorkingDays: number;
  /** 群众工作网络: 五有 for work stations, 四有一要 for work rooms, minimum staff and information officers (seed 003 §4–6). */
  stationRequirements: string[];
  roomRequirements: string[];
  stationMinStaff: number;
  roomMinStaff: number;
  officersMinStreet: number;
  officersMinDepartment: number;
  officersMinCommunity: number;
  /** 矛盾纠纷: days after resolution at which a dispute is revisited (回访). */
  disputeRevisitDays: number[];
  /** 月度考核 (seed 003 §12–13): points per module for streets/parks and for departments, each adding up to 100. */
  streetReportWeights: ReportWeights;
  departmentReportWeights: ReportWeights;
}

export interface AssessmentTier { key: string; zh: string; en: string; unitKinds: string[] }
export interface AssessmentSettings {
  /** Points of the composite score per 三率 component; they need not add to 100 (the score is normalised). */
  compositeWeights: { response: number; resolution: number; satisfaction: number };
  tiers: AssessmentTier[];
  /** Points off per overdue handling clock and per redone appeal, at most `maxPoints` in a month. */
  deductions: { overduePoints: number; redoPoints: number; maxPoints: number };
  /** How many units head the red list (红榜) and tail the black list (黑榜) of each tier. */
  listSize: number;
}

export interface SecuritySettings {
  /** A session unused this long ends, even before `sessionHours`. */
  sessionIdleMinutes: number;
  /** `loginMaxFailures` wrong passwords for one username within `loginWindowMinutes` lock it for `loginLockMinutes`. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  loginLockMinutes: number;
  /** The same per client IP, with a higher count (one office behind one NAT address). */
  ipMaxFailures: number;
  ipWindowMinutes: number;
  passwordMinLength: number;
}

export interface PortalRateLimit { limit: number; windowMinutes: number }
export interface PortalSettings {
  submitPerIp: PortalRateLimit;
  submitPerPhone: PortalRateLimit;
  trackPerIp: PortalRateLimit;
  /** Attempts on one appeal number: with 31^6 query codes, 10 an hour makes guessing take millennia. */
  trackPerNumber: PortalRateLimit;
  /** How long a human check (算术验证) stays valid. */
  humanCheckMinutes: number;
}

export const DEFAULT_SETTINGS: JurisdictionSettings = {
  utcOffsetMinutes: 480,
  workingHours: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }],
  yellowAt: 0.75,
  problem: { redo: 3, unitsWithoutLead: 3 },
  satisfactionWeights: { very_satisfied: 1, satisfied: 1, basically_satisfied: 0.8, dissatisfied: 0, very_dissatisfied: 0 },
  sessionHours: 12,
  security: { sessionIdleMinutes: 120, loginMaxFailures: 5, loginWindowMinutes: 15, loginLockMinutes: 15, ipMaxFailures: 20, ipWindowMinutes: 15, passwordMinLength: 10 },
  supervision: { autoUrge: true, autoNotice: true, bulletinAfterWorkingDays: 5, sweepHorizonDays: 120 },
  portal: {
    submitPerIp: { limit: 10, windowMinutes: 60 }, submitPerPhone: { limit: 5, windowMinutes: 1440 },
    trackPerIp: { limit: 60, windowMinutes: 60 }, trackPerNumber: { limit: 10, windowMinutes: 60 }, humanCheckMinutes: 10,
  },
  assessment: {
    compositeWeights: { response: 20, resolution: 40, satisfaction: 40 },
    tiers: [
      { key: 'department', zh: '职能部门', en: 'Departments', unitKinds: ['department'] },
      { key: 'street', zh: '镇街', en: 'Streets and towns', unitKinds: ['street_office'] },
      { key: 'community', zh: '村居社区', en: 'Communities', unitKinds: ['community_station'] },
    ],
    deductions: { overduePoints: 0.5, redoPoints: 0.5, maxPoints: 20 },
    listSize: 3,
  },
  registry: { diaryVisitDay: 28, diaryMinEntriesPerMonth: 1, receptionsPerLeaderPerMonth: 1, receptionEveryWorkingDay: true, scheduleHorizonDays: 28, matterDueWorkingDays: 15,
    stationRequirements: ['有班子', '有牌子', '有平台', '有制度', '有保障'], roomRequirements: ['办公有场所', '门口有牌子', '接待有人员', '工作有制度', '记录要归档'],
    stationMinStaff: 5, roomMinStaff: 3, officersMinStreet: 3, officersMinDepartment: 1, officersMinCommunity: 3, disputeRevisitDays: [7, 30],
    streetReportWeights: { ...DEFAULT_REPORT_WEIGHTS.street }, departmentReportWeights: { ...DEFAULT_REPORT_WEIGHTS.department } },
};

/** Stored settings over the defaults; unknown keys are ignored so old rows keep working. */
export function resolveSettings(stored: unknown): JurisdictionSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<JurisdictionSettings>;
  return {
    ...DEFAULT_SETTINGS,
    ...Object.fromEntries(Object.entries(s).filter(([k]) => Object.hasOwn(DEFAULT_SETTINGS, k))),
    workingHours: (s.workingHours ?? DEFAULT_SETTINGS.workingHours).map((w) => ({ ...w })),
    problem: { ...DEFAULT_SETTINGS.problem, ...(s.problem ?? {}) },
    satisfactionWeights: { ...DEFAULT_SETTINGS.satisfactionWeights, ...(s.satisfactionWeights ?? {}) },
    supervision: { ...DEFAULT_SETTINGS.supervision, ...(s.supervision ?? {}) },
    security: { ...DEFAULT_SETTINGS.security, ...(s.security ?? {}) },
    portal: { ...DEFAULT_SETTINGS.portal, ...(s.portal ?? {}) },
    assessment: resolveAssessment(s.assessment),
    registry: { ...DEFAULT_SETTINGS.registry, ...(s.registry ?? {}) },
  };
}

function resolveAssessment(a: Partial<AssessmentSettings> | undefined): AssessmentSettings {
  const d = DEFAULT_SETTINGS.assessment;
  return {
    compositeWeights: { ...d.compositeWeights, ...(a?.compositeWeights ?? {}) },
    tiers: (a?.tiers ?? d.tiers).map((t) => ({ ...t, unitKinds: [...t.unitKinds] })),
    deductions: { ...d.deductions, ...(a?.deductions ?? {}) },
    listSize: a?.listSize ?? d.listSize,
  };
}
