import { Alert, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BurialListItem } from '../../../../main/funeral/burials/contract';
import { call, useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';

type Row = BurialListItem & { daysLeft: number };

/** 到期续期工作清单: use periods already past or ending within N months; notices to print. */
export function ExpiringPage() {
  const [months, setMonths] = useState(6);
  const list = useCall('funeral.burials.expiring', { months, cemeteryId: null });
  const [selected, setSelected] = useState<number[]>([]);
  const rows = list.data?.rows ?? [];
  const chosen = selected.length > 0 ? selected : rows.map((r) => r.id);
  return (
    <>
      <PageHeader title="到期续期工作清单">
        <Typography.Text type="secondary">
          已过期未续期的在前。选择记录后打印续期通知书（不选则打印全部），通知使用权人办理续期。
        </Typography.Text>
      </PageHeader>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>未来</span>
          <InputNumber<number> min={1} max={60} value={months} onChange={(v) => v && setMonths(v)} aria-label="未来月数" />
          <span>个月内到期{list.data ? `（至 ${list.data.until}），共 ${list.data.total} 条` : ''}</span>
          {rows.length > 0 && (
            <PdfDocuments
              items={[
                {
                  key: 'notices',
                  label: `打印续期通知书（${Math.min(chosen.length, 500)} 份）`,
                  generate: () => call('funeral.burials.documents.expiryNotices', { burialIds: chosen.slice(0, 500) }),
                },
              ]}
            />
          )}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 50 }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
          locale={{ emptyText: '没有即将到期或已过期的安葬记录' }}
          columns={[
            {
              title: '到期日',
              dataIndex: 'expiresOn',
              render: (v: string, r) =>
                r.expired ? (
                  <Tag color="red">
                    {v}（已过 {-r.daysLeft} 天）
                  </Tag>
                ) : (
                  <span>
                    {v}（还有 {r.daysLeft} 天）
                  </span>
                ),
            },
            {
              title: '逝者',
              dataIndex: 'deceasedName',
              render: (v: string, r) => <Link to={`/funeral/burials/${r.id}`}>{v}</Link>,
            },
            { title: '墓位', key: 'plot', render: (_: unknown, r) => `${r.cemeteryName} ${r.plotLabel}` },
            { title: '使用权人', dataIndex: 'holderName' },
            { title: '联系电话', dataIndex: 'holderPhone' },
            { title: '安葬证号', dataIndex: 'certificateNumber' },
          ]}
        />
      </Card>
    </>
  );
}
