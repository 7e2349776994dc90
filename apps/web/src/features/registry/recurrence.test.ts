import { describe, expect, it } from 'vitest';
import { M } from './messages';
import type { Msg } from './messages';
import { describeRecurrence, toRecurrence } from './recurrence';

const zh: Msg = (key, vars) => M.zh[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? ''));

describe('recurring reception schedules', () => {
  it('turns the form choice into the API recurrence (last = nth -1)', () => {
    expect(toRecurrence('weekly', 6, 1)).toEqual({ freq: 'weekly', weekday: 6 });
    expect(toRecurrence('nth', 2, 1)).toEqual({ freq: 'monthly', nth: 1, weekday: 2 });
    expect(toRecurrence('last', 5, 3)).toEqual({ freq: 'monthly', nth: -1, weekday: 5 });
    expect(toRecurrence('working_days', 1, 1)).toEqual({ freq: 'working_days' });
  });
  it('describes it in Chinese', () => {
    expect(describeRecurrence({ freq: 'monthly', nth: 1, weekday: 2 }, zh, 'zh')).toBe('每月第1个周二');
    expect(describeRecurrence({ freq: 'monthly', nth: -1, weekday: 5 }, zh, 'zh')).toBe('每月最后一个周五');
    expect(describeRecurrence({ freq: 'weekly', weekday: 6 }, zh, 'zh')).toBe('每周六');
    expect(describeRecurrence({ freq: 'working_days' }, zh, 'zh')).toBe('每个工作日');
  });
});
