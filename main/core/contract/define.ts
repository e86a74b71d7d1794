import type { z } from 'zod';
import type { Permission } from './roles';

/**
 * Who may call a channel. The dispatcher in main enforces this for every transport, before the
 * handler runs; services add record-level checks of their own.
 */
export type Access =
  | { kind: 'public' } // before login: health, first-run setup, login
  | { kind: 'session' } // any logged-in user
  | { kind: 'permission'; permissions: readonly [Permission, ...Permission[]] }; // any one of them

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. Build it with `returns<T>()`. */
  output: O;
  access: Access;
  /** One line for docs/api.md. */
  summary: string;
  /** Long-running or state-changing calls that must not be retried blindly by the client. */
  mutates: boolean;
}

/** Declares the output type of a channel without a runtime schema (main is the only producer). */
export const returns = <T>(): T => undefined as unknown as T;

export const channel = <I extends z.ZodType, O>(def: ChannelDef<I, O>): ChannelDef<I, O> => def;

export const publicAccess: Access = { kind: 'public' };
export const sessionAccess: Access = { kind: 'session' };
/** Callers holding any one of the permissions (most channels name one). */
export const needs = (...permissions: [Permission, ...Permission[]]): Access => ({ kind: 'permission', permissions });
