import { Tag } from 'antd';
import type { Permission } from '../../app/contract';
import { applicationStatusLabels, type ApplicationStatus } from '../../../../main/funeral/subsidies/contract';

// Small pieces the subsidy screens share.

export const statusColors: Record<ApplicationStatus, string | undefined> = {
  pendingDocuments: 'orange',
  pendingReview: 'blue',
  pendingApproval: 'geekblue',
  approved: 'cyan',
  paid: 'green',
  rejected: 'red',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={statusColors[status]}>{applicationStatusLabels[status]}</Tag>;
}

/** The district approver: approval, batches, payment, policies, full bank accounts. */
export const isApprover = (p: ReadonlySet<Permission>): boolean => p.has('funeral.approve');

export const yuanToFen = (yuan: number | null | undefined): number => Math.round((yuan ?? 0) * 100);

/** 'YYYY-MM-DD' typed by hand (faster at the counter than a calendar); the schema checks it. */
export const DATE_PLACEHOLDER = 'YYYY-MM-DD';
