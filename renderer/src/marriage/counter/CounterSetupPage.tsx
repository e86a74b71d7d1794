import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import { peakRuleKindLabels, peakRuleKinds, type PeakRuleKind, type PeakRuleView, type PlanView } from '../../app/contract';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { officeToday } from './common';

interface PlanForm {
  effectiveFrom: Dayjs;
  counters: number;
  slots: { start: string; end: string; capacity: number }[];
  note?: string;
}
interface PeakForm {
  name: string;
  kind: PeakRuleKind;
  monthDay?: string;
  date?: Dayjs;
  capacityFactor: number;
  openOnRestDay: boolean;
  active: boolean;
}

/** The supervisor's setup: slot plans with effective dates, and peak days (as data). */
export function CounterSetupPage() {
  const plans = useCall('marriage.counter.plans', {});
  const rules = useCall('marriage.counter.peakRules', {});
  const [planOpen, setPlanOpen] = useState(false);
  const [editingRule, setEditingRule] = useState<PeakRuleView | null | undefined>(undefined);
  const [planForm] = Form.useForm<PlanForm>();
  const [peakForm] = Form.useForm<PeakForm>();
  const savePlan = useMutate('marriage.counter.savePlan', {
    form: planForm,
    invalidates: ['marriage.counter.plans', 'marriage.counter.day'],
    success: '号源方案已保存',
    onSuccess: () => setPlanOpen(false),
  });
  const savePeak = useMutate('marriage.counter.savePeakRule', {
    form: peakForm,
    invalidates: ['marriage.counter.peakRules', 'marriage.counter.day'],
    success: '高峰日规则已保存',
    onSuccess: () => setEditingRule(undefined),
  });
  const current = plans.data?.find((p) => p.effectiveFrom <= officeToday());
  const kind = Form.useWatch('kind', peakForm);

  return (
    <>
      <PageHeader title="号源与高峰日" />
      {(plans.error ?? rules.error) && (
        <Alert type="error" showIcon title={(plans.error ?? rules.error)!.message} style={{ marginBottom: 16 }} />
      )}
      <Card
        size="small"
        title="号源方案（按生效日期）"
        style={{ marginBottom: 16 }}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanOpen(true)}>
            新方案
          </Button>
        }
      >
        <Table<PlanView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={plans.isLoading}
          dataSource={plans.data ?? []}
          columns={[
            {
              title: '生效日期',
              dataIndex: 'effectiveFrom',
              width: 140,
              render: (v: string, p) => (
                <Space>
                  {v}
                  {p.id === current?.id && <Tag color="green">现行</Tag>}
                </Space>
              ),
            },
            { title: '窗口数', dataIndex: 'counters', width: 70 },
            {
              title: '时段（容量）',
              key: 'slots',
              render: (_, p) => (
                <Typography.Text style={{ fontSize: 12 }}>
                  {p.slots.map((s) => `${s.start}–${s.end}（${s.capacity}）`).join('  ')}
                </Typography.Text>
              ),
            },
            { title: '每日合计', key: 'total', width: 80, render: (_, p) => p.slots.reduce((n, s) => n + s.capacity, 0) },
            { title: '说明', dataIndex: 'note', width: 200, ellipsis: true },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="高峰日规则"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setEditingRule(null)}>
            新增高峰日
          </Button>
        }
      >
        <Table<PeakRuleView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={rules.isLoading}
          dataSource={rules.data ?? []}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', width: 90, render: (k: PeakRuleKind) => peakRuleKindLabels[k] },
            {
              title: '日期',
              key: 'when',
              width: 130,
              render: (_, r) => (r.kind === 'date' ? r.date : r.kind === 'lunar' ? `农历 ${r.monthDay}` : r.monthDay),
            },
            { title: '下一次', dataIndex: 'nextDate', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '容量倍数', dataIndex: 'capacityFactor', width: 90, render: (v: number) => `×${v}` },
            {
              title: '休息日开放',
              dataIndex: 'openOnRestDay',
              width: 100,
              render: (v: boolean) => (v ? <Tag color="orange">开放</Tag> : '否'),
            },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
            {
              title: '',
              key: 'edit',
              width: 70,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setEditingRule(r)}>
                  修改
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <FormModal<PlanForm>
        title="新号源方案"
        open={planOpen}
        form={planForm}
        pending={savePlan.isPending}
        okText="保存"
        initialValues={{
          effectiveFrom: dayjs(officeToday()).add(1, 'day'),
          counters: current?.counters ?? 3,
          slots: current?.slots ?? [{ start: '09:00', end: '09:30', capacity: 6 }],
        }}
        onSubmit={(v) =>
          savePlan.mutate({
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            counters: v.counters,
            slots: v.slots,
            ...(v.note ? { note: v.note } : {}),
          })
        }
        onClose={() => setPlanOpen(false)}
      >
        <Space>
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="counters" label="窗口数" rules={[{ required: true }]}>
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Space>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'start']} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: 'HH:MM' }]}>
                    <Input placeholder="开始 09:00" style={{ width: 100 }} aria-label="开始时间" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'end']} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: 'HH:MM' }]}>
                    <Input placeholder="结束 09:30" style={{ width: 100 }} aria-label="结束时间" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'capacity']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={500} placeholder="容量" aria-label="容量" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除时段" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ capacity: 6 })}>
                添加时段
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="说明" style={{ marginTop: 12 }}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>

      <FormModal<PeakForm>
        title={editingRule ? `修改高峰日「${editingRule.name}」` : '新增高峰日'}
        open={editingRule !== undefined}
        form={peakForm}
        pending={savePeak.isPending}
        okText="保存"
        initialValues={
          editingRule
            ? {
                name: editingRule.name,
                kind: editingRule.kind,
                monthDay: editingRule.monthDay ?? undefined,
                date: editingRule.date ? dayjs(editingRule.date) : undefined,
                capacityFactor: editingRule.capacityFactor,
                openOnRestDay: editingRule.openOnRestDay,
                active: editingRule.active,
              }
            : { kind: 'fixed', capacityFactor: 1.5, openOnRestDay: false, active: true }
        }
        onSubmit={(v) =>
          savePeak.mutate({
            ...(editingRule ? { id: editingRule.id } : {}),
            name: v.name,
            kind: v.kind,
            ...(v.kind === 'date' ? { date: v.date?.format('YYYY-MM-DD') } : { monthDay: v.monthDay }),
            capacityFactor: v.capacityFactor,
            openOnRestDay: v.openOnRestDay,
            active: v.active,
          })
        }
        onClose={() => setEditingRule(undefined)}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true }]}>
          <Input autoFocus maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={peakRuleKinds.map((k) => ({ value: k, label: peakRuleKindLabels[k] }))} />
        </Form.Item>
        {kind === 'date' ? (
          <Form.Item name="date" label="日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item
            name="monthDay"
            label={kind === 'lunar' ? '农历月日（七夕为 07-07）' : '月日（如 05-20）'}
            rules={[{ required: true, pattern: /^\d{2}-\d{2}$/, message: '格式 MM-DD' }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="capacityFactor" label="容量倍数" rules={[{ required: true }]}>
          <InputNumber min={0.1} max={10} step={0.5} />
        </Form.Item>
        <Form.Item name="openOnRestDay" label="落在休息日时开放预约" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}
