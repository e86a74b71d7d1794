import { useEffect } from 'react';
import { useSession } from './session';
import { lockNow } from './sessionActions';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the office's idle time without keyboard or mouse. The service locks idle
 * sessions too, but only notices at the next call; a clerk who walks away must not leave the
 * record of the last applicant on screen until then.
 */
export function useIdleLock(): void {
  const { phase, me } = useSession();
  const minutes = me?.idleLockMinutes ?? 0;
  const active = phase === 'ready' && minutes > 0;

  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touch = (): void => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true, capture: true });
    // A coarse check is enough: a few seconds late is harmless, and timers are cheap this way.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void lockNow();
    }, 5_000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, minutes]);
}
