import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import { formatFen, type ApplicationRow, type BatchRow, type BatchView } from '../../../../main/funeral/subsidies/contract';
import { call, useCall, useMutate, useReportError } from '../../app/api';
import { ConfirmButton } from '../../app/ConfirmButton';
import { downloadFile } from '../../app/download';
import { FormModal } from '../../app/FormModal';
import { formatTime } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { usePermissions } from '../../app/session';
import { DATE_PLACEHOLDER, isApprover } from './common';

// 奖补发放: the district approver puts approved applications into a payment batch, prints the
// roster (PDF for signatures, XLSX for the bank), and records the transfer as paid — after which the
// batch and its applications are locked. Street reviewers may look and print (accounts masked).

const invalidates = ['funeral.subsidies.batches.list', 'funeral.subsidies.batches.get', 'funeral.subsidies.list'] as const;

function NewBatch({ onCreated }: { onCreated: (b: BatchView) => void }) {
  const [selected, setSelected] = useState<number[]>([]);
  const [title, setTitle] = useState(`${localTodayIso()} 发放批次`);
  const approved = useCall('funeral.subsidies.list', {
    status: 'approved',
    query: null,
    unbatchedOnly: true,
    page: 1,
    pageSize: 500,
  });
  const create = useMutate('funeral.subsidies.batches.create', {
    invalidates: [...invalidates],
    success: '已编入发放批次',
    onSuccess: (b) => {
      setSelected([]);
      onCreated(b);
    },
  });
  const rows = approved.data?.rows ?? [];
  const sum = rows.filter((r) => selected.includes(r.id)).reduce((s, r) => s + r.totalFen, 0);
  return (
    <Card size="small" title={`已批准、待编入批次（${rows.length} 件）`} style={{ marginBottom: 16 }} data-testid="unbatched">
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: '没有待编入批次的申请' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) }}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/funeral/subsidies/${r.id}`}>{n}</Link>,
          },
          { title: '逝者', dataIndex: 'deceasedName' },
          { title: '安葬方式', dataIndex: 'formLabel' },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '金额', dataIndex: 'totalFen', align: 'right', render: (f: number) => formatFen(f) },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          style={{ width: 260 }}
          addonBefore="批次名称"
          maxLength={60}
          data-testid="batch-title"
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={selected.length === 0 || title.trim().length < 2}
          loading={create.isPending}
          onClick={() => create.mutate({ title: title.trim(), applicationIds: selected })}
          data-testid="create-batch"
        >
          编入新批次（{selected.length} 件，{formatFen(sum)}）
        </Button>
      </Space>
    </Card>
  );
}

function MarkPaidModal({ batch, onClose }: { batch: BatchView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ paidOn: string; reference: string }>();
  const paid = useMutate('funeral.subsidies.batches.markPaid', {
    form,
    invalidates: [...invalidates],
    success: '已登记发放',
    onSuccess: onClose,
  });
  return (
    <FormModal<{ paidOn: string; reference: string }>
      title={batch ? `登记已发放：${batch.number}（${batch.count} 人，${formatFen(batch.amount.totalFen)}）` : ''}
      open={batch !== null}
      form={form}
      pending={paid.isPending}
      okText="确认已发放"
      initialValues={{ paidOn: localTodayIso() }}
      onClose={onClose}
      onSubmit={(v) => batch && paid.mutate({ id: batch.id, paidOn: v.paidOn.trim(), reference: v.reference.trim() })}
    >
      <Typography.Paragraph type="warning">登记后本批次及其中全部申请即锁定，不能再修改或移出。</Typography.Paragraph>
      <Form.Item
        name="paidOn"
        label="发放日期"
        rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
      >
        <Input placeholder={DATE_PLACEHOLDER} maxLength={10} data-testid="paid-on" />
      </Form.Item>
      <Form.Item
        name="reference"
        label="支付凭证号"
        rules={[{ required: true, whitespace: true, min: 2, message: '请填写支付凭证号' }]}
      >
        <Input maxLength={60} autoFocus data-testid="paid-reference" />
      </Form.Item>
    </FormModal>
  );
}

function BatchDetail({ id }: { id: number }) {
  const approver = isApprover(usePermissions());
  const report = useReportError();
  const q = useCall('funeral.subsidies.batches.get', { id });
  const [paying, setPaying] = useState<BatchView | null>(null);
  const [exporting, setExporting] = useState(false);
  const remove = useMutate('funeral.subsidies.batches.remove', { invalidates: [...invalidates], success: '已移出批次' });
  const b = q.data;
  if (!b) return q.error ? <Alert type="error" showIcon title={q.error.message} /> : null;
  const open = b.status === 'open';
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>
            批次 {b.number} · {b.title}
          </span>
          <Tag color={open ? 'blue' : 'green'}>{b.statusLabel}</Tag>
          {b.paid && (
            <Typography.Text type="secondary">
              {b.paid.on} 发放，凭证 {b.paid.reference}（{b.paid.by}）
            </Typography.Text>
          )}
        </Space>
      }
      data-testid="batch-detail"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <PdfDocuments
          items={[
            { key: 'roster', label: '发放花名册 PDF', generate: () => call('funeral.subsidies.roster.pdf', { batchId: b.id }) },
          ]}
        />
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          onClick={async () => {
            setExporting(true);
            try {
              downloadFile(await call('funeral.subsidies.roster.xlsx', { batchId: b.id }));
            } catch (e) {
              report(e);
            } finally {
              setExporting(false);
            }
          }}
          data-testid="roster-xlsx"
        >
          导出 Excel
        </Button>
        {approver && open && (
          <Button type="primary" onClick={() => setPaying(b)} data-testid="mark-paid">
            登记已发放
          </Button>
        )}
        {!approver && <Typography.Text type="secondary">银行账号已脱敏；完整账号仅区民政审批员可见</Typography.Text>}
      </Space>
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        dataSource={b.applications}
        pagination={b.applications.length > 20 ? { pageSize: 20 } : false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              合计 {b.count} 人（家属 {formatFen(b.amount.familyFen)}，公墓 {formatFen(b.amount.cemeteryFen)}）
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{formatFen(b.amount.totalFen)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/funeral/subsidies/${r.id}`}>{n}</Link>,
          },
          { title: '逝者', dataIndex: 'deceasedName' },
          { title: '安葬方式', dataIndex: 'formLabel' },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '金额', dataIndex: 'totalFen', align: 'right', render: (f: number) => formatFen(f) },
          {
            title: '',
            key: 'remove',
            render: (_, r) =>
              approver && open ? (
                <ConfirmButton
                  title={`将 ${r.number} 移出本批次？`}
                  okText="移出"
                  onConfirm={() => remove.mutateAsync({ batchId: b.id, applicationId: r.id })}
                  buttonProps={{ size: 'small' }}
                >
                  移出
                </ConfirmButton>
              ) : null,
          },
        ]}
      />
      <MarkPaidModal batch={paying} onClose={() => setPaying(null)} />
    </Card>
  );
}

/** '/funeral/subsidies/batches' */
export function SubsidyBatchesPage() {
  const approver = isApprover(usePermissions());
  const batches = useCall('funeral.subsidies.batches.list', {});
  const [current, setCurrent] = useState<number | null>(null);
  const shown = current ?? batches.data?.[0]?.id ?? null;
  return (
    <>
      <PageHeader title="奖补发放" />
      {approver && <NewBatch onCreated={(b) => setCurrent(b.id)} />}
      <Card size="small" title="发放批次" style={{ marginBottom: 16 }}>
        {batches.error && <Alert type="error" showIcon title={batches.error.message} />}
        <Table<BatchRow>
          rowKey="id"
          size="small"
          dataSource={batches.data ?? []}
          pagination={false}
          locale={{ emptyText: '还没有发放批次' }}
          rowClassName={(r) => (r.id === shown ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setCurrent(r.id) })}
          columns={[
            {
              title: '批次编号',
              dataIndex: 'number',
              render: (n: string, r) => (
                <Button type="link" size="small" onClick={() => setCurrent(r.id)} data-testid={`batch-${n}`}>
                  {n}
                </Button>
              ),
            },
            { title: '名称', dataIndex: 'title' },
            { title: '人数', dataIndex: 'count', align: 'right' },
            { title: '金额', key: 'amount', align: 'right', render: (_, r) => formatFen(r.amount.totalFen) },
            {
              title: '状态',
              key: 'status',
              render: (_, r) => <Tag color={r.status === 'open' ? 'blue' : 'green'}>{r.statusLabel}</Tag>,
            },
            { title: '编制', key: 'created', render: (_, r) => `${formatTime(r.createdAt)}（${r.createdBy}）` },
          ]}
        />
      </Card>
      {shown !== null && <BatchDetail key={shown} id={shown} />}
    </>
  );
}
