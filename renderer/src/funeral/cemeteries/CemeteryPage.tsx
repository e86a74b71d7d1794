import { AppstoreOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { SectionView } from '../../../../main/funeral/cemeteries/contract';
import { call, useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { CemeteryFormModal } from './CemeteryFormModal';
import { GeneratePlotsModal } from './GeneratePlotsModal';
import { OccupancySummary } from './Occupancy';

/** Jump straight to a plot by its label (A区3排12号). */
function FindPlot({ cemeteryId }: { cemeteryId: number }) {
  const [text, setText] = useState('');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const go = async () => {
    if (text.trim().length < 3) return;
    try {
      const p = await call('funeral.plots.find', { cemeteryId, label: text.trim() });
      if (p) void navigate(`/funeral/cemeteries/plots/${p.id}`);
      else void message.warning(`本公墓没有墓位“${text.trim()}”`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space.Compact>
      <Input
        placeholder="墓位号，如 A区3排12号"
        aria-label="按墓位号查找"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => void go()}
        style={{ width: 220 }}
      />
      <Button icon={<SearchOutlined />} onClick={() => void go()}>
        查找墓位
      </Button>
    </Space.Compact>
  );
}

/** One cemetery: its facts, sections with occupancy and their maps, and plot generation. */
export function CemeteryPage() {
  const id = Number(useParams().id);
  const detail = useCall('funeral.cemeteries.get', { id });
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (detail.error) return <Alert type="error" showIcon title={detail.error.message} />;
  if (!detail.data) return <Spin />;
  const c = detail.data;
  return (
    <>
      <PageHeader
        title={c.name}
        extra={
          <Space wrap>
            <FindPlot cemeteryId={c.id} />
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="generate-plots">
              批量生成墓位
            </Button>
          </Space>
        }
      >
        <Link to="/funeral/cemeteries">← 公墓列表</Link>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'kind', label: '类型', children: c.kindLabel },
            { key: 'division', label: '所在地区划代码', children: c.divisionCode },
            {
              key: 'served',
              label: '服务范围',
              children: c.residentsOnly ? c.servedDivisions.join('、') : '不限户籍',
            },
            { key: 'address', label: '地址', children: c.address ?? '—' },
            { key: 'phone', label: '电话', children: c.phone ?? '—' },
            { key: 'occ', label: '全园', children: <OccupancySummary o={c.occupancy} /> },
          ]}
        />
      </Card>
      <Card size="small" title="墓区">
        <Table<SectionView>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={c.sections}
          locale={{ emptyText: '尚无墓区：点“批量生成墓位”按排号范围生成' }}
          columns={[
            { title: '墓区', dataIndex: 'label', width: 100 },
            { title: '排 × 号', key: 'grid', width: 110, render: (_: unknown, s) => `${s.rows} × ${s.numbers}` },
            { title: '墓位', key: 'plots', width: 80, align: 'right', render: (_: unknown, s) => s.occupancy.plots },
            { title: '占用与剩余容量', key: 'occ', render: (_: unknown, s) => <OccupancySummary o={s.occupancy} /> },
            {
              title: '操作',
              key: 'map',
              width: 120,
              render: (_: unknown, s) => (
                <Link to={`/funeral/cemeteries/sections/${s.id}/map`} data-testid={`open-map-${s.code}`}>
                  <Button icon={<AppstoreOutlined />}>墓位图</Button>
                </Link>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          墓位图按排、号绘制，点击墓位打开其档案（登记安葬、停用、查看状态变更记录）。
        </Typography.Paragraph>
      </Card>
      <GeneratePlotsModal
        cemeteryId={c.id}
        sections={c.sections.map((s) => s.code)}
        open={generating}
        onClose={() => setGenerating(false)}
        onDone={(r) => {
          setGenerating(false);
          void message.success(`已生成 ${r.created} 个墓位（${r.firstLabel} 至 ${r.lastLabel}）`);
          void navigate(`/funeral/cemeteries/sections/${r.sectionId}/map`);
        }}
      />
      <CemeteryFormModal open={editing} editing={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </>
  );
}
