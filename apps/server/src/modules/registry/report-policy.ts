import { AppError } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';
import { covers } from '../grassroots/policy';
import { seesEverything } from './policy';

/**
 * Who reads the monthly report: those who already read both the diary and the network compliance — the centre's
 * admin, supervisor and leader (every street and department) and a unit leader (the streets or departments their
 * grant covers). Returns which units' rows the user may see; anyone else is FORBIDDEN.
 */
export function reportReader(user: SessionUser): (unitPath: readonly string[] | undefined) => boolean {
  if (seesEverything(user)) return () => true;
  if (!user.grants.some((g) => g.role === 'unit_leader')) throw new AppError('FORBIDDEN', 'the monthly report is read by the centre\'s overseers and unit leaders');
  return (path) => covers(user, path, ['unit_leader']);
}
