import type { Clock } from '../clock';
import { writeTransaction, type Db } from '../db/connection';
import { recordAudit, type Actor } from '../audit/service';
import { defaultSettings, settingsSchema, type Settings } from './contract';
import { readSetting, writeSetting } from './data';

const KEY = 'office';

/**
 * Stored settings over the defaults: a field added in a later version gets its default instead of
 * failing. A stored value that no longer parses (hand-edited file) falls back field by field.
 */
export function getSettings(db: Db): Settings {
  const stored = readSetting(db, KEY);
  const merged = { ...defaultSettings, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSettings;
}

export function updateSettings(db: Db, clock: Clock, actor: Actor, next: Settings): Settings {
  return writeTransaction(db, () => {
    const before = getSettings(db);
    writeSetting(db, KEY, next, clock.now().toISOString(), actor.userId);
    recordAudit(db, clock, actor, { action: 'update', entity: 'settings', entityId: KEY, before, after: next });
    return next;
  });
}
