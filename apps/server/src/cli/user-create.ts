import { parseArgs } from 'node:util';
import { ROLES } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import { listUnits } from '@minsheng/db';
import { createUser } from '../modules/admin/use-cases/create-user';
import { openForCommand } from './open';

export async function userCreateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', multiple: true }, jurisdiction: { type: 'string' },
  } });
  if (!values.username || !values.password || !values.role?.length) {
    console.error('usage: minsheng user create --username U --name NAME --password P --role ROLE@UNIT_KEY [--role …]');
    return 2;
  }
  const { deps, close } = await openForCommand();
  try {
    const jurisdictionId = values.jurisdiction ?? deps.defaultJurisdictionId;
    const units = await listUnits(deps.database.db, jurisdictionId);
    const roles: { role: Role; unitId: string }[] = [];
    for (const spec of values.role) {
      const [role, unitKey] = spec.split('@');
      if (!ROLES.includes(role as Role)) { console.error(`unknown role ${role}; roles: ${ROLES.join(', ')}`); return 2; }
      const unit = units.find((u) => u.key === (unitKey ?? '') || u.id === unitKey);
      if (!unit) { console.error(`unknown unit ${unitKey}; give a unit key such as ${units[0]?.key ?? 'centre'}`); return 2; }
      roles.push({ role: role as Role, unitId: unit.id });
    }
    const user = await createUser(deps.database.db, { jurisdictionId, username: values.username, displayName: values.name ?? values.username, password: values.password, roles }, null);
    console.log(`user ${user.username} created (${user.id})`);
    return 0;
  } finally {
    await close();
  }
}
