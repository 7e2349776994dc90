import type { Msg } from './messages';
import type { Recurrence } from './registry-api';

export const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The form's choice of how a schedule repeats; the API knows monthly "last" as nth -1. */
export type Freq = 'weekly' | 'nth' | 'last' | 'working_days';

export function weekdayName(d: number, lang: string): string {
  return lang === 'en' ? WEEKDAYS_EN[d]! : `周${WEEKDAYS_ZH[d]}`;
}

/** "每月第1个周二", "每周六", "每个工作日". */
export function describeRecurrence(r: Recurrence, m: Msg, lang: string): string {
  if (r.freq === 'working_days') return m('workingDays');
  const w = weekdayName(r.weekday, lang);
  if (r.freq === 'weekly') return m('weekly', { w });
  return r.nth === -1 ? m('lastMonthly', { w }) : m('monthly', { n: r.nth, w });
}

export function toRecurrence(freq: Freq, weekday: number, nth: number): Recurrence {
  if (freq === 'weekly') return { freq: 'weekly', weekday };
  if (freq === 'nth') return { freq: 'monthly', nth, weekday };
  if (freq === 'last') return { freq: 'monthly', nth: -1, weekday };
  return { freq: 'working_days' };
}
