import { AppError } from '@minsheng/contracts';
import { findAppealByExternalId } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { PlatformIdentity } from '../authenticate-platform';
import { presentTransfer } from '../presenter';

/** The public status of an appeal the platform transferred; another platform's appeals are simply not found. */
export async function getTransfer(deps: Deps, platform: PlatformIdentity, externalId: string) {
  const appeal = await findAppealByExternalId(deps.database.db, platform.jurisdictionId, platform.platformId, externalId);
  if (!appeal) throw new AppError('NOT_FOUND');
  return presentTransfer(appeal);
}
