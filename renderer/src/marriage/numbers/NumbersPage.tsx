import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  certificateKindLabels,
  certificateKinds,
  type SeriesStateView,
  type VoidedNumberView,
} from '../../../../main/marriage/numbers/contract';
import { useCall } from '../../app/api';
import { formatTime } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { officeToday } from '../counter/common';
import { SetStartModal } from './SetStartModal';

type Kind = (typeof certificateKinds)[number];

const thisYear = Number(officeToday().slice(0, 4));
// Numbers are kept forever; the list offers the last ten years and the next one (to prepare it).
const yearOptions = Array.from({ length: 11 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `${y} 年` }));
const kindOptions = certificateKinds.map((k) => ({ value: k, label: certificateKindLabels[k] }));

/** '/marriage/numbers': the year's certificate series, the voided numbers, the year's starting serial. */
export function NumbersPage() {
  const [year, setYear] = useState(thisYear);
  const [kind, setKind] = useState<Kind>('J');
  const [starting, setStarting] = useState<SeriesStateView | null>(null);
  const series = useCall('marriage.numbers.series', { year });
  const voided = useCall('marriage.numbers.voided', { kind, year });
  const error = series.error ?? voided.error;

  return (
    <>
      <PageHeader
        title="证书字号管理"
        extra={
          <Space>
            <Select
              aria-label="年份"
              value={year}
              options={yearOptions}
              onChange={setYear}
              style={{ width: 110 }}
              data-testid="numbers-year"
            />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                void series.refetch();
                void voided.refetch();
              }}
            >
              刷新
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">
          字号不重复、不跳号：打印出错的证书字号作废后留存在案并注明原因；续接纸质登记簿的，可在该年第一个字号发出前设置起始流水号。
        </Typography.Text>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card size="small" title={`${year} 年字号使用情况`} style={{ marginBottom: 16 }}>
        <Table<SeriesStateView>
          size="small"
          rowKey="kind"
          loading={series.isLoading}
          dataSource={series.data ?? []}
          pagination={false}
          data-testid="numbers-series"
          columns={[
            { title: '证件', dataIndex: 'kindLabel', width: 120 },
            {
              title: '字号序列',
              dataIndex: 'series',
              render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span>,
            },
            { title: '已发出', dataIndex: 'issued', width: 90, align: 'right' },
            { title: '其中作废', dataIndex: 'voided', width: 90, align: 'right' },
            {
              title: '下一个字号',
              dataIndex: 'nextNumber',
              render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span>,
            },
            {
              title: '起始流水号',
              key: 'start',
              width: 220,
              render: (_, s) =>
                s.canSetStart ? (
                  <Button size="small" onClick={() => setStarting(s)} data-testid={`set-start-${s.kind}`}>
                    设置起始流水号
                  </Button>
                ) : (
                  <Typography.Text type="secondary">已发出字号，不能再设置</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`${year} 年作废字号`}
        extra={<Segmented<Kind> options={kindOptions} value={kind} onChange={setKind} data-testid="voided-kind" />}
      >
        <Table<VoidedNumberView>
          size="small"
          rowKey="number"
          loading={voided.isLoading}
          dataSource={voided.data ?? []}
          pagination={(voided.data?.length ?? 0) > 30 ? { pageSize: 30 } : false}
          locale={{ emptyText: `${year} 年没有作废的${certificateKindLabels[kind]}字号` }}
          data-testid="voided-table"
          columns={[
            {
              title: '作废字号',
              dataIndex: 'number',
              width: 210,
              render: (n: string) => (
                <Typography.Text delete style={{ fontFamily: 'monospace' }}>
                  {n}
                </Typography.Text>
              ),
            },
            { title: '作废原因', dataIndex: 'reason' },
            { title: '作废人', dataIndex: 'voidedBy', width: 100, render: (v: string | null) => v ?? '—' },
            { title: '作废时间', dataIndex: 'voidedAt', width: 170, render: (v: string) => formatTime(v) },
            { title: '发号时间', dataIndex: 'issuedAt', width: 170, render: (v: string) => formatTime(v) },
            {
              title: '登记记录',
              key: 'record',
              width: 100,
              render: (_, v) => (v.registrationId ? <Link to={`/marriage/records/${v.registrationId}`}>查看记录</Link> : '—'),
            },
          ]}
        />
      </Card>
      <SetStartModal target={starting} year={year} onClose={() => setStarting(null)} />
    </>
  );
}
