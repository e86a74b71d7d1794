import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CemeteryView } from '../../../../main/funeral/cemeteries/contract';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { CemeteryFormModal } from './CemeteryFormModal';
import { OccupancySummary } from './Occupancy';

/** 公墓与墓位: every cemetery with its occupancy; new cemetery. */
export function CemeteriesPage() {
  const list = useCall('funeral.cemeteries.list', {});
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="公墓与墓位"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-cemetery">
            新建公墓
          </Button>
        }
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Card size="small">
        <Table<CemeteryView>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: '尚未登记公墓，请先“新建公墓”' }}
          columns={[
            {
              title: '公墓名称',
              dataIndex: 'name',
              render: (v: string, c) => <Link to={`/funeral/cemeteries/${c.id}`}>{v}</Link>,
            },
            { title: '类型', dataIndex: 'kindLabel', width: 150 },
            {
              title: '服务范围',
              key: 'served',
              render: (_: unknown, c) =>
                c.residentsOnly ? (
                  <Typography.Text style={{ fontFamily: 'monospace' }}>{c.servedDivisions.join('、')}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">不限户籍</Typography.Text>
                ),
            },
            { title: '墓位', key: 'plots', width: 80, align: 'right', render: (_: unknown, c) => c.occupancy.plots },
            { title: '占用与剩余容量', key: 'occ', width: 420, render: (_: unknown, c) => <OccupancySummary o={c.occupancy} /> },
          ]}
        />
      </Card>
      <CemeteryFormModal
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          void navigate(`/funeral/cemeteries/${c.id}`);
        }}
      />
    </>
  );
}
