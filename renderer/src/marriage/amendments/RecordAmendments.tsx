import { Alert, Badge, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { CorrectionView, ReplacementView } from '../../../../main/marriage/amendments/contract';
import { useCall } from '../../app/api';
import { formatTime } from '../../app/format';
import { PdfDocuments } from '../../app/PdfDocuments';
import { ChangeList } from './ChangeList';
import { correctionChanges, statusColors } from './correctionText';
import { HistoryPanel } from './HistoryPanel';
import { replacementDocuments } from './replacementDocuments';

const side = (p: 'male' | 'female' | 'both') => (p === 'male' ? '男方' : p === 'female' ? '女方' : '双方');

/** Corrections awaiting a supervisor: shown above everything, the record is not yet changed. */
function PendingCorrections({ pending }: { pending: CorrectionView[] }) {
  if (pending.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pending-corrections"
      title={`有 ${pending.length} 项更正待婚姻登记负责人审批，批准前记录不变`}
      description={
        <Space orientation="vertical" size={4}>
          {pending.map((c) => (
            <div key={c.id}>
              <Typography.Text strong>
                第 {c.id} 号 · {side(c.party)} {c.partyName}
              </Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                （{c.proposedByName} 于 {formatTime(c.proposedAt)} 提出）
              </Typography.Text>
              <ChangeList changes={correctionChanges(c)} />
            </div>
          ))}
        </Space>
      }
    />
  );
}

function CorrectionsTable({ rows }: { rows: CorrectionView[] }) {
  return (
    <Table<CorrectionView>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有更正申请' }}
      columns={[
        { title: '编号', dataIndex: 'id', width: 60 },
        { title: '对象', key: 'party', width: 120, render: (_, c) => `${side(c.party)} ${c.partyName}` },
        { title: '更正内容', key: 'changes', render: (_, c) => <ChangeList changes={correctionChanges(c)} /> },
        { title: '理由 / 证明材料', key: 'why', render: (_, c) => `${c.reason}；${c.evidence}` },
        {
          title: '状态',
          key: 'status',
          width: 200,
          render: (_, c) => (
            <Space orientation="vertical" size={0}>
              <Tag color={statusColors[c.status]}>{c.statusLabel}</Tag>
              {c.decidedByName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.decidedByName} {formatTime(c.decidedAt)}
                  {c.decisionReason ? `：${c.decisionReason}` : ''}
                </Typography.Text>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

function ReplacementsTable({ rows }: { rows: ReplacementView[] }) {
  return (
    <Table<ReplacementView>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有补领记录' }}
      columns={[
        {
          title: '补领证字号',
          dataIndex: 'certificateNumber',
          render: (n: string, r) => (
            <Space orientation="vertical" size={0}>
              <span style={{ fontFamily: 'monospace' }}>{n}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.kindLabel}，原证 {r.originalNumber}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '申请人', key: 'applicant', width: 80, render: (_, r) => side(r.applicant) },
        {
          title: '原因',
          key: 'reason',
          render: (_, r) => `${r.reasonLabel}${r.reasonDetail ? `：${r.reasonDetail}` : ''}`,
        },
        { title: '补领日期', dataIndex: 'issuedOn', width: 110 },
        { title: '证书', key: 'pdf', width: 200, render: (_, r) => <PdfDocuments items={replacementDocuments(r, true)} /> },
      ]}
    />
  );
}

/** Above the record: the corrections awaiting approval, if any (the same query as the tabs below). */
export function RecordPendingCorrections({ registrationId }: { registrationId: number }) {
  const corrections = useCall('marriage.correction.list', { registrationId });
  return <PendingCorrections pending={(corrections.data ?? []).filter((c) => c.status === 'proposed')} />;
}

/** Under the record: tabs for its history, all its corrections and its replacements. */
export function RecordAmendments({ registrationId }: { registrationId: number }) {
  const corrections = useCall('marriage.correction.list', { registrationId });
  const replacements = useCall('marriage.replacement.list', { registrationId });
  const pending = (corrections.data ?? []).filter((c) => c.status === 'proposed');
  const error = corrections.error ?? replacements.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Card size="small">
        <Tabs
          defaultActiveKey="history"
          items={[
            { key: 'history', label: '历史记录', children: <HistoryPanel registrationId={registrationId} /> },
            {
              key: 'corrections',
              label: (
                <Badge count={pending.length} size="small" offset={[8, -2]}>
                  更正申请
                </Badge>
              ),
              children: <CorrectionsTable rows={corrections.data ?? []} />,
            },
            {
              key: 'replacements',
              label: `补领记录${replacements.data?.length ? `（${replacements.data.length}）` : ''}`,
              children: <ReplacementsTable rows={replacements.data ?? []} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
