import { AuditOutlined, CheckCircleOutlined, ClearOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isoDate } from '../../../../main/core/contract/fields';
import { parseResidentId } from '../../../../main/core/idnumber/residentId';
import { burialFormLabels, burialForms, formsWithoutPlot, type BurialForm } from '../../../../main/funeral/shared/forms';
import {
  applicantRelations,
  applicationInputSchema,
  formatFen,
  type ApplicationInput,
  type ApplicationView,
  type Assessment,
} from '../../../../main/funeral/subsidies/contract';
import { call, useCall, useMutate, useReportError } from '../../app/api';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { DATE_PLACEHOLDER, StatusTag } from './common';

// 奖补受理 at the street office window. Keyboard-first: the fields follow the papers in the order
// the family hands them over; Enter in 安葬记录编号 reads the burial record and fills the deceased;
// F9 (or Ctrl+Enter) 测算 asks the service what the policy in force says — eligibility with every
// reason, the amount and its split, the deadline and the missing papers. 受理 is offered only when
// eligible. Nothing about money is typed here.

interface Values {
  areaCode: string;
  form: BurialForm;
  burialId?: number | null;
  burialDate: string;
  deceased: { name: string; idNumber: string; household: string; deathDate: string; cremationDate?: string };
  applicant: { name: string; idNumber: string; relation: (typeof applicantRelations)[number]; phone: string };
  bank: { accountName: string; bankName: string; accountNumber: string };
  documents: string[];
}

function toInput(v: Values): ApplicationInput {
  const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
  return {
    areaCode: v.areaCode,
    form: v.form,
    burialId: formsWithoutPlot.has(v.form) ? null : (v.burialId ?? null),
    burialDate: v.burialDate?.trim() ?? '',
    deceased: { ...v.deceased, cremationDate: blank(v.deceased?.cremationDate) },
    applicant: v.applicant,
    bank: v.bank,
    documents: v.documents ?? [],
  };
}

const validDate = (s: string | undefined): s is string => s !== undefined && isoDate.safeParse(s).success;

function AssessmentCard({ a, onApply, pending }: { a: Assessment; onApply: () => void; pending: boolean }) {
  const applyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (a.eligible) applyButton.current?.focus();
  }, [a]);
  return (
    <Card
      size="small"
      title={a.eligible ? '测算结果：符合奖补条件' : '测算结果：不符合奖补条件'}
      style={{ marginBottom: 16, borderColor: a.eligible ? '#52c41a' : '#ff4d4f' }}
      data-testid="assessment"
    >
      {a.reasons.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="不能受理的原因"
          description={
            <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="assessment-reasons">
              {a.reasons.map((r, i) => (
                <li key={i}>{r.message}</li>
              ))}
            </ol>
          }
        />
      )}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="适用政策" span={2}>
          {a.policy ? (
            <>
              {a.policy.title}（{a.policy.effectiveFrom} 起）{a.policy.sample && <Tag color="orange">示例政策</Tag>}
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="奖补金额">
          <Typography.Text strong data-testid="assessment-amount">
            {a.amount ? formatFen(a.amount.totalFen) : '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="分配">
          {a.amount ? `家属 ${formatFen(a.amount.familyFen)}，公墓 ${formatFen(a.amount.cemeteryFen)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="申请期限" span={2}>
          {a.deadline ? `${a.deadline.rule}（${a.deadline.baseDate} 起算，最迟 ${a.deadline.lastDay}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="缺少材料" span={2}>
          {a.missingDocuments.length === 0
            ? '无'
            : a.missingDocuments.map((d) => (
                <Tag key={d} color="orange">
                  {d}
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
      {a.notices.length > 0 && (
        <ul style={{ marginTop: 8, marginBottom: 0 }}>
          {a.notices.map((n) => (
            <li key={n}>
              <Typography.Text type="secondary">{n}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {a.eligible && (
        <Button
          ref={applyButton}
          type="primary"
          icon={<CheckCircleOutlined />}
          style={{ marginTop: 12 }}
          loading={pending}
          onClick={onApply}
          data-testid="apply"
        >
          受理{a.missingDocuments.length > 0 ? '（材料待补）' : ''}
        </Button>
      )}
    </Card>
  );
}

function Received({ view, onNext }: { view: ApplicationView; onNext: () => void }) {
  const navigate = useNavigate();
  return (
    <Card data-testid="received">
      <Result
        status="success"
        title={`已受理：${view.number}`}
        subTitle={
          <span>
            {view.deceased.name}，{view.formLabel}，奖补 {formatFen(view.amount.totalFen)}；当前状态{' '}
            <StatusTag status={view.status} />
            {view.documents.missing.length > 0 && `，缺少：${view.documents.missing.join('、')}`}
          </span>
        }
        extra={
          <Space>
            <Button type="primary" autoFocus onClick={() => void navigate(`/funeral/subsidies/${view.id}`)}>
              查看申请
            </Button>
            <Button onClick={onNext}>继续受理下一件</Button>
          </Space>
        }
      />
    </Card>
  );
}

/** '/funeral/subsidies/apply' */
export function SubsidyApplyPage() {
  const [done, setDone] = useState<ApplicationView | null>(null);
  const [round, setRound] = useState(1);
  return (
    <>
      <PageHeader
        title="节地生态安葬奖补受理"
        extra={<Typography.Text type="secondary">F9 / Ctrl+Enter 测算；Enter 在安葬记录编号中读取安葬记录</Typography.Text>}
      />
      {done ? (
        <Received
          view={done}
          onNext={() => {
            setDone(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <ApplicationForm key={round} onDone={setDone} />
      )}
    </>
  );
}

function ApplicationForm({ onDone }: { onDone: (v: ApplicationView) => void }) {
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const areas = useCall('funeral.subsidies.policies.list', {});
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [assessing, setAssessing] = useState(false);
  const [reading, setReading] = useState(false);
  const firstField = useRef<InputRef>(null);
  const chosenForm = Form.useWatch('form', form);
  const areaCode = Form.useWatch('areaCode', form);
  const burialDate = Form.useWatch('burialDate', form);
  const deceasedId = Form.useWatch(['deceased', 'idNumber'], form);
  const needsPlot = chosenForm !== undefined && !formsWithoutPlot.has(chosenForm);

  const policy = useCall(
    'funeral.subsidies.policies.inForce',
    { areaCode: areaCode ?? '', date: burialDate ?? '' },
    { enabled: !!areaCode && validDate(burialDate) },
  );
  const documents = (policy.data?.documents ?? [])
    .filter((d) => d.forms === null || (chosenForm !== undefined && d.forms.includes(chosenForm)))
    .map((d) => d.label);

  // The first area is the usual one: most offices administer a single policy area.
  useEffect(() => {
    const first = areas.data?.[0];
    if (first && !form.getFieldValue('areaCode')) form.setFieldValue('areaCode', first.areaCode);
  }, [areas.data, form]);

  const apply = useMutate('funeral.subsidies.apply', {
    form,
    invalidates: ['funeral.subsidies.list', 'funeral.subsidies.policies.list'],
    success: '已受理',
    onSuccess: onDone,
  });

  const values = (): ApplicationInput | null => {
    const input = toInput(form.getFieldsValue(true) as Values);
    return parseInto(form, applicationInputSchema, input) ? input : null;
  };

  const assess = async () => {
    const input = values();
    if (!input || assessing) return;
    setAssessing(true);
    try {
      const a = await call('funeral.subsidies.assess', input);
      setAssessment(a);
      // Each reason that names a field is shown under it too.
      form.setFields(a.reasons.filter((r) => r.field).map((r) => ({ name: r.field!.split('.') as never, errors: [r.message] })));
    } catch (e) {
      report(e, form);
    } finally {
      setAssessing(false);
    }
  };

  const readBurial = async () => {
    const id = form.getFieldValue('burialId') as number | null | undefined;
    if (!id || reading) return;
    setReading(true);
    try {
      const b = await call('funeral.subsidies.burial', { burialId: id });
      form.setFieldsValue({
        form: b.form,
        burialDate: b.burialDate,
        deceased: {
          name: b.deceasedName,
          household: b.deceasedHousehold,
          deathDate: b.deathDate,
          cremationDate: b.cremationDate ?? '',
          ...(b.deceasedIdNumber ? { idNumber: b.deceasedIdNumber } : {}),
        },
      });
      setAssessment(null);
    } catch (e) {
      report(e, form);
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9' || (e.ctrlKey && e.key === 'Enter')) {
        e.preventDefault();
        void assess();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const idInfo = (() => {
    if (!deceasedId) return null;
    const p = parseResidentId(deceasedId);
    return p.ok ? `出生 ${p.value.birthDate}，${p.value.sex === 'male' ? '男' : '女'}` : null;
  })();

  const date = (name: (string | number)[], label: string, required = true, testId?: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required, message: `请填写${label}` },
        { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' },
      ]}
    >
      <Input placeholder={DATE_PLACEHOLDER} maxLength={10} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ form: 'seaScattering', documents: [], applicant: { relation: '子女' } }}
      onValuesChange={() => setAssessment(null)}
      onFinish={() => void assess()}
    >
      {areas.data && areas.data.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="尚未录入奖补政策"
          description={
            <span>
              请区民政殡葬审批员在 <Link to="/funeral/subsidies/policies">奖补政策</Link> 中录入本地政策（或载入示例政策）。
            </span>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title="一、安葬情况" style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="areaCode" label="政策区划" rules={[{ required: true, message: '请选择政策区划' }]}>
                  <Select
                    data-testid="area"
                    options={(areas.data ?? []).map((a) => ({ value: a.areaCode, label: `${a.areaName}（${a.areaCode}）` }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="form" label="安葬方式" rules={[{ required: true, message: '请选择安葬方式' }]}>
                  <Select
                    data-testid="form"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={burialForms.map((f) => ({ value: f, label: burialFormLabels[f] }))}
                  />
                </Form.Item>
              </Col>
              {needsPlot && (
                <Col span={12}>
                  <Form.Item
                    name="burialId"
                    label="安葬记录编号"
                    extra="公墓安葬须关联安葬记录；按 Enter 读取"
                    rules={[{ required: true, message: '请填写安葬记录编号' }]}
                  >
                    <InputNumber<number>
                      style={{ width: '100%' }}
                      min={1}
                      precision={0}
                      onPressEnter={(e) => {
                        e.preventDefault();
                        void readBurial();
                      }}
                      addonAfter={
                        <Button
                          type="link"
                          size="small"
                          icon={<SearchOutlined />}
                          loading={reading}
                          onClick={() => void readBurial()}
                        >
                          读取
                        </Button>
                      }
                      data-testid="burial-id"
                    />
                  </Form.Item>
                </Col>
              )}
              <Col span={12}>{date(['burialDate'], needsPlot ? '安葬日期' : '撒散（深埋）日期', true, 'burial-date')}</Col>
            </Row>
          </Card>
          <Card size="small" title="二、逝者" style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name={['deceased', 'name']} label="逝者姓名" rules={[{ required: true, message: '请填写逝者姓名' }]}>
                  <Input ref={firstField} maxLength={60} data-testid="deceased-name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name={['deceased', 'idNumber']}
                  label="逝者身份证号码"
                  extra={idInfo}
                  rules={[{ required: true, message: '请填写逝者身份证号码' }]}
                >
                  <Input maxLength={20} data-testid="deceased-id" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name={['deceased', 'household']}
                  label="户籍地区划代码"
                  extra="县 6 位、乡镇 9 位或村 12 位"
                  rules={[{ required: true, message: '请填写户籍地区划代码' }]}
                >
                  <Input maxLength={12} data-testid="deceased-household" />
                </Form.Item>
              </Col>
              <Col span={6}>{date(['deceased', 'deathDate'], '死亡日期', true, 'death-date')}</Col>
              <Col span={6}>{date(['deceased', 'cremationDate'], '火化日期', false, 'cremation-date')}</Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="三、申请人与收款账户" style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item
                  name={['applicant', 'name']}
                  label="申请人姓名"
                  rules={[{ required: true, message: '请填写申请人姓名' }]}
                >
                  <Input
                    maxLength={60}
                    data-testid="applicant-name"
                    onBlur={(e) => {
                      if (!form.getFieldValue(['bank', 'accountName']))
                        form.setFieldValue(['bank', 'accountName'], e.target.value);
                    }}
                  />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item
                  name={['applicant', 'idNumber']}
                  label="申请人身份证号码"
                  rules={[{ required: true, message: '请填写申请人身份证号码' }]}
                >
                  <Input maxLength={20} data-testid="applicant-id" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={['applicant', 'relation']} label="与逝者关系">
                  <Select data-testid="applicant-relation" options={applicantRelations.map((r) => ({ value: r, label: r }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['applicant', 'phone']} label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
                  <Input maxLength={20} data-testid="applicant-phone" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['bank', 'accountName']} label="户名" rules={[{ required: true, message: '请填写户名' }]}>
                  <Input maxLength={60} data-testid="bank-account-name" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['bank', 'bankName']} label="开户银行" rules={[{ required: true, message: '请填写开户银行' }]}>
                  <Input maxLength={60} data-testid="bank-name" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name={['bank', 'accountNumber']}
                  label="银行账号"
                  rules={[{ required: true, message: '请填写银行账号' }]}
                >
                  <Input maxLength={40} data-testid="bank-account" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title="四、已提交材料" style={{ marginBottom: 16 }}>
            {documents.length === 0 ? (
              <Typography.Text type="secondary">填写政策区划、安葬方式和日期后，列出该政策要求的材料。</Typography.Text>
            ) : (
              <Form.Item name="documents" style={{ marginBottom: 0 }}>
                <Checkbox.Group data-testid="documents" options={documents.map((d) => ({ value: d, label: d }))} />
              </Form.Item>
            )}
          </Card>
        </Col>
      </Row>
      {assessment && (
        <AssessmentCard
          a={assessment}
          pending={apply.isPending}
          onApply={() => {
            const input = values();
            if (input) apply.mutate(input);
          }}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" icon={<AuditOutlined />} loading={assessing} data-testid="assess">
          测算（F9）
        </Button>
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            form.resetFields();
            setAssessment(null);
            firstField.current?.focus();
          }}
        >
          清空
        </Button>
      </Space>
    </Form>
  );
}
