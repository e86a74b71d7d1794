import { maskDocumentNumber } from '../../../../main/core/idnumber/otherDocuments';
import type { BlacklistEntryView } from '../../../../main/marriage/contract';

// Where an entry stands on a given day, by the same rule the acceptance check applies: listed from
// listedFrom through listedUntil, both days included.

export type EntryState = 'pending' | 'inForce' | 'removed' | 'expired';

export const entryStateLabels: Record<EntryState, string> = {
  pending: '未生效',
  inForce: '在列',
  removed: '已移出',
  expired: '已届满',
};

export const entryStateColors: Record<EntryState, string> = {
  pending: 'blue',
  inForce: 'red',
  removed: 'default',
  expired: 'default',
};

export function entryState(e: Pick<BlacklistEntryView, 'listedFrom' | 'listedUntil' | 'removal'>, today: string): EntryState {
  const ended = e.removal ? 'removed' : 'expired';
  // Removed on its first day (listed in error): it never applied.
  if (e.listedUntil !== null && e.listedUntil < e.listedFrom) return ended;
  if (today < e.listedFrom) return 'pending';
  if (e.listedUntil !== null && today > e.listedUntil) return ended;
  return 'inForce';
}

/** The list does not store the document type; an 18-character number is read as a resident ID. */
export const maskedNumber = (n: string): string => maskDocumentNumber(n.length === 18 ? 'residentId' : 'passport', n);
