import { FormOutlined, StopOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { residentIdSchema } from '../../../../main/core/idnumber/residentId';
import type { BurialListItem, ReservationView } from '../../../../main/funeral/burials/contract';
import {
  formatFen,
  plotStatusLabels,
  type PlotDetail,
  type PlotStatusChange,
} from '../../../../main/funeral/cemeteries/contract';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { formatTime } from '../../app/format';
import { zodRule } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { PlotStatusTag } from './common';

const refresh = ['funeral.plots.get', 'funeral.plots.map', 'funeral.burials.ofPlot', 'funeral.cemeteries.get'] as const;

function ReasonModal({ plot, kind, onClose }: { plot: PlotDetail; kind: 'block' | 'unblock' | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const opts = { form, invalidates: [...refresh], onSuccess: onClose };
  const block = useMutate('funeral.plots.block', { ...opts, success: '已停用该墓位' });
  const unblock = useMutate('funeral.plots.unblock', { ...opts, success: '已恢复为可用' });
  return (
    <FormModal<{ reason: string }>
      title={kind === 'block' ? `停用 ${plot.label}` : `恢复 ${plot.label} 为可用`}
      open={kind !== null}
      form={form}
      pending={block.isPending || unblock.isPending}
      okText={kind === 'block' ? '停用' : '恢复可用'}
      danger={kind === 'block'}
      onClose={onClose}
      onSubmit={(v) => (kind === 'block' ? block : unblock).mutate({ id: plot.id, reason: v.reason })}
    >
      <Form.Item
        name="reason"
        label="原因"
        rules={[{ required: true, whitespace: true, min: 2, message: '请说明原因（至少 2 个字）' }]}
      >
        <Input.TextArea autoFocus rows={2} placeholder={kind === 'block' ? '如 地基沉降待维修' : '如 维修完毕'} />
      </Form.Item>
    </FormModal>
  );
}

/** 双穴: keep the second place for the surviving spouse of the person interred here. */
function KeepPlaceModal({
  plot,
  interred,
  open,
  onClose,
}: {
  plot: PlotDetail;
  interred: BurialListItem[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ name: string; idNumber: string; note?: string }>();
  const keep = useMutate('funeral.burials.keepSpousePlace', {
    form,
    success: '已为在世配偶保留另一穴位',
    invalidates: [...refresh],
    onSuccess: onClose,
  });
  const of = interred[0];
  return (
    <FormModal<{ name: string; idNumber: string; note?: string }>
      title={`${plot.label}：为在世配偶保留另一穴位`}
      open={open}
      form={form}
      pending={keep.isPending}
      okText="保留"
      onClose={onClose}
      onSubmit={(v) =>
        of &&
        keep.mutate({
          plotId: plot.id,
          spouseOfBurialId: of.id,
          relation: 'spouse',
          name: v.name,
          idNumber: v.idNumber,
          note: v.note?.trim() ? v.note.trim() : null,
        })
      }
    >
      <Typography.Paragraph type="secondary">
        公墓不得为在世人员预留墓位（寿穴）。双穴的另一穴位只能为已安葬在此的 <b>{of?.deceasedName}</b> 的在世配偶保留。
      </Typography.Paragraph>
      <Form.Item name="name" label="配偶姓名" rules={[{ required: true, whitespace: true, message: '请填写配偶姓名' }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="idNumber" label="配偶身份证号码" rules={[zodRule(residentIdSchema)]}>
        <Input />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function ReleaseModal({ target, onClose }: { target: ReservationView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const release = useMutate('funeral.burials.releaseSpousePlace', {
    form,
    success: '已解除保留',
    invalidates: [...refresh],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ reason: string }>
      title={`解除为 ${target?.name ?? ''} 保留的穴位`}
      open={target !== null}
      form={form}
      pending={release.isPending}
      okText="解除保留"
      danger
      onClose={onClose}
      onSubmit={(v) => target && release.mutate({ reservationId: target.id, reason: v.reason })}
    >
      <Form.Item
        name="reason"
        label="原因"
        rules={[{ required: true, whitespace: true, min: 2, message: '请说明原因（至少 2 个字）' }]}
      >
        <Input.TextArea autoFocus rows={2} />
      </Form.Item>
    </FormModal>
  );
}

const canBury = (p: PlotDetail) =>
  (p.status === 'available' || p.status === 'occupied' || p.status === 'reserved') && p.urns + 1 <= p.urnCapacity;

/** A plot's record: what it is, who rests in it, what may be done, and every status change. */
export function PlotPage() {
  const id = Number(useParams().id);
  const plot = useCall('funeral.plots.get', { id });
  const contents = useCall('funeral.burials.ofPlot', { plotId: id });
  const [reasonFor, setReasonFor] = useState<'block' | 'unblock' | null>(null);
  const [keeping, setKeeping] = useState(false);
  const [releasing, setReleasing] = useState<ReservationView | null>(null);
  if (plot.error) return <Alert type="error" showIcon title={plot.error.message} />;
  if (!plot.data) return <Spin />;
  const p = plot.data;
  const burials = contents.data?.burials ?? [];
  const kept = contents.data?.reservations.find((r) => r.status === 'kept');
  return (
    <>
      <PageHeader
        title={
          <Space>
            {p.label}
            <PlotStatusTag status={p.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {canBury(p) && (
              <Link to={`/funeral/burials/new?plotId=${p.id}`}>
                <Button type="primary" icon={<FormOutlined />} data-testid="register-burial">
                  {p.status === 'reserved' ? '配偶安葬登记' : '登记安葬'}
                </Button>
              </Link>
            )}
            {p.type === 'double' && p.urns === 1 && !kept && p.remainingPlaces > 0 && p.status !== 'expired' && (
              <Button icon={<UserAddOutlined />} onClick={() => setKeeping(true)}>
                为配偶保留另一穴位
              </Button>
            )}
            {p.status === 'available' && (
              <Button icon={<StopOutlined />} danger onClick={() => setReasonFor('block')}>
                停用
              </Button>
            )}
            {p.status === 'blocked' && (
              <Button icon={<UndoOutlined />} onClick={() => setReasonFor('unblock')}>
                恢复可用
              </Button>
            )}
          </Space>
        }
      >
        <Space split="·">
          <Link to={`/funeral/cemeteries/sections/${p.sectionId}/map`}>
            ← {p.sectionCode.endsWith('区') ? p.sectionCode : `${p.sectionCode}区`}墓位图
          </Link>
          <Link to={`/funeral/cemeteries/${p.cemeteryId}`}>{p.cemeteryName}</Link>
        </Space>
      </PageHeader>
      {p.status === 'expired' && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={`使用期限已于 ${p.useExpiresOn} 届满，未办理续期。请在安葬记录中办理续期。`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title="墓位" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'type', label: '类型', children: p.typeLabel },
                {
                  key: 'area',
                  label: '面积',
                  children: `${p.areaM2.toFixed(2)} m²${
                    p.areaLimit && p.areaLimit.maxAreaM2 !== null
                      ? `（上限 ${p.areaLimit.maxAreaM2.toFixed(2)} m²，${p.areaLimit.effectiveFrom} 起${p.areaLimit.isSample ? '，示例值' : ''}）`
                      : ''
                  }`,
                },
                { key: 'cap', label: '可安放骨灰', children: `${p.urnCapacity} 份` },
                {
                  key: 'used',
                  label: '已安放 / 保留 / 剩余',
                  children: `${p.urns} / ${p.reservedPlaces} / ${p.remainingPlaces}`,
                },
                { key: 'fee', label: '墓位费', children: formatFen(p.feeFen) },
                { key: 'exp', label: '使用期限至', children: p.useExpiresOn ?? '—' },
                { key: 'holder', label: '使用权人', children: p.holderName ?? '—' },
                { key: 'created', label: '建位日期', children: p.createdOn },
              ]}
            />
          </Card>
          <Card size="small" title="安葬记录" style={{ marginBottom: 16 }}>
            <Table<BurialListItem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={burials}
              locale={{ emptyText: '尚无安葬' }}
              columns={[
                {
                  title: '逝者',
                  dataIndex: 'deceasedName',
                  render: (v: string, b) => <Link to={`/funeral/burials/${b.id}`}>{v}</Link>,
                },
                { title: '安葬日期', dataIndex: 'burialDate' },
                {
                  title: '到期日',
                  dataIndex: 'expiresOn',
                  render: (v: string, b) => (b.expired ? <Tag color="red">{v} 已过期</Tag> : v),
                },
                { title: '安葬证号', dataIndex: 'certificateNumber' },
              ]}
            />
            {(contents.data?.reservations ?? []).map((r) => (
              <Alert
                key={r.id}
                style={{ marginTop: 8 }}
                type={r.status === 'kept' ? 'info' : 'success'}
                title={`为已故 ${r.spouseOfName} 的配偶 ${r.name}（${r.idNumber}）保留另一穴位 · ${r.statusLabel}${r.releaseReason ? `：${r.releaseReason}` : ''}`}
                action={
                  r.status === 'kept' ? (
                    <Button size="small" onClick={() => setReleasing(r)}>
                      解除保留
                    </Button>
                  ) : undefined
                }
              />
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="状态变更记录">
            <Table<PlotStatusChange>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={[...p.history].reverse()}
              data-testid="plot-history"
              columns={[
                { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatTime(v) },
                {
                  title: '变更',
                  key: 'change',
                  width: 150,
                  render: (_: unknown, h) => `${h.from ? plotStatusLabels[h.from] : '（新建）'} → ${plotStatusLabels[h.to]}`,
                },
                { title: '原因', dataIndex: 'reason' },
                { title: '经办', dataIndex: 'username', width: 90 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <ReasonModal plot={p} kind={reasonFor} onClose={() => setReasonFor(null)} />
      <KeepPlaceModal plot={p} interred={burials} open={keeping} onClose={() => setKeeping(false)} />
      <ReleaseModal target={releasing} onClose={() => setReleasing(null)} />
    </>
  );
}
