import type { CorrectionStatus, CorrectionView } from '../../../../main/marriage/amendments/contract';
import type { ShownChange } from './ChangeList';
import { fieldValue } from './fieldValues';

/** A correction's changes with codes as names (01 → 汉族) and empty values said as such. */
export const correctionChanges = (c: Pick<CorrectionView, 'changes'>): ShownChange[] =>
  c.changes.map((x) => ({ label: x.label, before: fieldValue(x.field, x.before), after: fieldValue(x.field, x.after) }));

export const statusColors: Record<CorrectionStatus, string> = { proposed: 'orange', approved: 'green', rejected: 'red' };
