import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import type { AuditEntryView, InputOf } from '../../app/contract';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/useJob';
import { AuditDiff } from './AuditDiff';
import { actionColors, actionLabel, entityLabel } from './auditLabels';
import { AuditVerifyOutcome } from './AuditVerify';

type Query = InputOf<'audit.list'>;

interface FilterValues {
  username?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  text?: string;
}

const PAGE_SIZE = 50;

/** Empty boxes are left out: the service treats a present-but-empty filter as "match empty". */
function toQuery(v: FilterValues): Omit<Query, 'page' | 'pageSize'> {
  const q: Omit<Query, 'page' | 'pageSize'> = {};
  const s = (x: string | undefined) => (x && x.trim() ? x.trim() : undefined);
  if (s(v.username)) q.username = s(v.username);
  if (v.action) q.action = v.action;
  if (v.entity) q.entity = v.entity;
  if (s(v.entityId)) q.entityId = s(v.entityId);
  if (s(v.text)) q.text = s(v.text);
  if (v.range?.[0]) q.from = v.range[0].format('YYYY-MM-DD');
  if (v.range?.[1]) q.to = v.range[1].format('YYYY-MM-DD');
  return q;
}

export function AuditPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Omit<Query, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const [jobId, setJobId] = useState<string | null>(null);

  const options = useCall('audit.actions', {});
  const list = useCall(
    'audit.list',
    { ...filters, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData, staleTime: 0 },
  );
  const job = useJob(jobId);
  const verify = useMutate('audit.verify', { onSuccess: ({ jobId: id }) => setJobId(id) });
  const verifying = verify.isPending || job.data?.state === 'running' || (jobId !== null && !job.data && !job.error);

  const search = (values: FilterValues): void => {
    setFilters(toQuery(values));
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
              {t('common.refresh')}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => verify.mutate({})}>
              校验完整性
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {jobId !== null && (
          <Card title="审计日志完整性校验" size="small">
            <JobProgress
              job={job.data}
              error={job.error}
              label="校验进度"
              renderResult={(r) => <AuditVerifyOutcome result={r} />}
            />
          </Card>
        )}

        <Card size="small">
          <Form<FilterValues> form={form} layout="vertical" onFinish={search} aria-label="筛选条件">
            <Row gutter={12}>
              <Col span={4}>
                <Form.Item name="username" label="操作人">
                  <Input autoFocus placeholder="用户名" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="action" label="操作">
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="全部"
                    loading={options.isLoading}
                    options={(options.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="entity" label="对象类型">
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="全部"
                    loading={options.isLoading}
                    options={(options.data?.entities ?? []).map((e) => ({ value: e, label: entityLabel(e) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name="entityId" label="对象编号">
                  <Input />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="range" label="日期">
                  <DatePicker.RangePicker
                    allowEmpty={[true, true]}
                    style={{ width: '100%' }}
                    placeholder={['起始日期', '截止日期']}
                  />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="text" label="关键字">
                  <Input placeholder="说明或数据中的文字" />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  search({});
                }}
              >
                清空条件
              </Button>
            </Space>
          </Form>
        </Card>

        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<AuditEntryView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.rows ?? []}
          expandable={{
            expandedRowRender: (entry) => <AuditDiff entry={entry} />,
            rowExpandable: (e) => e.before !== null || e.after !== null || !!e.detail,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: setPage,
          }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 80 },
            { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
            { title: '操作人', dataIndex: 'username', width: 120, render: (v: string | null) => v ?? '—' },
            {
              title: '操作',
              dataIndex: 'action',
              width: 100,
              render: (a: string) => <Tag color={actionColors[a]}>{actionLabel(a)}</Tag>,
            },
            { title: '对象类型', dataIndex: 'entity', width: 100, render: (e: string) => entityLabel(e) },
            { title: '对象编号', dataIndex: 'entityId', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: '说明', dataIndex: 'detail', ellipsis: true, render: (v: string | null) => v ?? '' },
          ]}
        />
      </Space>
    </>
  );
}
