import type { AppContext } from './app';
import type { Actor } from './audit/service';
import type { Session } from './auth/sessions';
import type { UserRow } from './auth/data';
import type { ChannelName, OutputOf, ParsedInputOf } from './contract';
import type { Permission } from './contract/roles';

/** What a handler gets besides its parsed input. It never learns which transport called it. */
export interface HandlerContext {
  app: AppContext;
  session: Session | null;
  user: UserRow | null;
  permissions: ReadonlySet<Permission>;
  actor: Actor;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: HandlerContext) => OutputOf<C> | Promise<OutputOf<C>>;

export type HandlerMap<K extends ChannelName> = { [C in K]: Handler<C> };

/** Lets each area declare its handlers with full input/output types checked against the contract. */
export const defineHandlers = <K extends ChannelName>(handlers: HandlerMap<K>): HandlerMap<K> => handlers;
