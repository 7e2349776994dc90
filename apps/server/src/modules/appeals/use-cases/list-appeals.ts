import { ISO_INSTANT, invalidCursor, packCursor, unpackCursor } from '../../../http/keyset-cursor';
import { listAppealSummaries } from '@minsheng/db';
import type { AppealListFilter } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { presentAppealSummary } from '../presenter';
import { appealScopeOf } from '../appeal-scope';

export type ListAppealsInput = Omit<AppealListFilter, 'cursor' | 'now' | 'problem'> & {
  cursor?: string | undefined;
  /** 疑难工单 by the jurisdiction's thresholds (settings.problem), or escalated. */
  problem?: boolean | undefined;
};

/** Opaque keyset cursor: the last row's (created_at, id). */
export function encodeCursor(createdAt: Date, id: string): string {
  return packCursor([createdAt.toISOString(), id]);
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  // Only cursors this server could have made: an ISO instant in a sane range and a UUID.
  const [at, id] = unpackCursor(cursor, [ISO_INSTANT, /^[0-9a-f-]{36}$/], 'cursor');
  const createdAt = new Date(at!);
  if (!(createdAt.getUTCFullYear() >= 2000 && createdAt.getUTCFullYear() < 10000)) throw invalidCursor('cursor');
  return { createdAt, id: id! };
}

export async function listAppealsForUser(deps: Deps, user: SessionUser, input: ListAppealsInput) {
  const db = deps.database.reader;
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const now = deps.now();
  const rows = await listAppealSummaries(db, user.jurisdictionId, await appealScopeOf(deps, user), {
    ...input, cursor: input.cursor ? decodeCursor(input.cursor) : undefined, limit: input.limit + 1, now,
    problem: input.problem ? runtime.settings.problem : undefined,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentAppealSummary(r.appeal, r.clocks, runtime, now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.appeal.createdAt, last.appeal.id) : null,
  };
}
