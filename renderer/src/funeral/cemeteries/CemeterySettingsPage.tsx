import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { UsePeriodView } from '../../../../main/funeral/burials/contract';
import { addUsePeriodInput } from '../../../../main/funeral/burials/contract';
import { addAreaLimitInput, type AreaLimitView } from '../../../../main/funeral/cemeteries/contract';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import { plotTypeLabels, plotTypes, type PlotType } from '../../../../main/funeral/shared/forms';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';
import { DateField } from './common';

// 墓位面积与使用期限: provincial policy kept as versions with effective dates. A version applies to
// plots created (areas) or burials made (use period) on or after its date; versions are only added,
// never edited, and never back-dated.

const versionTag = (v: { inForce: boolean; isSample: boolean; effectiveFrom: string }) => (
  <Space size={4}>
    {v.inForce && <Tag color="green">现行</Tag>}
    {v.effectiveFrom > localTodayIso() && <Tag color="blue">待施行</Tag>}
    {v.isSample && <Tag color="orange">示例值</Tag>}
  </Space>
);

function AddLimitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ plotType: PlotType; maxAreaM2: number | null; effectiveFrom: string; basis: string }>();
  const add = useMutate('funeral.plotLimits.add', {
    form,
    success: '已新增面积上限版本',
    invalidates: ['funeral.plotLimits.list'],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title="新增墓位面积上限版本"
      open={open}
      form={form}
      pending={add.isPending}
      okText="新增"
      onClose={onClose}
      initialValues={{ plotType: 'single', effectiveFrom: localTodayIso() }}
      onSubmit={(v) => {
        const parsed = parseInto(form, addAreaLimitInput, { ...v, maxAreaM2: v.maxAreaM2 ?? null, basis: v.basis ?? '' });
        if (parsed) add.mutate(parsed);
      }}
    >
      <Form.Item name="plotType" label="墓位类型">
        <Select autoFocus options={plotTypes.map((t) => ({ value: t, label: plotTypeLabels[t] }))} />
      </Form.Item>
      <Form.Item name="maxAreaM2" label="面积上限（平方米）" extra="留空表示自施行日期起不设上限">
        <InputNumber<number> min={0.01} max={100} step={0.05} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <DateField name="effectiveFrom" label="施行日期" required extra="不能早于今天：已建墓位按建位时施行的上限核验" />
      <Form.Item
        name="basis"
        label="依据"
        rules={[{ required: true, whitespace: true, message: '请填写依据（文件名称、文号）' }]}
      >
        <Input placeholder="如 省民政厅关于推行节地生态安葬的实施意见（皖民〔2016〕…号）" />
      </Form.Item>
    </FormModal>
  );
}

function AddPeriodModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ years: number; effectiveFrom: string; basis: string }>();
  const add = useMutate('funeral.usePeriods.add', {
    form,
    success: '已新增使用期限版本',
    invalidates: ['funeral.usePeriods.list'],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title="新增墓位使用期限版本"
      open={open}
      form={form}
      pending={add.isPending}
      okText="新增"
      onClose={onClose}
      initialValues={{ years: 20, effectiveFrom: localTodayIso() }}
      onSubmit={(v) => {
        const parsed = parseInto(form, addUsePeriodInput, { ...v, basis: v.basis ?? '' });
        if (parsed) add.mutate(parsed);
      }}
    >
      <Form.Item name="years" label="使用期限（年）" rules={[{ required: true, message: '请填写年数' }]}>
        <InputNumber<number> autoFocus min={1} max={70} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <DateField name="effectiveFrom" label="施行日期" required extra="自该日起安葬的按新期限计算；不能早于今天" />
      <Form.Item
        name="basis"
        label="依据"
        rules={[{ required: true, whitespace: true, message: '请填写依据（文件名称、文号）' }]}
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}

export function CemeterySettingsPage() {
  const canEdit = usePermissions().has('system.settings');
  const limits = useCall('funeral.plotLimits.list', {});
  const periods = useCall('funeral.usePeriods.list', {});
  const [adding, setAdding] = useState<'limit' | 'period' | null>(null);
  return (
    <>
      <PageHeader title="墓位面积与使用期限">
        <Typography.Text type="secondary">
          各省规定的墓位面积上限与公墓使用期限，按施行日期分版本保存：新版本只对施行日期后新建的墓位、新办理的安葬适用。
          {!canEdit && '（只读：由系统管理员维护）'}
        </Typography.Text>
      </PageHeader>
      {(limits.error ?? periods.error) && <Alert type="error" showIcon title={(limits.error ?? periods.error)!.message} />}
      <Card
        size="small"
        title="墓位面积上限"
        style={{ marginBottom: 16 }}
        extra={
          canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding('limit')}>
              新增版本
            </Button>
          )
        }
      >
        <Table<AreaLimitView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={limits.isLoading}
          dataSource={limits.data ?? []}
          columns={[
            { title: '墓位类型', dataIndex: 'plotType', width: 100, render: (t: PlotType) => plotTypeLabels[t] },
            {
              title: '面积上限',
              dataIndex: 'maxAreaM2',
              width: 120,
              render: (v: number | null) => (v === null ? '不设上限' : `${v.toFixed(2)} m²`),
            },
            { title: '施行日期', dataIndex: 'effectiveFrom', width: 110 },
            { title: '', key: 'tags', width: 150, render: (_: unknown, v) => versionTag(v) },
            { title: '依据', dataIndex: 'basis' },
            { title: '录入', dataIndex: 'createdBy', width: 100, render: (v: string | null) => v ?? '系统预置' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          预置的单穴 0.5 m²、双穴 0.8 m²
          是参照安徽（2016）、江苏（2023）的示例值，请按本省现行规定核实后新增版本。未列出的类型不设上限。
        </Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title="墓位使用期限"
        extra={
          canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding('period')}>
              新增版本
            </Button>
          )
        }
      >
        <Table<UsePeriodView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={periods.isLoading}
          dataSource={periods.data ?? []}
          columns={[
            { title: '使用期限', dataIndex: 'years', width: 100, render: (v: number) => `${v} 年` },
            { title: '施行日期', dataIndex: 'effectiveFrom', width: 110 },
            { title: '', key: 'tags', width: 150, render: (_: unknown, v) => versionTag(v) },
            { title: '依据', dataIndex: 'basis' },
            { title: '录入', dataIndex: 'createdBy', width: 100, render: (v: string | null) => v ?? '系统预置' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          到期日 = 安葬日期 + 安葬当日施行的使用期限；续期自原到期日起顺延。
        </Typography.Paragraph>
      </Card>
      <AddLimitModal open={adding === 'limit'} onClose={() => setAdding(null)} />
      <AddPeriodModal open={adding === 'period'} onClose={() => setAdding(null)} />
    </>
  );
}
