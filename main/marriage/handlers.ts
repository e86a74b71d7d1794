import { defineHandlers } from '../core/handler';
import {
  addToBlacklist,
  blacklistEntries,
  checkMarriage,
  getRegistration,
  refuseMarriage,
  registerMarriage,
  searchRegistrations,
} from './service';

export const marriageHandlers = defineHandlers({
  'marriage.check': (i, { app }) => checkMarriage(app, i),
  'marriage.register': (i, ctx) => registerMarriage(ctx, i),
  'marriage.refuse': (i, ctx) => refuseMarriage(ctx, i),
  'marriage.get': (i, { app }) => getRegistration(app, i.id),
  'marriage.search': (i, { app }) => searchRegistrations(app, i.query),
  'marriage.blacklist.list': (_i, { app }) => blacklistEntries(app),
  'marriage.blacklist.add': (i, ctx) => addToBlacklist(ctx, i),
});
