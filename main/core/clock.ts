/** Time comes from here so tests can move it (lockouts, idle locks, daily backups, deadlines). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function manualClock(start: Date): Clock & { set(d: Date): void; advanceMinutes(n: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime();
    },
    advanceMinutes: (n) => {
      t += n * 60_000;
    },
  };
}
