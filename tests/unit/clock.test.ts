import { describe, expect, it } from 'vitest';
import { clockFromEnv, manualClock, shiftedClock } from '../../main/core/clock';

describe('the served app’s settable clock', () => {
  it('starts at the given moment and then runs with the real clock', () => {
    const real = manualClock(new Date(2026, 10, 22, 9, 0));
    const clock = shiftedClock(new Date(2027, 0, 5, 10, 0), real);
    expect(clock.now()).toEqual(new Date(2027, 0, 5, 10, 0));
    real.advanceMinutes(90);
    expect(clock.now()).toEqual(new Date(2027, 0, 5, 11, 30));
  });

  it('reads REGISTRY_CLOCK_START as a local date, with 10:00 when no time is given', () => {
    expect(clockFromEnv(undefined)).toBeUndefined();
    expect(clockFromEnv('')).toBeUndefined();
    const day = clockFromEnv('2027-01-05')!.now();
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2027, 0, 5, 10]);
    const timed = clockFromEnv('2027-10-08T08:30')!.now();
    expect([timed.getMonth(), timed.getDate(), timed.getHours(), timed.getMinutes()]).toEqual([9, 8, 8, 30]);
  });

  it('refuses a malformed or impossible date instead of running on a wrong day', () => {
    expect(() => clockFromEnv('05/01/2027')).toThrow('REGISTRY_CLOCK_START 格式应为');
    expect(() => clockFromEnv('2027-02-30')).toThrow('不是有效日期');
  });
});
