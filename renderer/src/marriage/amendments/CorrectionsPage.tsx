import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  correctionStatusLabels,
  type CorrectionStatus,
  type CorrectionView,
} from '../../../../main/marriage/amendments/contract';
import { useCall, useMutate } from '../../app/api';
import { formatTime } from '../../app/format';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../app/session';
import { ChangeList } from './ChangeList';
import { correctionChanges, statusColors } from './correctionText';

const side = (p: 'male' | 'female') => (p === 'male' ? '男方' : '女方');
const refreshes = ['marriage.correction.list', 'marriage.get', 'marriage.history', 'marriage.search'] as const;

function Summary({ c }: { c: CorrectionView }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        结婚证字号 <span style={{ fontFamily: 'monospace' }}>{c.certificateNumber}</span> · {side(c.party)} {c.partyName}
      </Typography.Paragraph>
      <ChangeList changes={correctionChanges(c)} />
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        理由：{c.reason}；证明材料：{c.evidence}（{c.proposedByName} 提出）
      </Typography.Paragraph>
    </Card>
  );
}

function ApproveModal({ target, onClose }: { target: CorrectionView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ comment?: string }>();
  const approve = useMutate('marriage.correction.approve', {
    form,
    invalidates: [...refreshes],
    success: '已批准，记录已更正',
    onSuccess: onClose,
  });
  return (
    <FormModal<{ comment?: string }>
      title={target ? `批准更正（第 ${target.id} 号）` : '批准更正'}
      open={target !== null}
      form={form}
      pending={approve.isPending}
      okText="批准并更正记录"
      onClose={onClose}
      onSubmit={(v) => target && approve.mutate({ id: target.id, comment: v.comment?.trim() ? v.comment.trim() : null })}
    >
      {target && <Summary c={target} />}
      <Form.Item name="comment" label="审批意见（可不填）" rules={[{ max: 500, message: '不超过 500 字' }]}>
        <Input autoFocus maxLength={500} placeholder="如：已核对户口簿原件" data-testid="approve-comment" />
      </Form.Item>
      <Typography.Text type="secondary">批准后记录立即改为新值，原值保留在历史记录中。</Typography.Text>
    </FormModal>
  );
}

function RejectModal({ target, onClose }: { target: CorrectionView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useMutate('marriage.correction.reject', {
    form,
    invalidates: [...refreshes],
    success: '已驳回，记录未改变',
    onSuccess: onClose,
  });
  return (
    <FormModal<{ reason: string }>
      title={target ? `驳回更正（第 ${target.id} 号）` : '驳回更正'}
      open={target !== null}
      form={form}
      pending={reject.isPending}
      okText="驳回"
      danger
      onClose={onClose}
      onSubmit={(v) => target && reject.mutate({ id: target.id, reason: v.reason.trim() })}
    >
      {target && <Summary c={target} />}
      <Form.Item
        name="reason"
        label="驳回理由"
        rules={[{ required: true, whitespace: true, min: 2, message: '请写明驳回理由（至少 2 个字）' }]}
      >
        <Input autoFocus maxLength={500} placeholder="如：证明材料不足，请补充户口簿原件" data-testid="reject-reason" />
      </Form.Item>
    </FormModal>
  );
}

const filters: { value: CorrectionStatus; label: string }[] = (['proposed', 'approved', 'rejected'] as const).map((s) => ({
  value: s,
  label: correctionStatusLabels[s],
}));

/** '/marriage/corrections': the supervisor's work list — approve with a note, or reject with a reason. */
export function CorrectionsPage() {
  const me = useSession().me?.user.id ?? null;
  const [status, setStatus] = useState<CorrectionStatus>('proposed');
  const list = useCall('marriage.correction.list', { status });
  const [approving, setApproving] = useState<CorrectionView | null>(null);
  const [rejecting, setRejecting] = useState<CorrectionView | null>(null);

  // The service refuses a decision on one's own proposal; the list says so instead of offering it.
  const actions = (c: CorrectionView) =>
    c.proposedBy === me ? (
      <Typography.Text type="secondary" data-testid={`own-${c.id}`}>
        本人提出，须由另一位负责人审批
      </Typography.Text>
    ) : (
      <Space size={4}>
        <Button size="small" type="primary" onClick={() => setApproving(c)} data-testid={`approve-${c.id}`}>
          批准
        </Button>
        <Button size="small" danger onClick={() => setRejecting(c)} data-testid={`reject-${c.id}`}>
          驳回
        </Button>
      </Space>
    );

  return (
    <>
      <PageHeader
        title="更正审批"
        extra={
          <Space>
            <Segmented<CorrectionStatus> options={filters} value={status} onChange={setStatus} data-testid="correction-filter" />
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              刷新
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">
          当事人信息的更正须写明理由和证明材料，由提出人以外的婚姻登记负责人审批；批准后记录改为新值，原值留在历史记录中。
        </Typography.Text>
      </PageHeader>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<CorrectionView>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={(list.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: status === 'proposed' ? '没有待审批的更正' : `没有${correctionStatusLabels[status]}的更正` }}
        data-testid="corrections-table"
        columns={[
          { title: '编号', dataIndex: 'id', width: 60 },
          {
            title: '登记记录',
            key: 'record',
            width: 200,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/marriage/records/${c.registrationId}`} style={{ fontFamily: 'monospace' }}>
                  {c.certificateNumber}
                </Link>
                <span>
                  {side(c.party)} {c.partyName}
                </span>
              </Space>
            ),
          },
          { title: '更正内容（原值 → 新值）', key: 'changes', render: (_, c) => <ChangeList changes={correctionChanges(c)} /> },
          {
            title: '理由 / 证明材料',
            key: 'why',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <span>{c.reason}</span>
                <Typography.Text type="secondary">{c.evidence}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '提出',
            key: 'proposed',
            width: 160,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <span>{c.proposedByName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(c.proposedAt)}
                </Typography.Text>
              </Space>
            ),
          },
          status === 'proposed'
            ? { title: '审批', key: 'actions', width: 150, render: (_, c) => actions(c) }
            : {
                title: '审批结果',
                key: 'decision',
                width: 220,
                render: (_, c) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={statusColors[c.status]}>{c.statusLabel}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.decidedByName} {formatTime(c.decidedAt)}
                    </Typography.Text>
                    {c.decisionReason && <span>{c.decisionReason}</span>}
                  </Space>
                ),
              },
        ]}
      />
      <ApproveModal target={approving} onClose={() => setApproving(null)} />
      <RejectModal target={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
