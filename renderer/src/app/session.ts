import { useMemo, useSyncExternalStore } from 'react';
import type { MeView, Permission, Role } from './contract';

// Who is at the keyboard and which screen the app must show. A plain store (not React state)
// so the API layer can move the app to the login or lock screen from any failed call.

export type Phase =
  | 'starting' // asking setup.status / auth.me
  | 'setup' // no users yet: create the administrator
  | 'login'
  | 'mustChangePassword'
  | 'locked'
  | 'ready'
  | 'unreachable'; // the service did not answer at start-up

export interface SessionState {
  phase: Phase;
  officeName: string;
  me: MeView | null;
  /** Shown once on the login screen: why the clerk was sent back there. */
  notice: string | null;
}

let state: SessionState = { phase: 'starting', officeName: '', me: null, notice: null };
const listeners = new Set<() => void>();

export function getSession(): SessionState {
  return state;
}

export function setSession(patch: Partial<SessionState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** The phase a freshly confirmed user belongs in. */
export function phaseFor(me: MeView): Phase {
  if (me.locked) return 'locked';
  if (me.user.mustChangePassword) return 'mustChangePassword';
  return 'ready';
}

export function usePermissions(): ReadonlySet<Permission> {
  const { me } = useSession();
  return useMemo(() => new Set(me?.permissions ?? []), [me]);
}

export function useRoles(): readonly Role[] {
  return useSession().me?.user.roles ?? [];
}
