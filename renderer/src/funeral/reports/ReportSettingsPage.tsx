import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import {
  addEcoFormsInput,
  removeTownshipInput,
  saveTownshipInput,
  type EcoFormsVersionView,
  type TownshipView,
} from '../../../../main/funeral/reports/contract';
import { burialFormLabels, burialForms, type BurialForm } from '../../../../main/funeral/shared/forms';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';
import { DateField } from '../cemeteries/common';

// 统计口径与乡镇名单: which burial forms count as 节地生态安葬 (versions with effective dates, only
// added, never back-dated) and the district's townships, the denominator of the coverage rate.
// Everyone who reads the indicators sees both; only the district approver changes them.

const versionTags = (v: EcoFormsVersionView) => (
  <Space size={4}>
    {v.inForce && <Tag color="green">现行</Tag>}
    {v.effectiveFrom > localTodayIso() && <Tag color="blue">待施行</Tag>}
    {v.isSample && <Tag color="orange">示例口径</Tag>}
  </Space>
);

function AddVersionModal({ open, current, onClose }: { open: boolean; current: BurialForm[]; onClose: () => void }) {
  const [form] = Form.useForm<{ effectiveFrom: string; forms: BurialForm[]; basis: string }>();
  const add = useMutate('funeral.reports.ecoForms.add', {
    form,
    success: '已新增统计口径版本',
    invalidates: ['funeral.reports.ecoForms.list', 'funeral.reports.indicators'],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title="新增节地生态安葬统计口径"
      open={open}
      form={form}
      pending={add.isPending}
      okText="新增"
      onClose={onClose}
      initialValues={{ effectiveFrom: localTodayIso(), forms: current }}
      onSubmit={(v) => {
        const parsed = parseInto(form, addEcoFormsInput, { ...v, forms: v.forms ?? [], basis: v.basis ?? '' });
        if (parsed) add.mutate(parsed);
      }}
    >
      <DateField name="effectiveFrom" label="施行日期" required extra="不能早于今天：已结束期间的报表按当时施行的口径统计" />
      <Form.Item name="forms" label="计入节地生态安葬的安葬方式">
        <Checkbox.Group options={burialForms.map((f) => ({ value: f, label: burialFormLabels[f] }))} />
      </Form.Item>
      <Form.Item
        name="basis"
        label="依据"
        rules={[{ required: true, whitespace: true, message: '请填写依据（文件名称、文号）' }]}
      >
        <Input placeholder="如 区民政局关于节地生态安葬统计口径的通知（永民发〔2026〕…号）" />
      </Form.Item>
    </FormModal>
  );
}

/** A township being added (code given when it comes from a cemetery's service area) or renamed. */
type Editing = { code: string; name: string; isNew: boolean } | null;

function TownshipModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm<{ code: string; name: string }>();
  const isNew = editing?.isNew ?? true;
  const save = useMutate('funeral.reports.townships.save', {
    form,
    success: isNew ? '已新增乡镇（街道）' : '已修改名称',
    invalidates: ['funeral.reports.townships.list', 'funeral.reports.indicators'],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={isNew ? '新增乡镇（街道）' : '修改乡镇（街道）名称'}
      open={editing !== null}
      form={form}
      pending={save.isPending}
      okText="保存"
      onClose={onClose}
      initialValues={editing ? { code: editing.code, name: editing.name } : {}}
      onSubmit={(v) => {
        const parsed = parseInto(form, saveTownshipInput, v);
        if (parsed) save.mutate(parsed);
      }}
    >
      <Form.Item name="code" label="乡镇（街道）代码" extra="9 位：县级代码 6 位 + 乡级 3 位，如 500118001">
        <Input
          autoFocus={isNew && editing?.code === ''}
          disabled={!isNew}
          maxLength={9}
          inputMode="numeric"
          data-testid="township-code"
        />
      </Form.Item>
      <Form.Item name="name" label="名称">
        <Input autoFocus={!isNew || editing?.code !== ''} maxLength={40} data-testid="township-name" />
      </Form.Item>
    </FormModal>
  );
}

function RemoveTownshipModal({ township, onClose }: { township: TownshipView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useMutate('funeral.reports.townships.remove', {
    form,
    success: '已从名单删除',
    invalidates: ['funeral.reports.townships.list', 'funeral.reports.indicators'],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={`从名单删除 ${township?.name ?? ''}`}
      open={township !== null}
      form={form}
      pending={remove.isPending}
      okText="删除"
      danger
      onClose={onClose}
      onSubmit={(v) => {
        const parsed = parseInto(form, removeTownshipInput, { code: township!.code, reason: v.reason ?? '' });
        if (parsed) remove.mutate(parsed);
      }}
    >
      <Form.Item name="reason" label="删除原因" extra="如 乡镇撤并（写明批准文件）">
        <Input autoFocus maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** '/funeral/reports/settings' */
export function ReportSettingsPage() {
  const canEdit = usePermissions().has('funeral.approve');
  const versions = useCall('funeral.reports.ecoForms.list', {});
  const townships = useCall('funeral.reports.townships.list', {});
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TownshipView | null>(null);
  const current = versions.data?.find((v) => v.inForce)?.forms ?? [];
  const error = versions.error ?? townships.error;
  return (
    <>
      <PageHeader title="统计口径与乡镇名单">
        <Typography.Text type="secondary">
          节地生态安葬率按统计期间最后一日施行的口径计算；公益性安葬设施覆盖率以本区乡镇（街道）名单为分母。
          {!canEdit && '（只读：由殡葬审批员维护）'}
        </Typography.Text>
      </PageHeader>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card
        size="small"
        title="节地生态安葬统计口径"
        style={{ marginBottom: 16 }}
        extra={
          canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增版本
            </Button>
          )
        }
      >
        <Table<EcoFormsVersionView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          data-testid="eco-versions"
          columns={[
            { title: '施行日期', dataIndex: 'effectiveFrom', width: 110 },
            { title: '', key: 'tags', width: 150, render: (_: unknown, v) => versionTags(v) },
            {
              title: '计入的安葬方式',
              dataIndex: 'forms',
              render: (forms: BurialForm[]) => forms.map((f) => <Tag key={f}>{burialFormLabels[f]}</Tag>),
            },
            { title: '依据', dataIndex: 'basis' },
            { title: '录入', dataIndex: 'createdBy', width: 100, render: (v: string | null) => v ?? '系统预置' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="本区乡镇（街道）名单"
        extra={
          canEdit && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setEditing({ code: '', name: '', isNew: true })}
              data-testid="add-township"
            >
              新增乡镇（街道）
            </Button>
          )
        }
      >
        {(townships.data?.unlisted.length ?? 0) > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="公益性公墓的服务范围中有以下乡镇代码不在名单中，请核实名单是否完整："
            description={
              <Space wrap>
                {townships.data!.unlisted.map((code) =>
                  canEdit ? (
                    <Button key={code} size="small" onClick={() => setEditing({ code, name: '', isNew: true })}>
                      添加 {code}
                    </Button>
                  ) : (
                    <Tag key={code}>{code}</Tag>
                  ),
                )}
              </Space>
            }
          />
        )}
        <Table<TownshipView>
          rowKey="code"
          size="small"
          pagination={false}
          loading={townships.isLoading}
          dataSource={townships.data?.townships ?? []}
          locale={{ emptyText: '尚未录入乡镇（街道）' }}
          data-testid="townships"
          columns={[
            { title: '代码', dataIndex: 'code', width: 120 },
            { title: '名称', dataIndex: 'name', width: 180 },
            {
              title: '服务的公益性公墓',
              dataIndex: 'servedBy',
              render: (names: string[]) => (names.length ? names.join('、') : <Tag color="red">未覆盖</Tag>),
            },
            ...(canEdit
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, t: TownshipView) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ code: t.code, name: t.name, isNew: false })}
                        >
                          改名
                        </Button>
                        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setRemoving(t)}>
                          删除
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          公墓服务范围列有该乡镇、所属县（区）或其中的村，即视为该乡镇有公益性安葬设施服务；经营性公墓不计。
        </Typography.Paragraph>
      </Card>
      <AddVersionModal open={adding} current={current} onClose={() => setAdding(false)} />
      <TownshipModal editing={editing} onClose={() => setEditing(null)} />
      <RemoveTownshipModal township={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
