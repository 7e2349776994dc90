import { findUserByUsername, userGrants } from '@minsheng/db';
import { DEMO_DISPUTES, DEMO_FILE_SECTIONS, DEMO_OFFICERS, DEMO_REPORT, DEMO_ROOMS, DEMO_SCREENING, DEMO_STATIONS } from '@minsheng/db/demo';
import type { DisputeKind, FileSection, RiskLevel } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { writeCommunityFileSection } from './community-files';
import { addDisputeStep, registerDispute } from './disputes';
import { materialiseRevisits } from './revisits';
import { addOfficer } from './officers';
import { createRound, returnRound } from './screening';
import { fileReport } from './warning-reports';
import { createPost } from './work-posts';

const DAY_MS = 86_400_000;

/**
 * The grassroots demo, written through the module's own use cases: stations, rooms and officers with some gaps,
 * two community files, disputes (one high risk, one resolved ten days ago with its first revisit due), a screening
 * round and a pending officer report. Nothing here creates an appeal.
 */
export async function seedGrassrootsDemo(deps: Deps, jurisdictionId: string, unitIdByKey: ReadonlyMap<string, string>): Promise<void> {
  const db = deps.database.db;
  const now = deps.now();
  const u = (await findUserByUsername(db, jurisdictionId, 'supervisor'))!;
  const supervisor: SessionUser = { jurisdictionId, userId: u.id, username: u.username, displayName: u.displayName, grants: await userGrants(db, jurisdictionId, u.id), expiresAt: new Date(now.getTime() + DAY_MS) };
  const unit = (key: string) => unitIdByKey.get(key)!;

  for (const s of DEMO_STATIONS) await createPost(deps, supervisor, { kind: 'station', unitId: unit(s.unitKey), name: s.name, head: s.head, staffCount: s.staffCount, requirementsMet: [...s.requirementsMet] });
  for (const r of DEMO_ROOMS) await createPost(deps, supervisor, { kind: 'room', areaCode: r.areaCode, name: r.name, head: r.head, staffCount: r.staffCount, requirementsMet: [...r.requirementsMet] });
  const officers = new Map<string, string>();
  for (const o of DEMO_OFFICERS) {
    const made = await addOfficer(deps, supervisor, {
      level: o.level, unitId: 'unitKey' in o ? unit(o.unitKey) : undefined, areaCode: 'areaCode' in o ? o.areaCode : undefined, orgName: 'orgName' in o ? o.orgName : undefined, name: o.name, phone: o.phone,
    });
    officers.set(o.name, made.id);
  }
  for (const f of DEMO_FILE_SECTIONS) await writeCommunityFileSection(deps, supervisor, f.areaCode, f.section as FileSection, f.content);
  for (const d of DEMO_DISPUTES) {
    const at = d.resolvedDaysAgo ? { ...deps, now: () => new Date(now.getTime() - d.resolvedDaysAgo * DAY_MS) } : deps;
    const made = await registerDispute(at, supervisor, {
      title: d.title, description: d.description, kind: d.kind as DisputeKind, riskLevel: d.riskLevel as RiskLevel, areaCode: d.areaCode, ownerUnitId: unit(d.unitKey),
      parties: d.parties.map((p) => ({ name: p.name, phone: 'phone' in p ? p.phone : undefined, role: p.role })),
    });
    for (const s of d.steps) await addDisputeStep(at, supervisor, made.id, { action: s.action, note: s.note, outcome: 'outcome' in s ? s.outcome : undefined });
  }
  await materialiseRevisits(deps, jurisdictionId);
  const today = (await requireRuntime(deps, jurisdictionId)).calendar.localDate(now);
  const month = today.slice(0, 7);
  const round = await createRound(deps, supervisor, { title: DEMO_SCREENING.title, periodStart: `${month}-01`, periodEnd: today, dueDate: today });
  for (const r of DEMO_SCREENING.returns) await returnRound(deps, supervisor, round.id, { unitId: unit(r.unitKey), disputesFound: r.disputesFound, note: r.note });
  await fileReport(deps, supervisor, officers.get(DEMO_REPORT.officer)!, { content: DEMO_REPORT.content, riskLevel: DEMO_REPORT.riskLevel });
}
