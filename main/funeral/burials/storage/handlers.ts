import { defineHandlers } from '../../../core/handler';
import { collectStorage, findStorages, getStorage, registerStorage, renewStorage, storageExpiring } from './service';

export const storageHandlers = defineHandlers({
  'funeral.storage.register': (i, ctx) => registerStorage(ctx, i),
  'funeral.storage.get': (i, { app }) => getStorage(app, i.id),
  'funeral.storage.search': (i, { app }) => findStorages(app, i.query, i.status),
  'funeral.storage.renew': (i, ctx) => renewStorage(ctx, i),
  'funeral.storage.collect': (i, ctx) => collectStorage(ctx, i),
  'funeral.storage.expiring': (i, { app }) => storageExpiring(app, i.months),
});
