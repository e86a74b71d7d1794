import { CheckOutlined, CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatFen, type ApplicationView } from '../../../../main/funeral/subsidies/contract';
import { call, useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { formatTime } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { usePermissions, useSession } from '../../app/session';
import { isApprover, StatusTag } from './common';

// One application: what was received and computed, the papers (補交 while before street review),
// the decision buttons of the step it stands at — each shown only to the role that takes it — the
// approval notice once approved, and the 办理经过 (who did what, when, with which reason).

type Decision = { kind: 'review' | 'approve'; decision: 'reject' } | null;

const invalidates = ['funeral.subsidies.get', 'funeral.subsidies.list'] as const;

function RejectModal({ target, view, onClose }: { target: Decision; view: ApplicationView; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const review = useMutate('funeral.subsidies.review', {
    form,
    invalidates: [...invalidates],
    success: '已记录初审不通过',
    onSuccess: onClose,
  });
  const approve = useMutate('funeral.subsidies.approve', {
    form,
    invalidates: [...invalidates],
    success: '已记录不予批准',
    onSuccess: onClose,
  });
  const title = target?.kind === 'approve' ? '区民政审批：不予批准' : '街道初审：不通过';
  return (
    <FormModal<{ reason: string }>
      title={`${title}（${view.number}）`}
      open={target !== null}
      form={form}
      pending={review.isPending || approve.isPending}
      okText="确认不予通过"
      danger
      onClose={onClose}
      onSubmit={(v) =>
        target?.kind === 'approve'
          ? approve.mutate({ id: view.id, decision: 'reject', reason: v.reason })
          : review.mutate({ id: view.id, decision: 'reject', reason: v.reason })
      }
    >
      <Form.Item
        name="reason"
        label="理由（将写入办理经过并告知申请人）"
        rules={[{ required: true, whitespace: true, min: 2, message: '请写明理由（至少 2 个字）' }]}
      >
        <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="reject-reason" />
      </Form.Item>
    </FormModal>
  );
}

function DocumentsCard({ view }: { view: ApplicationView }) {
  const editable = view.status === 'pendingDocuments' || view.status === 'pendingReview';
  const [checked, setChecked] = useState<string[]>(view.documents.submitted);
  const save = useMutate('funeral.subsidies.updateDocuments', { invalidates: [...invalidates], success: '材料已更新' });
  const changed =
    checked.length !== view.documents.submitted.length || checked.some((d) => !view.documents.submitted.includes(d));
  return (
    <Card
      size="small"
      title="申请材料"
      extra={
        view.documents.missing.length > 0 ? (
          <Tag color="orange">缺 {view.documents.missing.length} 项</Tag>
        ) : (
          <Tag color="green">齐全</Tag>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Checkbox.Group
        value={checked}
        disabled={!editable}
        onChange={(v) => setChecked(v as string[])}
        options={view.documents.required.map((d) => ({ value: d, label: d }))}
        data-testid="record-documents"
      />
      {editable && (
        <div style={{ marginTop: 12 }}>
          <Button
            icon={<SaveOutlined />}
            disabled={!changed}
            loading={save.isPending}
            onClick={() => save.mutate({ id: view.id, documents: checked })}
            data-testid="save-documents"
          >
            登记补交材料
          </Button>
        </div>
      )}
    </Card>
  );
}

function Actions({ view, onReject }: { view: ApplicationView; onReject: (d: Decision) => void }) {
  const permissions = usePermissions();
  const { me } = useSession();
  const review = useMutate('funeral.subsidies.review', { invalidates: [...invalidates], success: '初审通过，已报区民政审批' });
  const approve = useMutate('funeral.subsidies.approve', { invalidates: [...invalidates], success: '已批准' });
  const streetReviewer = view.history.find((h) => h.step === 'streetPass')?.userId ?? null;

  if (view.status === 'pendingDocuments' || view.status === 'pendingReview') {
    return (
      <Space wrap>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={view.status === 'pendingDocuments'}
          loading={review.isPending}
          onClick={() => review.mutate({ id: view.id, decision: 'pass', reason: null })}
          data-testid="street-pass"
        >
          街道初审通过
        </Button>
        <Button
          danger
          icon={<CloseOutlined />}
          onClick={() => onReject({ kind: 'review', decision: 'reject' })}
          data-testid="street-reject"
        >
          初审不通过
        </Button>
        {view.status === 'pendingDocuments' && (
          <Typography.Text type="warning">缺少材料：{view.documents.missing.join('、')}，补齐后方可初审通过</Typography.Text>
        )}
      </Space>
    );
  }
  if (view.status === 'pendingApproval') {
    if (!isApprover(permissions)) return <Typography.Text type="secondary">等待区民政殡葬审批员审批</Typography.Text>;
    if (me && streetReviewer === me.user.id)
      return <Alert type="warning" showIcon title="您是本申请的街道初审人，不能再作区民政审批，请由其他审批员审批" />;
    return (
      <Space>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={approve.isPending}
          onClick={() => approve.mutate({ id: view.id, decision: 'approve', reason: null })}
          data-testid="district-approve"
        >
          审批通过
        </Button>
        <Button
          danger
          icon={<CloseOutlined />}
          onClick={() => onReject({ kind: 'approve', decision: 'reject' })}
          data-testid="district-reject"
        >
          不予批准
        </Button>
      </Space>
    );
  }
  if (view.status === 'approved' || view.status === 'paid') {
    return (
      <Space wrap>
        <PdfDocuments
          items={[{ key: 'notice', label: '审批通知书', generate: () => call('funeral.subsidies.notice.pdf', { id: view.id }) }]}
        />
        {view.status === 'approved' && !view.batch && isApprover(permissions) && (
          <Link to="/funeral/subsidies/batches">编入发放批次</Link>
        )}
      </Space>
    );
  }
  return null;
}

/** '/funeral/subsidies/:id' */
export function SubsidyRecordPage() {
  const id = Number(useParams().id);
  const q = useCall('funeral.subsidies.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const [rejecting, setRejecting] = useState<Decision>(null);
  const v = q.data;
  return (
    <>
      <PageHeader title={v ? `奖补申请 ${v.number}` : '奖补申请'} extra={<Link to="/funeral/subsidies">返回工作清单</Link>}>
        {v && (
          <Space>
            <StatusTag status={v.status} />
            {v.policy.sample && <Tag color="orange">示例政策</Tag>}
            {v.rejection && (
              <Typography.Text type="danger" data-testid="rejection">
                {v.rejection.stage === 'street' ? '街道初审不通过' : '区民政不予批准'}：{v.rejection.reason}（{v.rejection.by}）
              </Typography.Text>
            )}
          </Space>
        )}
      </PageHeader>
      {q.isLoading && <Spin />}
      {q.error && <Alert type="error" showIcon title={q.error.message} />}
      {v && (
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card size="small" style={{ marginBottom: 16 }} data-testid="record-actions">
              <Actions view={v} onReject={setRejecting} />
            </Card>
            <Card size="small" title="申请内容" style={{ marginBottom: 16 }}>
              <Descriptions size="small" bordered column={2}>
                <Descriptions.Item label="逝者">{v.deceased.name}</Descriptions.Item>
                <Descriptions.Item label="身份证号码">{v.deceased.idNumber}</Descriptions.Item>
                <Descriptions.Item label="户籍地">{v.deceased.household}</Descriptions.Item>
                <Descriptions.Item label="死亡 / 火化">
                  {v.deceased.deathDate} / {v.deceased.cremationDate ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label="安葬方式">{v.formLabel}</Descriptions.Item>
                <Descriptions.Item label={v.burial ? '安葬日期' : '撒散日期'}>{v.burialDate}</Descriptions.Item>
                <Descriptions.Item label="安葬地点" span={2}>
                  {v.burial ? `${v.burial.cemeteryName} ${v.burial.plotLabel ?? ''}（安葬记录 ${v.burial.id}）` : '不占墓位'}
                </Descriptions.Item>
                <Descriptions.Item label="申请人">
                  {v.applicant.name}（{v.applicant.relation}）{v.applicant.phone}
                </Descriptions.Item>
                <Descriptions.Item label="申请人身份证">{v.applicant.idNumber}</Descriptions.Item>
                <Descriptions.Item label="收款账户" span={2}>
                  {v.bank.accountName}，{v.bank.bankName}，<span data-testid="record-account">{v.bank.accountNumber}</span>
                  {v.bank.masked && <Typography.Text type="secondary">（已脱敏）</Typography.Text>}
                </Descriptions.Item>
                <Descriptions.Item label="奖补金额">
                  <Typography.Text strong data-testid="record-amount">
                    {formatFen(v.amount.totalFen)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="分配">
                  家属 {formatFen(v.amount.familyFen)}，公墓 {formatFen(v.amount.cemeteryFen)}
                </Descriptions.Item>
                <Descriptions.Item label="适用政策" span={2}>
                  {v.policy.title}（{v.policy.effectiveFrom} 起）
                </Descriptions.Item>
                <Descriptions.Item label="申请期限" span={2}>
                  {v.deadline.rule}，最迟 {v.deadline.lastDay}；{v.receiptDate} 受理
                </Descriptions.Item>
                {v.batch && (
                  <Descriptions.Item label="发放" span={2}>
                    批次 {v.batch.number}
                    {v.paid ? `，${v.paid.on} 已发放（凭证 ${v.paid.reference}）` : '，待发放'}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <DocumentsCard key={v.documents.submitted.join('|')} view={v} />
            <Card size="small" title="办理经过" data-testid="history">
              <Timeline
                items={v.history.map((h) => ({
                  color: h.step.endsWith('Reject') ? 'red' : h.step === 'paid' ? 'green' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>{h.label}</Typography.Text> · {h.by}
                      <div>
                        <Typography.Text type="secondary">{formatTime(h.at)}</Typography.Text>
                      </div>
                      {h.note && <div>{h.note}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      )}
      {v && <RejectModal target={rejecting} view={v} onClose={() => setRejecting(null)} />}
    </>
  );
}
