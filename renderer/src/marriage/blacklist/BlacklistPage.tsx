import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { normalizeDocumentNumber } from '../../../../main/core/idnumber/normalize';
import type { BlacklistEntryView } from '../../../../main/marriage/contract';
import { useCall } from '../../app/api';
import { formatTime } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { officeToday } from '../counter/common';
import { AddEntryModal } from './AddEntryModal';
import { EndEntryModal } from './EndEntryModal';
import { entryState, entryStateColors, entryStateLabels, maskedNumber } from './entryStatus';

type Show = 'current' | 'all';

/**
 * '/marriage/blacklist': the registry's credit blacklist, checked at 受理. Numbers are masked in
 * the list (the screen faces the counter); the full number shows in the 移出 dialog, and the
 * search box takes a full number.
 */
export function BlacklistPage() {
  const list = useCall('marriage.blacklist.list', {});
  const [show, setShow] = useState<Show>('current');
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<BlacklistEntryView | null>(null);
  const today = officeToday();

  const rows = useMemo(() => {
    const q = query.trim();
    const number = normalizeDocumentNumber(q);
    return (list.data ?? []).filter((e) => {
      const state = entryState(e, today);
      if (show === 'current' && (state === 'removed' || state === 'expired')) return false;
      if (!q) return true;
      return e.name.includes(q) || (number.length >= 4 && e.documentNumber.includes(number));
    });
  }, [list.data, show, query, today]);

  return (
    <>
      <PageHeader
        title="婚姻登记失信名单"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              刷新
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="blacklist-add">
              列入名单
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">
          受理结婚登记时逐一核对；在列人员申请结婚登记的，审查结果为不予办理。列入须有依据文书，移出须写明原因，记录均保留。
        </Typography.Text>
      </PageHeader>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { value: 'current', label: '在列与未生效' },
            { value: 'all', label: '全部（含已移出、已届满）' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="姓名或完整证件号码"
          style={{ width: 260 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="blacklist-search"
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<BlacklistEntryView>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={rows.length > 30 ? { pageSize: 30 } : false}
        locale={{ emptyText: show === 'current' ? '名单中没有在列人员' : '名单为空' }}
        data-testid="blacklist-table"
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          {
            title: '证件号码',
            dataIndex: 'documentNumber',
            width: 190,
            render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{maskedNumber(n)}</span>,
          },
          { title: '列入原因', dataIndex: 'reason' },
          { title: '依据文书', dataIndex: 'sourceDocument', width: 170 },
          {
            title: '列入期间',
            key: 'period',
            width: 200,
            render: (_, e) => `${e.listedFrom} 至 ${e.listedUntil ?? '长期'}`,
          },
          {
            title: '状态',
            key: 'state',
            width: 220,
            render: (_, e) => {
              const state = entryState(e, today);
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color={entryStateColors[state]}>{entryStateLabels[state]}</Tag>
                  {e.removal && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.removal.removedOn} 起移出：{e.removal.reason}（{e.removal.username ?? '—'}，{formatTime(e.removal.at)}）
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, e) => {
              const state = entryState(e, today);
              return state === 'inForce' || state === 'pending' ? (
                <Button size="small" danger onClick={() => setEnding(e)} data-testid={`blacklist-end-${e.id}`}>
                  移出
                </Button>
              ) : null;
            },
          },
        ]}
      />
      <AddEntryModal open={adding} onClose={() => setAdding(false)} />
      <EndEntryModal target={ending} onClose={() => setEnding(null)} />
    </>
  );
}
