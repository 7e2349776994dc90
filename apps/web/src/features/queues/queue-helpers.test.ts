import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../api/types';
import { timeLeft, worstLight } from './queue-parts';
import { lookupablePhone } from './intake-api';

const clock = (over: Partial<Deadline>): Deadline => ({
  clock: 'handling', amount: 5, unit: 'working_days', startedAt: '2026-11-23T01:00:00.000Z', dueAt: '2026-11-30T09:30:00.000Z',
  stoppedAt: null, paused: false, running: true, light: 'green', overdue: false, ...over,
});

describe('queue lights', () => {
  it('takes the worst running, unpaused clock', () => {
    expect(worstLight([clock({}), clock({ clock: 'first_contact', light: 'yellow' })])).toBe('yellow');
    expect(worstLight([clock({ light: 'yellow' }), clock({ overdue: true, light: 'red' })])).toBe('red');
    expect(worstLight([clock({ light: 'red', running: false })])).toBeNull();
    expect(worstLight([clock({ light: 'red', paused: true })])).toBeNull();
  });
  it('counts time left to the earliest due clock, negative when overdue', () => {
    const now = Date.parse('2026-11-30T09:00:00.000Z');
    expect(timeLeft([clock({}), clock({ dueAt: '2026-11-30T10:00:00.000Z' })], now)).toBe(30 * 60_000);
    expect(timeLeft([clock({ dueAt: '2026-11-30T08:00:00.000Z' })], now)).toBe(-60 * 60_000);
    expect(timeLeft([], now)).toBeNull();
  });
});

describe('caller look-up', () => {
  it('looks up mobiles, landlines and local numbers only', () => {
    expect(lookupablePhone('139 0537 1234')).toBe('13905371234');
    expect(lookupablePhone('0537-3412345')).toBe('05373412345');
    expect(lookupablePhone('1390537')).toBe(null);
    expect(lookupablePhone('')).toBe(null);
  });
});
