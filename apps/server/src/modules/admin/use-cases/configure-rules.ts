import { AppError } from '@minsheng/contracts';
import { createWorkCalendar, reportWeightsProblem, resolveSettings } from '@minsheng/domain';
import type { JurisdictionSettings, PolicyClocks } from '@minsheng/domain';
import { findJurisdiction, updateJurisdictionSettings, updatePolicyClocks, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';
import { requireRuntime } from '../../../runtime/require-runtime';

/** The jurisdiction's rule numbers (DOMAIN.md: yellow light share, working hours, problem thresholds, weights). */
export async function getSettings(deps: Deps, user: SessionUser): Promise<JurisdictionSettings> {
  return (await requireRuntime(deps, user.jurisdictionId)).settings;
}

/** A settings change: top-level keys replace, the nested groups merge key by key. */
export type SettingsPatch = Partial<Omit<JurisdictionSettings, 'problem' | 'satisfactionWeights' | 'supervision' | 'portal' | 'assessment' | 'registry' | 'security'>> & {
  registry?: Partial<JurisdictionSettings['registry']> | undefined;
  problem?: Partial<JurisdictionSettings['problem']> | undefined;
  satisfactionWeights?: Partial<JurisdictionSettings['satisfactionWeights']> | undefined;
  supervision?: Partial<JurisdictionSettings['supervision']> | undefined;
  portal?: Partial<JurisdictionSettings['portal']> | undefined;
  security?: Partial<JurisdictionSettings['security']> | undefined;
  /** Weights and deductions merge key by key; tiers and the list size replace. */
  assessment?: {
    compositeWeights?: Partial<JurisdictionSettings['assessment']['compositeWeights']> | undefined;
    deductions?: Partial<JurisdictionSettings['assessment']['deductions']> | undefined;
    tiers?: JurisdictionSettings['assessment']['tiers'] | undefined;
    listSize?: number | undefined;
  } | undefined;
};

type Group = Record<string, unknown> | undefined;
const merge = (a: unknown, b: unknown) => ({ ...(a as Group), ...(b as Group) });

/** Change some settings; the result must still make a working calendar, or nothing is saved. */
export async function updateSettings(deps: Deps, user: SessionUser, patch: SettingsPatch): Promise<JurisdictionSettings> {
  requireAdmin(user);
  const j = await findJurisdiction(deps.database.db, user.jurisdictionId);
  if (!j) throw new AppError('NOT_FOUND');
  const current = (j.settings ?? {}) as Record<string, Record<string, unknown> | unknown>;
  const stored: Record<string, unknown> = { ...current, ...patch };
  for (const group of ['problem', 'satisfactionWeights', 'supervision', 'portal', 'registry', 'security'] as const) {
    if (patch[group]) stored[group] = merge(current[group], patch[group]);
  }
  if (patch.assessment) {
    const was = (current.assessment ?? {}) as Record<string, unknown>;
    stored.assessment = {
      ...was, ...patch.assessment,
      compositeWeights: merge(was.compositeWeights, patch.assessment.compositeWeights),
      deductions: merge(was.deductions, patch.assessment.deductions),
    };
  }
  const next = resolveSettings(stored);
  for (const [tier, field] of [['street', 'streetReportWeights'], ['department', 'departmentReportWeights']] as const) {
    const problem = reportWeightsProblem(tier, next.registry[field]);
    if (problem) throw new AppError('VALIDATION_FAILED', `registry.${field}: ${problem}`, { field: `registry.${field}` });
  }
  try {
    createWorkCalendar({ workingHours: next.workingHours, utcOffsetMinutes: next.utcOffsetMinutes });
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', err instanceof Error ? err.message : 'invalid working hours', { field: 'workingHours' });
  }
  await deps.database.db.transaction(async (tx) => {
    await updateJurisdictionSettings(tx, user.jurisdictionId, stored);
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'update_settings', targetType: 'jurisdiction', targetId: user.jurisdictionId, detail: { patch } });
  });
  deps.runtimes.invalidate(user.jurisdictionId);
  return next;
}

export async function listDeadlinePolicies(deps: Deps, user: SessionUser) {
  return (await requireRuntime(deps, user.jurisdictionId)).policies;
}

/** Change a deadline policy's clocks. Appeals whose clocks already run keep their due times; new clocks use these. */
export async function updateDeadlinePolicy(deps: Deps, user: SessionUser, id: string, clocks: PolicyClocks) {
  requireAdmin(user);
  // Every duration must be one the calendar can add (e.g. whole working days), or each dispatch would fail later.
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  for (const [name, d] of Object.entries(clocks)) {
    try {
      runtime.calendar.addDuration(deps.now(), d.amount, d.unit);
    } catch (err) {
      throw new AppError('VALIDATION_FAILED', err instanceof Error ? err.message : 'invalid duration', { field: `clocks.${name}` });
    }
  }
  await deps.database.db.transaction(async (tx) => {
    if (!(await updatePolicyClocks(tx, user.jurisdictionId, id, clocks))) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'update_deadline_policy', targetType: 'deadline_policy', targetId: id, detail: { clocks } });
  });
  deps.runtimes.invalidate(user.jurisdictionId);
  const updated = (await requireRuntime(deps, user.jurisdictionId)).policies.find((p) => p.id === id);
  if (!updated) throw new AppError('NOT_FOUND'); // an inactive policy: saved, but not in force
  return updated;
}
