import type { Permission } from '../../app/contract';

// Small helpers of the fee-waiver screens: money typed in yuan, the approver's permission.

/** Yuan as typed (two decimals at most) → fen; null for an empty box. */
export const yuanToFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined || Number.isNaN(yuan) ? null : Math.round(yuan * 100);

export const fenToYuan = (fen: number): number => fen / 100;

/**
 * The district approver (区民政 殡葬审批员) edits standards and funeral homes and marks months
 * settled. The service enforces it; the screens only hide what would be refused.
 */
export const canApprove = (p: ReadonlySet<Permission>): boolean => p.has('funeral.approve');

/** 'YYYY-MM' of the month before the one `today` ('YYYY-MM-DD') falls in: the month to settle. */
export function previousMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
