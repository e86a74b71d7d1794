import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatFen, waiverStatusLabels, type WaiverListRow, type WaiverStatus } from '../../../../main/funeral/waivers/contract';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';

const statusColors: Record<WaiverStatus, string | undefined> = { recorded: 'blue', settled: 'green', void: undefined };

/** 减免记录: by settlement month, funeral home, status, or a name / ID number; IDs masked. */
export function WaiversPage() {
  const navigate = useNavigate();
  const [month, setMonth] = useState<string | null>(null);
  const [homeId, setHomeId] = useState<number | null>(null);
  const [status, setStatus] = useState<WaiverStatus | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const homes = useCall('funeral.waivers.homes', {});
  const list = useCall(
    'funeral.waivers.list',
    { month, funeralHomeId: homeId, status, query, page, pageSize: 50 },
    { placeholderData: keepPreviousData },
  );

  return (
    <>
      <PageHeader
        title="惠民殡葬减免记录"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/funeral/waivers/new')}>
            登记减免
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          placeholder="结算月份"
          onChange={(d: Dayjs | null) => {
            setMonth(d ? d.format('YYYY-MM') : null);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder="殡仪馆"
          style={{ width: 200 }}
          options={(homes.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
          onChange={(v: number | undefined) => {
            setHomeId(v ?? null);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          options={(Object.keys(waiverStatusLabels) as WaiverStatus[]).map((s) => ({ value: s, label: waiverStatusLabels[s] }))}
          onChange={(v: WaiverStatus | undefined) => {
            setStatus(v ?? null);
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          placeholder="姓名或完整身份证号码"
          style={{ width: 260 }}
          onSearch={(v) => {
            setQuery(v.trim() || null);
            setPage(1);
          }}
          data-testid="waiver-search"
        />
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<WaiverListRow>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({
          onClick: () => void navigate(`/funeral/waivers/${r.id}`),
          onKeyDown: (e) => {
            if (e.key === 'Enter') void navigate(`/funeral/waivers/${r.id}`);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '减免编号', dataIndex: 'number', width: 190 },
          { title: '逝者', dataIndex: 'deceasedName', width: 100 },
          { title: '身份证号码', dataIndex: 'deceasedIdMasked', width: 190 },
          { title: '死亡日期', dataIndex: 'deathDate', width: 110 },
          { title: '类别', dataIndex: 'categoryName', width: 120 },
          { title: '殡仪馆', dataIndex: 'funeralHomeName', width: 160 },
          { title: '实际费用', dataIndex: 'actualFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
          { title: '减免', dataIndex: 'waivedFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
          { title: '登记日期', dataIndex: 'recordedOn', width: 110 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: WaiverStatus) => <Tag color={statusColors[s]}>{waiverStatusLabels[s]}</Tag>,
          },
        ]}
      />
    </>
  );
}
