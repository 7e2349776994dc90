import type { schema } from '@minsheng/db';

export function presentUnit(u: typeof schema.units.$inferSelect, areaCodes: string[]) {
  return {
    id: u.id, key: u.key, parentId: u.parentId, name: u.name, shortName: u.shortName, kind: u.kind, depth: u.path.length,
    phone: u.phone, address: u.address, receptionHours: u.receptionHours, active: u.active, areaCodes,
  };
}

export function presentCategory(c: typeof schema.categories.$inferSelect) {
  return {
    id: c.id, key: c.key, parentId: c.parentId, level: c.level, name: c.name, defaultKind: c.defaultKind, defaultUnitId: c.defaultUnitId,
    open311Code: c.open311Code, keywords: c.keywords, active: c.active,
  };
}

/** A staff account as administrators see it: never the password hash. */
export function presentStaffUser(u: { id: string; username: string; displayName: string; active: boolean; createdAt: Date; roles: { role: string; unitId: string }[] }) {
  return { id: u.id, username: u.username, displayName: u.displayName, active: u.active, createdAt: u.createdAt, roles: u.roles.map((r) => ({ role: r.role, unitId: r.unitId })) };
}
