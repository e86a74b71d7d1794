import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

export interface Session {
  token: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  locked: boolean;
}

// A counter PC stays logged in for a shift at most; after that the clerk logs in again.
const MAX_SESSION_MS = 12 * 60 * 60_000;

/**
 * Sessions live in memory: a restart or a restore logs everyone out, which is what we want.
 * A session idle longer than the office's limit becomes locked (the screen asks for the password).
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

  create(userId: number): Session {
    const now = this.clock.now().getTime();
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      userId,
      createdAt: now,
      lastSeenAt: now,
      locked: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Looks a token up, applying expiry and the idle lock; touches it when `touch` is set. */
  resolve(token: string | undefined, idleLockMinutes: number, touch: boolean): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (now - s.createdAt > MAX_SESSION_MS) {
      this.sessions.delete(token);
      return null;
    }
    if (now - s.lastSeenAt > idleLockMinutes * 60_000) s.locked = true;
    if (touch && !s.locked) s.lastSeenAt = now;
    return s;
  }

  unlock(s: Session): void {
    s.locked = false;
    s.lastSeenAt = this.clock.now().getTime();
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endAllOf(userId: number, except?: string): void {
    for (const [t, s] of this.sessions) if (s.userId === userId && t !== except) this.sessions.delete(t);
  }

  clear(): void {
    this.sessions.clear();
  }
}
