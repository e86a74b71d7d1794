import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Badge, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  applicationStatusLabels,
  applicationStatuses,
  formatFen,
  type ApplicationRow,
  type ApplicationStatus,
} from '../../../../main/funeral/subsidies/contract';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';
import { isApprover, StatusTag } from './common';

// 奖补工作清单: one list, filtered by the step each role works on — the street reviewer opens on
// 待街道初审, the district approver on 待区民政审批. Counts show what waits at every step; ID
// numbers are masked here (the record page shows the full number to whoever reviews the papers).

type Filter = ApplicationStatus | 'all';

/** '/funeral/subsidies' */
export function SubsidyWorklistPage() {
  const navigate = useNavigate();
  const approver = isApprover(usePermissions());
  const [filter, setFilter] = useState<Filter>(approver ? 'pendingApproval' : 'pendingReview');
  const [query, setQuery] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useCall(
    'funeral.subsidies.list',
    { status: filter === 'all' ? null : filter, query, page, pageSize: 50 },
    { placeholderData: keepPreviousData },
  );
  const counts = list.data?.counts;

  return (
    <>
      <PageHeader
        title="节地生态安葬奖补"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              刷新
            </Button>
            <Button type="primary" icon={<FormOutlined />} onClick={() => void navigate('/funeral/subsidies/apply')}>
              受理申请
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
          }}
          options={[
            ...applicationStatuses.map((s) => ({
              value: s,
              label: (
                <span data-testid={`filter-${s}`}>
                  {applicationStatusLabels[s]} <Badge count={counts?.[s] ?? 0} showZero color="#8c8c8c" size="small" />
                </span>
              ),
            })),
            { value: 'all' as const, label: '全部' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="申请编号、逝者姓名或完整身份证号码"
          style={{ width: 300 }}
          onSearch={(v) => {
            setQuery(v.trim() || null);
            setPage(1);
          }}
          data-testid="subsidy-search"
        />
        {approver && (list.data?.unbatched ?? 0) > 0 && (
          <Link to="/funeral/subsidies/batches">
            <Tag color="cyan">{list.data!.unbatched} 件已批准待编入发放批次</Tag>
          </Link>
        )}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: '没有符合条件的申请' }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({ onDoubleClick: () => void navigate(`/funeral/subsidies/${r.id}`) })}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'number',
            render: (n: string, r) => (
              <Link to={`/funeral/subsidies/${r.id}`} style={{ fontFamily: 'monospace' }}>
                {n}
              </Link>
            ),
          },
          { title: '逝者', dataIndex: 'deceasedName' },
          {
            title: '身份证号码',
            dataIndex: 'deceasedIdNumber',
            render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span>,
          },
          { title: '安葬方式', dataIndex: 'formLabel' },
          { title: '公墓', dataIndex: 'cemeteryName', render: (s: string | null) => s ?? '—' },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '奖补金额', dataIndex: 'totalFen', align: 'right', render: (f: number) => formatFen(f) },
          { title: '受理日期', dataIndex: 'receiptDate' },
          {
            title: '状态',
            key: 'status',
            render: (_, r) => (
              <Space size={4} wrap>
                <StatusTag status={r.status} />
                {r.missingDocuments.length > 0 && r.status === 'pendingDocuments' && (
                  <Tag color="orange">缺：{r.missingDocuments.join('、')}</Tag>
                )}
                {r.batchNumber && <Tag>{r.batchNumber}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
