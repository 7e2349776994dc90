import { FILE_SECTION_LABELS, departmentCompliance, diaryCompliance, diaryFigure, fileCoverage, fileFigure, networkFigure, proxyFigure, receptionFigure, revisitFigure, screeningFigure, streetCompliance } from '@minsheng/domain';
import type { ModuleFigure, OfficerFact, OfficerLevel, PostFact, PostKind, ReportModule } from '@minsheng/domain';
import {
  listDiaryEntries, listDisputes, listFileSections, listOfficers, listProxyRequests, listReceptionSessions, listScreeningRounds, listWorkPosts,
  returnsOfRounds, revisitsOfDisputes, schedulesBetween, unitPaths,
} from '@minsheng/db';
import { redactText } from '@minsheng/text';
import type { Deps } from '../../deps';
import type { JurisdictionRuntime } from '../../runtime/jurisdiction-runtime';
import type { Network } from '../grassroots/network';
import { leaderUnitOf } from './people';
import type { People } from './people';
import { LEADER_ROLES } from './policy';

export type UnitModuleFigures = Map<string, Partial<Record<ReportModule, ModuleFigure>>>;
export interface ReportWindow { month: string; from: Date; to: Date; now: Date; today: string }

/**
 * The month's figures of every street office and department, gathered from each module's own repositories and
 * domain rules. Whatever happens at a unit below a street or department (a community station's proxy request, a
 * community leader's diary) counts toward it (seed 003 §13). 工作网络 and 居情档案 are kept as current state, not
 * history, so they are read as they stand now.
 */
export async function gatherFigures(deps: Deps, runtime: JurisdictionRuntime, net: Network, people: People, w: ReportWindow): Promise<UnitModuleFigures> {
  const db = deps.database.db;
  const jid = runtime.id;
  const owners = new Set([...net.streets.map((s) => s.unit.id), ...net.departments.map((d) => d.id)]);
  const out: UnitModuleFigures = new Map([...owners].map((id) => [id, {}]));
  const set = (unitId: string, key: ReportModule, f: ModuleFigure) => { out.get(unitId)![key] = f; };
  const localDate = (d: Date) => runtime.calendar.localDate(d);

  const [posts, officers, sections, entries, schedules, sessions, rounds, disputes, proxies] = await Promise.all([
    listWorkPosts(db, jid), listOfficers(db, jid), listFileSections(db, jid), listDiaryEntries(db, jid, `${w.month}-01`, `${w.month}-31`),
    schedulesBetween(db, jid, w.from, w.to), listReceptionSessions(db, jid, 5000), listScreeningRounds(db, jid), listDisputes(db, jid), listProxyRequests(db, jid, null),
  ]);
  const leaders = people.staff.filter((s) => s.roles.some((r) => LEADER_ROLES.includes(r.role as never))).map((s) => ({ userId: s.id, name: s.displayName, unitId: leaderUnitOf(s) }));
  const paths = await unitPaths(db, jid, [
    ...leaders.map((l) => l.unitId), ...schedules.map((s) => s.unitId), ...sessions.map((s) => s.unitId), ...disputes.map((d) => d.ownerUnitId), ...proxies.map((p) => p.unitId),
  ].filter((u): u is string => Boolean(u)));
  /** The street office or department a unit belongs to (itself, or the one above it), if any. */
  const ownerOf = (unitId: string | null | undefined) => (unitId ? paths[unitId]?.find((id) => owners.has(id)) ?? null : null);
  const of = <T>(items: readonly T[], unit: (t: T) => string | null | undefined, owner: string) => items.filter((t) => ownerOf(unit(t)) === owner);

  // 工作网络 and 居情档案: the grassroots module's own compliance rules over the current records.
  const postFacts: PostFact[] = posts.map((p) => ({ kind: p.kind as PostKind, unitId: p.unitId, areaCode: p.areaCode, staffCount: p.staffCount, requirementsMet: p.requirementsMet as string[] }));
  const officerFacts: OfficerFact[] = officers.map((o) => ({ level: o.level as OfficerLevel, unitId: o.unitId, areaCode: o.areaCode, orgName: o.orgName }));
  const filled = sections.filter((s) => s.content.trim());
  const area = (code: string) => net.areaName(code) ?? code;
  for (const s of net.streets) {
    const row = streetCompliance({ unitId: s.unit.id, areaCode: s.areaCode, communityCodes: s.communities.map((c) => c.code) }, postFacts, officerFacts, net.rules);
    const schools = [...new Set(officerFacts.filter((o) => o.level === 'school' && o.unitId === s.unit.id).map((o) => o.orgName))].sort((a, b) => a.localeCompare(b, 'zh'));
    set(s.unit.id, 'network', networkFigure(row, { area, schools }));
    const cov = fileCoverage(s.communities.map((c) => c.code), filled);
    set(s.unit.id, 'communityFiles', fileFigure(cov.rows.map((r) => ({ areaName: area(r.areaCode), complete: r.complete, missingLabels: r.missing.map((m) => FILE_SECTION_LABELS[m]) }))));
  }
  for (const d of net.departments) set(d.id, 'network', networkFigure(departmentCompliance(d.id, postFacts, officerFacts, net.rules), { area, schools: [] }));

  const rules = runtime.settings.registry;
  const entryFacts = entries.map((e) => ({ authorUserId: e.authorUserId, visitDate: e.visitDate }));
  const scheduled = schedules.filter((s) => s.kind === 'leader_reception' && s.startsAt <= w.now);
  // A cancelled session did not take place (read loosely: the column arrives with the session-editing change).
  const held = sessions.filter((s) => s.kind === 'leader_reception' && s.heldAt >= w.from && s.heldAt < w.to && !(s as { cancelledAt?: Date | null }).cancelledAt);
  const roundsDue = rounds.filter((r) => r.dueDate.startsWith(`${w.month}-`));
  const returns = await returnsOfRounds(db, jid, roundsDue.map((r) => r.id));
  const revisits = await revisitsOfDisputes(db, jid, disputes.map((d) => d.id));
  const disputeById = new Map(disputes.map((d) => [d.id, d]));
  const streetIds = new Set(net.streets.map((s) => s.unit.id));

  for (const owner of owners) {
    const report = diaryCompliance(w.month, of(leaders, (l) => l.unitId, owner), entryFacts, { minEntries: rules.diaryMinEntriesPerMonth, visitDay: rules.diaryVisitDay });
    set(owner, 'diaries', diaryFigure(report.rows));
    set(owner, 'receptions', receptionFigure(
      of(scheduled, (s) => s.unitId, owner).map((s) => ({ date: localDate(s.startsAt), leaderName: s.leaderName })),
      of(held, (s) => s.unitId, owner).map((s) => ({ date: localDate(s.heldAt), leaderName: people.name(s.leaderUserId) ?? '' })),
    ));
    if (streetIds.has(owner)) {
      set(owner, 'screening', screeningFigure(roundsDue.map((r) => {
        const back = returns.find((x) => x.roundId === r.id && x.unitId === owner);
        return { title: r.title, dueDate: r.dueDate, returnedDate: back ? localDate(back.returnedAt) : null };
      }), w.month, w.today));
    }
    set(owner, 'revisits', revisitFigure(of(revisits, (r) => disputeById.get(r.disputeId)?.ownerUnitId, owner).map((r) => ({
      label: `${redactText(disputeById.get(r.disputeId)!.title).text}（第${r.seq}次回访）`, dueDate: r.dueDate, doneDate: r.doneAt ? localDate(r.doneAt) : null,
    })), w.month, w.today));
    set(owner, 'proxy', proxyFigure(of(proxies, (p) => p.unitId, owner), w.from, w.to, w.now));
  }
  return out;
}
