import type { SatisfactionLevel } from '@minsheng/contracts';

/** Per-jurisdiction numbers an admin can change; stored as JSON, read through `resolveSettings`. */
export interface JurisdictionSettings {
  utcOffsetMinutes: number;
  workingHours: { start: string; end: string }[];
  /** Share of a clock used before its light turns yellow (DOMAIN.md §5). */
  yellowAt: number;
  problem: { redo: number; unitsWithoutLead: number };
  satisfactionWeights: Record<SatisfactionLevel, number>;
  sessionHours: number;
  /** The deadline sweep: urge at yellow, 督办 the working day after overdue, bulletin N working days later. */
  supervision: { autoUrge: boolean; autoNotice: boolean; bulletinAfterWorkingDays: number; sweepHorizonDays: number };
}

export const DEFAULT_SETTINGS: JurisdictionSettings = {
  utcOffsetMinutes: 480,
  workingHours: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }],
  yellowAt: 0.75,
  problem: { redo: 3, unitsWithoutLead: 3 },
  satisfactionWeights: { very_satisfied: 1, satisfied: 1, basically_satisfied: 0.8, dissatisfied: 0, very_dissatisfied: 0 },
  sessionHours: 12,
  supervision: { autoUrge: true, autoNotice: true, bulletinAfterWorkingDays: 5, sweepHorizonDays: 120 },
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
  };
}
