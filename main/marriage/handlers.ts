import { defineHandlers } from '../core/handler';
import {
  addToBlacklist,
  blacklistEntries,
  checkMarriage,
  endBlacklistEntry,
  getRegistrationFor,
  refuseMarriage,
  registerMarriage,
} from './service';
import { searchRegistrations } from './search/service';

export const marriageHandlers = defineHandlers({
  'marriage.check': (i, { app }) => checkMarriage(app, i),
  'marriage.register': (i, ctx) => registerMarriage(ctx, i),
  'marriage.refuse': (i, ctx) => refuseMarriage(ctx, i),
  'marriage.get': (i, ctx) => getRegistrationFor(ctx, i.id),
  'marriage.search': (i, ctx) => searchRegistrations(ctx, i),
  'marriage.blacklist.list': (_i, { app }) => blacklistEntries(app),
  'marriage.blacklist.add': (i, ctx) => addToBlacklist(ctx, i),
  'marriage.blacklist.end': (i, ctx) => endBlacklistEntry(ctx, i),
});
