import { expandRecurrence, localInstant } from '@minsheng/domain';
import type { Recurrence } from '@minsheng/domain';
import { claimRuleOccurrence, insertSchedule, listReceptionRules, newId } from '@minsheng/db';
import type { ReceptionRuleRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';

const DAY_MS = 86_400_000;

/**
 * Turn recurring 接访/热线 rules into `reception_schedules` rows for today and the coming horizon, so the portal
 * directory (which reads those rows) publishes them. A rule's date is claimed first, so running twice, or in two
 * workers at once, adds each row once. Returns the rows added.
 */
export async function expandReceptionRules(deps: Deps, jurisdictionId: string, only?: ReceptionRuleRow): Promise<number> {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;
  const now = deps.now();
  const from = runtime.calendar.localDate(now);
  const to = runtime.calendar.localDate(new Date(now.getTime() + runtime.settings.registry.scheduleHorizonDays * DAY_MS));
  const rules = only ? [only] : await listReceptionRules(db, jurisdictionId, true);
  let added = 0;
  for (const rule of rules) {
    if (!rule.active) continue;
    for (const date of expandRecurrence(rule.recurrence as Recurrence, from, to, (d) => runtime.calendar.isWorkingDay(d))) {
      const endsAt = localInstant(date, rule.endTime, runtime.settings.utcOffsetMinutes);
      if (endsAt <= now) continue;
      await db.transaction(async (tx) => {
        const scheduleId = newId();
        if (!(await claimRuleOccurrence(tx, { jurisdictionId, ruleId: rule.id, date, scheduleId }))) return;
        await insertSchedule(tx, {
          jurisdictionId, id: scheduleId, kind: rule.kind, unitId: rule.unitId, leaderName: rule.leaderName, leaderTitle: rule.leaderTitle,
          startsAt: localInstant(date, rule.startTime, runtime.settings.utcOffsetMinutes), endsAt, place: rule.place, topic: rule.topic, active: true, createdAt: now,
        });
        added++;
      });
    }
  }
  return added;
}
