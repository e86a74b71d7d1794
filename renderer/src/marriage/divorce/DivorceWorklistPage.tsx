import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DivorceView, DivorceWorklist } from '../../../../main/marriage/divorce/contract';
import { call, useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { DivorceSummary, period, stageColors } from './DivorceSummary';
import { AgreementFilesButton } from '../attachments/AgreementFiles';

interface WithdrawValues {
  party: 'male' | 'female';
  reason?: string;
  confirmed: boolean;
}
interface IssueValues {
  bothPresent: boolean;
}

type Done = { kind: 'withdrawn' | 'issued'; view: DivorceView };

const sections: { key: keyof Omit<DivorceWorklist, 'today'>; title: string; empty: string }[] = [
  { key: 'coolingOff', title: '冷静期中', empty: '没有处于冷静期的申请' },
  { key: 'eligibleToIssue', title: '可发证', empty: '没有可发证的申请' },
  { key: 'expiringSoon', title: '即将到期（3 日内，请通知双方）', empty: '没有即将到期的申请' },
  { key: 'deemedWithdrawn', title: '视为撤回（近 30 日）', empty: '近 30 日没有视为撤回的申请' },
];

const mustCheck = (message: string) => ({
  validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))),
});

function WithdrawModal({
  target,
  onClose,
  onDone,
}: {
  target: DivorceView | null;
  onClose: () => void;
  onDone: (v: DivorceView) => void;
}) {
  const [form] = Form.useForm<WithdrawValues>();
  const withdraw = useMutate('marriage.divorce.withdraw', {
    form,
    success: '已撤回离婚登记申请',
    invalidates: ['marriage.divorce.worklist'],
    onSuccess: onDone,
  });
  return (
    <FormModal<WithdrawValues>
      title={target ? `撤回离婚登记申请：${target.names.join('、')}` : '撤回离婚登记申请'}
      open={target !== null}
      form={form}
      pending={withdraw.isPending}
      okText="确认撤回"
      danger
      onClose={onClose}
      onSubmit={(v) =>
        target &&
        withdraw.mutate({ id: target.id, party: v.party, reason: v.reason && v.reason.trim() !== '' ? v.reason.trim() : null })
      }
    >
      {target && (
        <>
          <Typography.Paragraph type="secondary">
            离婚冷静期 {period(target.withdrawal)} 内，任何一方均可单独撤回。撤回后本次申请终止。
          </Typography.Paragraph>
          <Form.Item name="party" label="撤回方" rules={[{ required: true, message: '请选择撤回的一方' }]}>
            <Radio.Group data-testid="withdraw-party">
              <Radio value="male" autoFocus>
                {target.names[0]}（男方）
              </Radio>
              <Radio value="female">{target.names[1]}（女方）</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="reason" label="撤回原因（可不填）" rules={[{ max: 500, message: '不超过 500 字' }]}>
            <Input.TextArea rows={2} data-testid="withdraw-reason" />
          </Form.Item>
          <Form.Item name="confirmed" valuePropName="checked" rules={[mustCheck('请确认撤回方本人到场并已核验身份证件')]}>
            <Checkbox data-testid="withdraw-confirm">撤回方本人到场，已核验身份证件和受理回执单</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function IssueModal({
  target,
  onClose,
  onDone,
}: {
  target: DivorceView | null;
  onClose: () => void;
  onDone: (v: DivorceView) => void;
}) {
  const [form] = Form.useForm<IssueValues>();
  const issue = useMutate('marriage.divorce.issue', {
    form,
    success: '已发给离婚证',
    invalidates: ['marriage.divorce.worklist', 'marriage.get', 'marriage.search'],
    onSuccess: onDone,
  });
  return (
    <FormModal<IssueValues>
      title={target ? `发给离婚证：${target.names.join('、')}` : '发给离婚证'}
      open={target !== null}
      form={form}
      pending={issue.isPending}
      okText="发给离婚证"
      onClose={onClose}
      onSubmit={() => target && issue.mutate({ id: target.id, bothPresent: true })}
    >
      {target && (
        <>
          <Typography.Paragraph type="secondary">
            申请发给离婚证期间 {period(target.certificate)}。发证后婚姻登记记录 {target.marriageCertificateNumber} 改为已解除。
          </Typography.Paragraph>
          <Form.Item name="bothPresent" valuePropName="checked" rules={[mustCheck('须双方共同到场申请发给离婚证')]}>
            <Checkbox autoFocus data-testid="issue-both-present">
              双方均已到场，已核验身份证件、结婚证和离婚协议书
            </Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function DoneCard({ done, onClose }: { done: Done; onClose: () => void }) {
  const v = done.view;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="divorce-done">
      <Result
        status="success"
        style={{ paddingBlock: 8 }}
        title={done.kind === 'withdrawn' ? `已撤回：${v.names.join('、')}` : `已发给离婚证 ${v.certificateNumber ?? ''}`}
        subTitle={v.stageLabel}
        extra={
          <Space wrap>
            <PdfDocuments
              items={
                done.kind === 'withdrawn'
                  ? [
                      {
                        key: 'withdrawal',
                        label: '撤回离婚登记申请确认单',
                        generate: () => call('marriage.divorce.documents.withdrawal', { id: v.id }),
                      },
                    ]
                  : [
                      {
                        key: 'preview',
                        label: '离婚证预览（样本）',
                        generate: () =>
                          call('marriage.divorce.documents.certificate', { id: v.id, mode: 'preview', printer: null }),
                      },
                      {
                        key: 'overlay',
                        label: '离婚证套打',
                        generate: () =>
                          call('marriage.divorce.documents.certificate', { id: v.id, mode: 'overlay', printer: null }),
                      },
                    ]
              }
            />
            <Button onClick={onClose}>关闭</Button>
          </Space>
        }
      />
      <DivorceSummary view={v} />
    </Card>
  );
}

/** '/marriage/divorce/worklist': today's divorce applications, with withdrawal and issuance. */
export function DivorceWorklistPage() {
  const list = useCall('marriage.divorce.worklist', {});
  const [withdrawing, setWithdrawing] = useState<DivorceView | null>(null);
  const [issuing, setIssuing] = useState<DivorceView | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const actions = (key: (typeof sections)[number]['key'], v: DivorceView) => (
    <Space size={4}>
      {key === 'coolingOff' && (
        <Button size="small" danger onClick={() => setWithdrawing(v)} data-testid="withdraw">
          撤回
        </Button>
      )}
      {(key === 'eligibleToIssue' || key === 'expiringSoon') && (
        <Button size="small" type="primary" onClick={() => setIssuing(v)} data-testid="issue">
          发证
        </Button>
      )}
      <PdfDocuments
        items={[{ key: 'receipt', label: '回执', generate: () => call('marriage.divorce.documents.receipt', { id: v.id }) }]}
      />
      <AgreementFilesButton divorce={v} />
    </Space>
  );

  return (
    <>
      <PageHeader
        title={`离婚工作清单${list.data ? `（${list.data.today}）` : ''}`}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              刷新
            </Button>
            <Link to="/marriage/divorce">
              <Button type="primary" icon={<FormOutlined />}>
                受理协议离婚
              </Button>
            </Link>
          </Space>
        }
      />
      {done && <DoneCard done={done} onClose={() => setDone(null)} />}
      {list.isLoading && <Spin />}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {sections.map((s) => {
            const rows = list.data[s.key];
            return (
              <Card
                key={s.key}
                size="small"
                title={
                  <span>
                    {s.title} <Tag>{rows.length}</Tag>
                  </span>
                }
                data-testid={`section-${s.key}`}
              >
                <Table<DivorceView>
                  size="small"
                  rowKey="id"
                  pagination={rows.length > 20 ? { pageSize: 20 } : false}
                  dataSource={rows}
                  locale={{ emptyText: s.empty }}
                  columns={[
                    {
                      title: '双方',
                      key: 'names',
                      render: (_, v) => <Typography.Text strong>{v.names.join('、')}</Typography.Text>,
                    },
                    {
                      title: '结婚证字号',
                      dataIndex: 'marriageCertificateNumber',
                      render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span>,
                    },
                    { title: '受理日期', dataIndex: 'receiptDate' },
                    { title: '冷静期', key: 'w', render: (_, v) => period(v.withdrawal) },
                    { title: '领证期间', key: 'c', render: (_, v) => period(v.certificate) },
                    { title: '状态', key: 'stage', render: (_, v) => <Tag color={stageColors[v.stage]}>{v.stageLabel}</Tag> },
                    ...(s.key === 'deemedWithdrawn'
                      ? []
                      : [{ title: '操作', key: 'actions', render: (_: unknown, v: DivorceView) => actions(s.key, v) }]),
                  ]}
                />
              </Card>
            );
          })}
        </Space>
      )}
      <WithdrawModal
        target={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={(v) => {
          setWithdrawing(null);
          setDone({ kind: 'withdrawn', view: v });
        }}
      />
      <IssueModal
        target={issuing}
        onClose={() => setIssuing(null)}
        onDone={(v) => {
          setIssuing(null);
          setDone({ kind: 'issued', view: v });
        }}
      />
    </>
  );
}
