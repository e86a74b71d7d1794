import { CopyOutlined, DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { burialFormLabels, burialForms, type BurialForm } from '../../../../main/funeral/shared/forms';
import {
  deadlineBaseLabels,
  deadlineBases,
  deadlineRule,
  deadlineUnitLabels,
  deadlineUnits,
  formatFen,
  policyVersionSchema,
  type PolicyVersionInput,
  type PolicyVersionView,
} from '../../../../main/funeral/subsidies/contract';
import { useCall, useMutate } from '../../app/api';
import { ConfirmButton } from '../../app/ConfirmButton';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';
import { DATE_PLACEHOLDER, isApprover, yuanToFen } from './common';

// 奖补政策 as versions with effective dates. The approver adds a version (or starts one from an
// existing version), and may correct a version only while no application used it; the service
// refuses the rest. Amounts are entered in yuan and kept in fen.

interface FormRow {
  form: BurialForm;
  familyYuan: number;
  cemeteryYuan: number;
  amount: number;
  unit: (typeof deadlineUnits)[number];
  from: (typeof deadlineBases)[number];
}
interface DocRow {
  label: string;
  forms?: BurialForm[];
}
interface Values {
  areaCode: string;
  areaName: string;
  title: string;
  basis?: string;
  effectiveFrom: string;
  effectiveTo?: string;
  residencyRequired: boolean;
  forms: FormRow[];
  documents: DocRow[];
}

type Editing = { id: number | null; values: Values } | null;

function valuesOf(v: PolicyVersionView | null): Values {
  if (!v)
    return {
      areaCode: '',
      areaName: '',
      title: '',
      effectiveFrom: '',
      residencyRequired: true,
      forms: [{ form: 'seaScattering', familyYuan: 0, cemeteryYuan: 0, amount: 60, unit: 'days', from: 'burial' }],
      documents: ['奖补申请表', '申请人身份证', '死亡证明', '火化证明', '户籍注销证明'].map((label) => ({ label })),
    };
  return {
    areaCode: v.areaCode,
    areaName: v.areaName,
    title: v.title,
    basis: v.basis ?? '',
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo ?? '',
    residencyRequired: v.residencyRequired,
    forms: v.forms.map((f) => ({
      form: f.form,
      familyYuan: f.familyFen / 100,
      cemeteryYuan: f.cemeteryFen / 100,
      amount: f.deadline.amount,
      unit: f.deadline.unit,
      from: f.deadline.from,
    })),
    documents: v.documents.map((d) => ({ label: d.label, forms: d.forms ?? [] })),
  };
}

function toInput(id: number | null, v: Values): PolicyVersionInput {
  const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
  return {
    id,
    areaCode: v.areaCode?.trim() ?? '',
    areaName: v.areaName?.trim() ?? '',
    title: v.title?.trim() ?? '',
    basis: blank(v.basis),
    effectiveFrom: v.effectiveFrom?.trim() ?? '',
    effectiveTo: blank(v.effectiveTo),
    residencyRequired: v.residencyRequired,
    forms: (v.forms ?? []).map((f) => ({
      form: f.form,
      familyFen: yuanToFen(f.familyYuan),
      cemeteryFen: yuanToFen(f.cemeteryYuan),
      deadline: { amount: f.amount, unit: f.unit, from: f.from },
    })),
    documents: (v.documents ?? []).map((d) => ({
      label: d.label?.trim() ?? '',
      forms: d.forms && d.forms.length > 0 ? d.forms : null,
    })),
  };
}

const formOptions = burialForms.map((f) => ({ value: f, label: burialFormLabels[f] }));

function Editor({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutate('funeral.subsidies.policies.save', {
    form,
    invalidates: ['funeral.subsidies.policies.list', 'funeral.subsidies.policies.inForce'],
    success: '政策已保存',
    onSuccess: onClose,
  });
  const submit = () => {
    setProblem(null);
    const input = toInput(editing?.id ?? null, form.getFieldsValue(true) as Values);
    if (parseInto(form, policyVersionSchema, input, setProblem)) save.mutate(input);
  };
  return (
    <Modal
      open={editing !== null}
      title={editing?.id ? '修改政策版本（尚未用于任何申请）' : '新增政策版本'}
      width="min(1100px, 96vw)"
      okText="保存"
      onOk={submit}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'policy-save' } as never}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {editing && (
        <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={editing.values} onFinish={submit}>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item name="areaCode" label="区划代码" rules={[{ required: true, message: '请填写 6 位区划代码' }]}>
                <Input maxLength={6} disabled={editing.id !== null} autoFocus data-testid="policy-area-code" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="areaName" label="区划名称" rules={[{ required: true, message: '请填写区划名称' }]}>
                <Input maxLength={40} data-testid="policy-area-name" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="title" label="政策名称" rules={[{ required: true, message: '请填写政策名称' }]}>
                <Input maxLength={120} data-testid="policy-title" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="basis" label="依据（文号）">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请填写生效日期' }]}>
                <Input placeholder={DATE_PLACEHOLDER} maxLength={10} data-testid="policy-from" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="effectiveTo" label="废止日期（可空）">
                <Input placeholder={DATE_PLACEHOLDER} maxLength={10} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="residencyRequired" label="须本地户籍" valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>奖补安葬方式、金额与申请期限</Typography.Title>
          <Form.List name="forms">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col span={5}>
                      <Form.Item name={[f.name, 'form']} label={f.name === 0 ? '安葬方式' : undefined}>
                        <Select options={formOptions} showSearch={{ optionFilterProp: 'label' }} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'familyYuan']} label={f.name === 0 ? '补给家属（元）' : undefined}>
                        <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'cemeteryYuan']} label={f.name === 0 ? '补给公墓（元）' : undefined}>
                        <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'from']} label={f.name === 0 ? '期限自…之日起' : undefined}>
                        <Select options={deadlineBases.map((b) => ({ value: b, label: deadlineBaseLabels[b] }))} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'amount']} label={f.name === 0 ? '期限' : undefined}>
                        <InputNumber<number> min={1} max={3650} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'unit']} label={f.name === 0 ? '单位' : undefined}>
                        <Select options={deadlineUnits.map((u) => ({ value: u, label: deadlineUnitLabels[u] }))} />
                      </Form.Item>
                    </Col>
                    <Col span={2} style={{ paddingTop: f.name === 0 ? 30 : 0 }}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此行" />
                    </Col>
                  </Row>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ form: 'tree', familyYuan: 0, cemeteryYuan: 0, amount: 60, unit: 'days', from: 'burial' })}
                  style={{ marginBottom: 16 }}
                >
                  增加安葬方式
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Title level={5}>申请材料</Typography.Title>
          <Form.List name="documents">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key}>
                    <Col span={7}>
                      <Form.Item name={[f.name, 'label']}>
                        <Input placeholder="材料名称" maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col span={15}>
                      <Form.Item name={[f.name, 'forms']}>
                        <Select mode="multiple" allowClear placeholder="适用安葬方式（不选 = 全部）" options={formOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此材料" />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ label: '' })}>
                  增加材料
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}

function VersionTable({
  versions,
  approver,
  onEdit,
}: {
  versions: PolicyVersionView[];
  approver: boolean;
  onEdit: (e: Editing) => void;
}) {
  return (
    <Table<PolicyVersionView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={versions}
      expandable={{
        expandedRowRender: (v) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table
              rowKey="form"
              size="small"
              pagination={false}
              dataSource={v.forms}
              columns={[
                { title: '安葬方式', dataIndex: 'form', render: (f: BurialForm) => burialFormLabels[f] },
                { title: '合计', key: 't', align: 'right', render: (_, f) => formatFen(f.familyFen + f.cemeteryFen) },
                { title: '补给家属', dataIndex: 'familyFen', align: 'right', render: (x: number) => formatFen(x) },
                { title: '补给公墓', dataIndex: 'cemeteryFen', align: 'right', render: (x: number) => formatFen(x) },
                { title: '申请期限', key: 'd', render: (_, f) => deadlineRule(f.deadline) },
              ]}
            />
            <div>
              材料：
              {v.documents.map((d) => (
                <Tag key={d.label}>
                  {d.label}
                  {d.forms ? `（${d.forms.map((f) => burialFormLabels[f]).join('、')}）` : ''}
                </Tag>
              ))}
            </div>
            <Typography.Text type="secondary">
              {v.residencyRequired ? '仅限本地户籍' : '不限户籍'}；依据：{v.basis ?? '—'}；录入：{v.createdBy ?? '—'}
            </Typography.Text>
          </Space>
        ),
      }}
      columns={[
        { title: '生效日期', dataIndex: 'effectiveFrom' },
        { title: '截止', dataIndex: 'endsOn', render: (d: string | null) => d ?? '—' },
        {
          title: '政策名称',
          dataIndex: 'title',
          render: (t: string, v) => (
            <Space size={4} wrap>
              {t}
              {v.sample && <Tag color="orange">示例政策</Tag>}
              {v.inForce && <Tag color="green">现行</Tag>}
              {v.applied > 0 && <Tag>已用于 {v.applied} 件申请</Tag>}
            </Space>
          ),
        },
        {
          title: '奖补方式',
          key: 'forms',
          render: (_, v) =>
            v.forms.map((f) => `${burialFormLabels[f.form]} ${formatFen(f.familyFen + f.cemeteryFen)}`).join('；'),
        },
        ...(approver
          ? [
              {
                title: '',
                key: 'actions',
                render: (_: unknown, v: PolicyVersionView) => (
                  <Space size={4}>
                    {v.applied === 0 && (
                      <Button size="small" icon={<EditOutlined />} onClick={() => onEdit({ id: v.id, values: valuesOf(v) })}>
                        修改
                      </Button>
                    )}
                    <Button
                      size="small"
                      icon={<CopyOutlined />}
                      onClick={() => onEdit({ id: null, values: { ...valuesOf(v), effectiveFrom: '', effectiveTo: '' } })}
                    >
                      以此新增版本
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** '/funeral/subsidies/policies' */
export function SubsidyPoliciesPage() {
  const approver = isApprover(usePermissions());
  const areas = useCall('funeral.subsidies.policies.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  const sample = useMutate('funeral.subsidies.policies.loadSample', {
    invalidates: ['funeral.subsidies.policies.list'],
    success: '已载入示例政策',
  });
  return (
    <>
      <PageHeader
        title="节地生态安葬奖补政策"
        extra={
          approver && (
            <Space>
              <ConfirmButton
                title="载入示例政策？"
                description="示例政策参考西安、福州公开标准，标明“示例政策”，仅供演示和培训。"
                okText="载入"
                onConfirm={() => sample.mutateAsync({})}
                buttonProps={{ icon: <ImportOutlined />, 'data-testid': 'load-sample' }}
              >
                载入示例政策
              </ConfirmButton>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null, values: valuesOf(null) })}>
                新增政策
              </Button>
            </Space>
          )
        }
      >
        <Typography.Text type="secondary">
          以安葬（撒散）日期现行的版本计算奖补。已用于申请的版本不能修改，政策调整请新增版本并定好生效日期。
          {!approver && '政策由区民政殡葬审批员维护。'}
        </Typography.Text>
      </PageHeader>
      {areas.error && <Alert type="error" showIcon title={areas.error.message} />}
      {areas.data && areas.data.length === 0 && <Empty description="尚未录入奖补政策" />}
      {areas.data?.map((a) => (
        <Card
          key={a.areaCode}
          size="small"
          title={`${a.areaName}（${a.areaCode}）`}
          style={{ marginBottom: 16 }}
          data-testid={`policy-area-${a.areaCode}`}
        >
          <VersionTable versions={a.versions} approver={approver} onEdit={setEditing} />
        </Card>
      ))}
      <Editor editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
