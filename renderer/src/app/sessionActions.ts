import { call } from './api';
import type { MeView, SessionView } from './contract';
import { ApiError } from './errors';
import { queryClient } from './queryClient';
import { phaseFor, setSession } from './session';

// The few moves between screens that need the service: start-up, sign-in, lock, sign-out.

/** Start-up: first run? already signed in (a reloaded browser tab)? otherwise the login screen. */
export async function startSession(): Promise<void> {
  setSession({ phase: 'starting' });
  try {
    const status = await call('setup.status', {});
    setSession({ officeName: status.officeName });
    if (status.needsAdmin) {
      setSession({ phase: 'setup' });
      return;
    }
  } catch (e) {
    setSession({ phase: 'unreachable', notice: e instanceof ApiError ? e.message : String(e) });
    return;
  }
  try {
    const me = await call('auth.me', {});
    setSession({ me, phase: phaseFor(me), notice: null });
  } catch {
    setSession({ me: null, phase: 'login' });
  }
}

// Who used this window last: the next person to sign in starts on the home page unless it is the
// same clerk coming back (e.g. after the session expired), who returns to where they were.
let lastUserId: number | null = null;

/** After auth.login / setup.createAdmin: a person has just signed in. */
export function signedIn(view: SessionView): void {
  if (lastUserId !== view.user.id) window.location.hash = '#/';
  enterSession(view);
}

/** After auth.unlock / auth.changePassword / auth.me: the same person, fresh facts. */
export function enterSession(view: SessionView | MeView): void {
  lastUserId = view.user.id;
  const me: MeView = {
    user: view.user,
    permissions: view.permissions,
    idleLockMinutes: view.idleLockMinutes,
    locked: 'locked' in view ? view.locked : false,
  };
  setSession({ me, phase: phaseFor(me), notice: null });
}

/** Hides the screen at once, then tells the service (which refuses everything but unlock until then). */
export async function lockNow(): Promise<void> {
  setSession({ phase: 'locked' });
  try {
    await call('auth.lock', {});
  } catch {
    // UNAUTHENTICATED already moved us to the login screen; anything else leaves the lock shown.
  }
}

export async function signOut(notice: string | null = null): Promise<void> {
  try {
    await call('auth.logout', {});
  } catch {
    // Signing out locally is what matters; the service forgets idle sessions on its own.
  }
  queryClient.clear();
  clearDrafts();
  setSession({ phase: 'login', me: null, notice });
}

/**
 * Unfinished forms are kept per tab (keys ending in `.draft`) so a lock screen or reload loses
 * nothing; signing out removes them, since they hold citizens' personal data.
 */
function clearDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith('registry.') && key.endsWith('.draft')) sessionStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept.
  }
}

/** Refreshes the office name shown in titles (after settings change). */
export async function refreshOfficeName(): Promise<void> {
  try {
    const status = await call('setup.status', {});
    setSession({ officeName: status.officeName });
  } catch {
    // Keep the old name; it is only a title.
  }
}

/** Re-reads the signed-in user (after an admin edits their own roles, or the idle time changes). */
export async function refreshMe(): Promise<void> {
  try {
    enterSession(await call('auth.me', {}));
  } catch {
    // Session refusals already switched screens; otherwise keep what we have.
  }
}
