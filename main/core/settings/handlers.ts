import { defineHandlers } from '../handler';
import { getSettings, updateSettings } from './service';

export const settingsHandlers = defineHandlers({
  'settings.get': (_i, { app }) => getSettings(app.db),
  'settings.update': (i, { app, actor }) => updateSettings(app.db, app.clock, actor, i),
});
