import { insertSchedule, listBoardPostsByStatus, newId, reviewBoardPost } from '@minsheng/db';
import { DEMO_SCHEDULES } from '@minsheng/db/demo';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { previousMonth } from '../../portal/month';
import { draftBoardPosts } from './draft-board-posts';
import { publishMonthlyBulletin } from './publish-monthly-bulletin';

/**
 * The portal's demo content, made by the same code the product runs: reception schedules in the coming two weeks,
 * board drafts of the demo's closed appeals with the first ones approved (by 'system', marked in the note), and last
 * month's bulletin published from the demo appeals.
 */
export async function seedPortalDemo(deps: Deps, jurisdictionId: string, unitIdByKey: ReadonlyMap<string, string>, approve = 12): Promise<void> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, jurisdictionId);
  const now = deps.now();
  const today = runtime.calendar.localDate(now);
  const offset = runtime.settings.utcOffsetMinutes;
  const at = (dayOffset: number, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return new Date(Date.parse(`${today}T00:00:00Z`) + dayOffset * 86_400_000 + (h * 60 + m - offset) * 60_000);
  };
  for (const s of DEMO_SCHEDULES) {
    await insertSchedule(db, {
      jurisdictionId, id: newId(), kind: s.kind, unitId: s.unitKey ? unitIdByKey.get(s.unitKey) ?? null : null, leaderName: s.leaderName,
      leaderTitle: s.leaderTitle, startsAt: at(s.dayOffset, s.start), endsAt: at(s.dayOffset, s.end), place: s.place, topic: s.topic, createdAt: now,
    });
  }
  await draftBoardPosts(deps, jurisdictionId, 500);
  for (const post of (await listBoardPostsByStatus(db, jurisdictionId, 'pending', approve))) {
    await reviewBoardPost(db, jurisdictionId, post.appealId, post.version, {
      title: post.title, content: post.content, reply: post.reply, status: 'approved', reviewedBy: 'system', reviewedAt: now, reviewNote: '演示数据自动审核', publishedAt: now,
    });
  }
  await publishMonthlyBulletin(deps, jurisdictionId, previousMonth(now, offset));
}
