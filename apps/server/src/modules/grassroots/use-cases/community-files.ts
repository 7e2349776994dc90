import { AppError } from '@minsheng/contracts';
import { FILE_SECTIONS, fileCoverage } from '@minsheng/domain';
import type { FileSection } from '@minsheng/domain';
import { fileHistory, listFileSections, writeAudit, writeFileSection } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../../registry/people';
import { loadNetwork, readScope, requireCommunity } from '../network';
import { canWorkOn, requireGrassrootsReader } from '../policy';
import { presentRevision } from '../presenter';

/** 居情档案 of one community: the six sections' current text and every earlier version. */
export async function getCommunityFile(deps: Deps, user: SessionUser, areaCode: string) {
  requireGrassrootsReader(user);
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const community = requireCommunity(net, areaCode, 'code');
  if (!readScope(user, net).area(areaCode)) throw new AppError('NOT_FOUND');
  const [current, history, people] = await Promise.all([listFileSections(deps.database.db, jid, [areaCode]), fileHistory(deps.database.db, jid, areaCode), loadPeople(deps, jid)]);
  return {
    areaCode, areaName: community.name, streetName: net.unitName(net.streetUnitOfArea(areaCode)?.id),
    sections: FILE_SECTIONS.map((section) => {
      const c = current.find((x) => x.section === section);
      return { section, content: c?.content ?? null, version: c?.version ?? 0, updatedBy: people.name(c?.updatedBy), updatedAt: c?.updatedAt.toISOString() ?? null };
    }),
    history: history.map((h) => presentRevision(h, people)),
  };
}

/** Write one section's new text; the earlier text stays in the history. */
export async function writeCommunityFileSection(deps: Deps, user: SessionUser, areaCode: string, section: FileSection, content: string) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  requireCommunity(net, areaCode, 'code');
  if (!readScope(user, net).area(areaCode)) throw new AppError('NOT_FOUND');
  if (!canWorkOn(user, net.areaPaths(areaCode))) throw new AppError('FORBIDDEN');
  await deps.database.db.transaction(async (tx) => {
    const version = await writeFileSection(tx, { jurisdictionId: jid, areaCode, section, content: content.trim(), userId: user.userId, at: deps.now() });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'write_community_file', targetType: 'community_file', targetId: areaCode, detail: { section, version } });
  });
  return getCommunityFile(deps, user, areaCode);
}

/** Coverage per street (target 100 % of communities with a complete file) and per community, in the user's scope. */
export async function getFileCoverage(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const scope = readScope(user, net);
  const filled = (await listFileSections(deps.database.db, jid)).filter((f) => f.content.trim());
  const streets = net.streets.map((s) => ({ s, communities: s.communities.filter((c) => scope.area(c.code)) })).filter((x) => x.communities.length || scope.unit(x.s.unit.id));
  const rows = streets.map(({ s, communities }) => {
    const cov = fileCoverage(communities.map((c) => c.code), filled);
    return {
      unitId: s.unit.id, unitName: s.unit.shortName, areaCode: s.areaCode, communities: cov.communities, complete: cov.complete, started: cov.started, coverage: cov.coverage,
      rows: cov.rows.map((r) => ({ ...r, areaName: net.areaName(r.areaCode) })),
    };
  });
  const communities = rows.reduce((n, r) => n + r.communities, 0);
  const complete = rows.reduce((n, r) => n + r.complete, 0);
  return { sections: FILE_SECTIONS, streets: rows, totals: { communities, complete, coverage: communities ? complete / communities : null } };
}
