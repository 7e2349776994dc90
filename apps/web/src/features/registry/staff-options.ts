import { ApiError } from '../../api/errors';
import type { SessionUser } from '../../api/types';
import { registryApi } from './registry-api';
import type { StaffMember } from './registry-api';

/** `name`: the person's name alone, where `label` adds their unit. */
export interface StaffOption { value: string; label: string; leader: boolean; name?: string }
/** `complete`: every person the server has (the staff list endpoint, not cut); otherwise the people the registry already names. */
export interface StaffOptions { staff: StaffOption[]; leaders: StaffOption[]; complete: boolean; searchable: boolean }

const LEADER_ROLES = new Set(['leader', 'unit_leader']);
/** Enough for a district's staff; past it the picker searches the server by name. */
const STAFF_PAGE = 500;

/** A staff member of GET /api/registry/staff as a picker option (the unit helps tell two people of one name apart). */
export function staffOption(x: StaffMember): StaffOption {
  const unit = x.roles[0]?.unitName;
  return { value: x.id, label: unit ? `${x.displayName}（${unit}）` : x.displayName, name: x.displayName, leader: x.leader };
}

/**
 * The people the registry's forms can pick. Those who edit the roster or receptions read the staff list
 * (GET /api/registry/staff); for everyone else the list is gathered from what the registry API already shows them —
 * the roster's A and B people, swap requests, the leaders of the diary compliance report, sessions and 包案 — plus
 * themselves. A 403 on the staff list is expected, so it is not an error; any other failure is.
 */
export async function loadStaffOptions(me: SessionUser | null | undefined, signal: AbortSignal): Promise<StaffOptions> {
  try {
    const list = await registryApi.staff({ limit: STAFF_PAGE }, signal);
    return finish(list.items.map(staffOption), !list.truncated, true);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 403)) throw e;
  }
  const found = new Map<string, StaffOption>();
  const add = (id: string | null | undefined, name: string | null | undefined, leader = false) => {
    if (!id || !name) return;
    const known = found.get(id);
    found.set(id, { value: id, label: name, leader: leader || (known?.leader ?? false) });
  };
  const quiet = <T>(p: Promise<T>) => p.catch((e: unknown) => { if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null; throw e; });
  const [roster, swaps, compliance, sessions, cases] = await Promise.all([
    quiet(registryApi.roster(signal)), quiet(registryApi.swaps(signal)), quiet(registryApi.compliance(new Date().toISOString().slice(0, 7), signal)),
    quiet(registryApi.sessions(signal)), quiet(registryApi.cases(signal)),
  ]);
  for (const s of roster?.items ?? []) { add(s.a.userId, s.a.name); add(s.b.userId, s.b.name); }
  for (const s of swaps?.items ?? []) { add(s.from.userId, s.from.name); add(s.to.userId, s.to.name); }
  for (const r of compliance?.rows ?? []) add(r.userId, r.name, true);
  for (const s of sessions?.items ?? []) add(s.leaderUserId, s.leaderName, true);
  for (const c of cases?.items ?? []) add(c.leaderUserId, c.leaderName, true);
  if (me) add(me.id, me.displayName, me.roles.some((r) => LEADER_ROLES.has(r.role)));
  return finish([...found.values()], false, false);
}

function finish(staff: StaffOption[], complete: boolean, searchable: boolean): StaffOptions {
  const sorted = [...staff].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  return { staff: sorted, leaders: sorted.filter((s) => s.leader), complete, searchable };
}
