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

/**
 * A clock that starts at a given moment and then runs at real speed. `npm run serve` uses it when
 * REGISTRY_CLOCK_START is set (training rooms, and end-to-end tests that must stand on the day a
 * cooling-off window opens); the desktop app never does.
 */
export function shiftedClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** Reads REGISTRY_CLOCK_START ('YYYY-MM-DDTHH:mm', local time); undefined when unset, an error when malformed. */
export function clockFromEnv(value: string | undefined): Clock | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!m) throw new Error(`REGISTRY_CLOCK_START 格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm，收到“${value}”`);
  const [, y, mo, d, h = '10', mi = '00'] = m;
  const start = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (start.getMonth() !== Number(mo) - 1 || start.getDate() !== Number(d)) {
    throw new Error(`REGISTRY_CLOCK_START 不是有效日期：“${value}”`);
  }
  return shiftedClock(start);
}
