import { FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import { parseResidentId } from '../../../../main/core/idnumber/residentId';
import {
  formsForPlotType,
  isResidentOf,
  registerBurialInput,
  relationLabels,
  relations,
  type Relation,
} from '../../../../main/funeral/burials/contract';
import { formatFen } from '../../../../main/funeral/cemeteries/contract';
import { burialFormLabels, type BurialForm } from '../../../../main/funeral/shared/forms';
import { useCall, useMutate } from '../../app/api';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { DateField, orNull, PlotStatusTag, toFen, toYuan, YuanField } from '../cemeteries/common';

interface Person {
  name: string;
  idNumber?: string;
  relation: Relation;
  phone: string;
  address?: string;
}

interface Values {
  deceased: {
    name: string;
    idNumber?: string;
    sex: 'male' | 'female';
    birthDate: string | null;
    deathDate: string | null;
    householdDivision: string;
    deathCertificateNo: string;
    cremationCertificateNo?: string;
    cremationDate: string | null;
  };
  holder: Person;
  hasApplicant: boolean;
  applicant: Person;
  burialDate: string;
  form: BurialForm;
  feeYuan: number;
  residencyOverrideReason?: string;
  keepPlace: boolean;
  spouse: { name: string; idNumber: string; note?: string };
  note?: string;
}

const relationOptions = relations.map((r) => ({ value: r, label: relationLabels[r] }));

/** 安葬登记 on one plot: the deceased with proof of death, the rights holder, the burial itself. */
export function BurialRegisterPage() {
  const [params] = useSearchParams();
  const plotId = Number(params.get('plotId'));
  const plot = useCall('funeral.plots.get', { id: plotId }, { enabled: plotId > 0 });
  const cemetery = useCall('funeral.cemeteries.get', { id: plot.data?.cemeteryId ?? 0 }, { enabled: !!plot.data });
  const periods = useCall('funeral.usePeriods.list', {});
  const period = periods.data?.find((v) => v.inForce);
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const today = localTodayIso();
  const [idNote, setIdNote] = useState<string | null>(null);
  const register = useMutate('funeral.burials.register', {
    form,
    success: '已登记安葬',
    invalidates: [
      'funeral.plots.get',
      'funeral.plots.map',
      'funeral.cemeteries.get',
      'funeral.cemeteries.list',
      'funeral.burials.ofPlot',
    ],
    onSuccess: (b) => void navigate(`/funeral/burials/${b.id}`),
  });
  const household = Form.useWatch(['deceased', 'householdDivision'], form) ?? '';
  const hasApplicant = Form.useWatch('hasApplicant', form);
  const keepPlace = Form.useWatch('keepPlace', form);

  useEffect(() => {
    if (plot.data) {
      form.setFieldsValue({ feeYuan: toYuan(plot.data.feeFen), form: formsForPlotType[plot.data.type][0] });
    }
  }, [plot.data, form]);

  if (!(plotId > 0)) return <Alert type="warning" showIcon title="请从墓位图或墓位档案中选择要安葬的墓位" />;
  if (plot.error) return <Alert type="error" showIcon title={plot.error.message} />;
  if (!plot.data || !cemetery.data) return <Spin />;
  const p = plot.data;
  const c = cemetery.data;
  const outside =
    c.residentsOnly && /^(\d{6}|\d{9}|\d{12})$/.test(household.trim()) && !isResidentOf(household.trim(), c.servedDivisions);
  const canKeep = p.type === 'double' && p.urns === 0 && p.reservedPlaces === 0;

  const onIdBlur = () => {
    const raw = form.getFieldValue(['deceased', 'idNumber']) as string | undefined;
    if (!raw || raw.trim() === '') return setIdNote(null);
    const parsed = parseResidentId(raw, today);
    if (!parsed.ok) return setIdNote(parsed.message);
    form.setFieldsValue({ deceased: { idNumber: parsed.value.id, birthDate: parsed.value.birthDate, sex: parsed.value.sex } });
    setIdNote(`号码有效：${parsed.value.birthDate} 出生，${parsed.value.sex === 'male' ? '男' : '女'}`);
  };

  const submit = (v: Values) => {
    const person = (x: Person) => ({ name: x.name, idNumber: orNull(x.idNumber), relation: x.relation, phone: x.phone });
    const input = {
      plotId: p.id,
      deceased: {
        name: v.deceased.name,
        idNumber: orNull(v.deceased.idNumber),
        sex: v.deceased.sex,
        birthDate: v.deceased.birthDate ?? null,
        deathDate: v.deceased.deathDate ?? '',
        householdDivision: (v.deceased.householdDivision ?? '').trim(),
        deathCertificateNo: v.deceased.deathCertificateNo ?? '',
        cremationCertificateNo: orNull(v.deceased.cremationCertificateNo),
        cremationDate: v.deceased.cremationDate ?? null,
      },
      holder: { ...person(v.holder), idNumber: v.holder.idNumber ?? '', address: orNull(v.holder.address) },
      applicant: v.hasApplicant ? person(v.applicant) : null,
      burialDate: v.burialDate,
      form: v.form,
      feeFen: toFen(v.feeYuan),
      residencyOverrideReason: outside ? orNull(v.residencyOverrideReason) : null,
      keepPlaceForSpouse:
        canKeep && v.keepPlace
          ? { name: v.spouse?.name ?? '', idNumber: v.spouse?.idNumber ?? '', note: orNull(v.spouse?.note) }
          : null,
      note: orNull(v.note),
    };
    const parsed = parseInto(form, registerBurialInput, input, (m) => void message.error(m));
    if (parsed && !register.isPending) register.mutate(parsed);
  };

  const req = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span>{`安葬登记：${p.label}`}</span>
            <PlotStatusTag status={p.status} />
          </Space>
        }
      >
        <Typography.Text type="secondary">
          <Link to={`/funeral/cemeteries/plots/${p.id}`}>{c.name}</Link> · {p.typeLabel} · 可安放 {p.urnCapacity} 份，已安放{' '}
          {p.urns} 份 · 墓位费 {formatFen(p.feeFen)}
        </Typography.Text>
      </PageHeader>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          burialDate: today,
          hasApplicant: false,
          keepPlace: false,
          deceased: { sex: 'male' },
          holder: { relation: 'child' },
        }}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.focusField(errorFields[0].name)}
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small" title="逝者" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name={['deceased', 'name']} label="姓名" rules={req('逝者姓名')}>
                    <Input autoFocus data-testid="deceased-name" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name={['deceased', 'idNumber']} label="身份证号码" extra={idNote}>
                    <Input onBlur={onIdBlur} onPressEnter={onIdBlur} data-testid="deceased-id" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={['deceased', 'sex']} label="性别">
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'male', label: '男' },
                        { value: 'female', label: '女' },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <DateField name={['deceased', 'birthDate']} label="出生日期" notAfter={today} />
                </Col>
                <Col span={12}>
                  <DateField name={['deceased', 'deathDate']} label="死亡日期" required notAfter={today} testId="death-date" />
                </Col>
                <Col span={12}>
                  <Form.Item name={['deceased', 'deathCertificateNo']} label="死亡证明编号" rules={req('死亡证明编号')}>
                    <Input data-testid="death-certificate" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={['deceased', 'cremationCertificateNo']} label="火化证明编号">
                    <Input data-testid="cremation-certificate" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <DateField name={['deceased', 'cremationDate']} label="火化日期" notAfter={today} />
                </Col>
                <Col span={24}>
                  <Form.Item
                    name={['deceased', 'householdDivision']}
                    label="户籍所在地行政区划代码"
                    rules={req('户籍所在地行政区划代码')}
                    extra={c.residentsOnly ? `本公墓服务范围：${c.servedDivisions.join('、')}` : '经营性公墓不限户籍'}
                  >
                    <Input placeholder="9 位乡镇或 12 位村级代码，如 500118101201" data-testid="deceased-household" />
                  </Form.Item>
                </Col>
              </Row>
              {outside && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="逝者户籍不在本公益性公墓的服务范围内"
                    description="公益性公墓只为服务范围内的居民提供安葬。确需破例安葬的，须写明批准依据，该原因记入安葬记录与审计日志。"
                  />
                  <Form.Item name="residencyOverrideReason" label="破例安葬原因" rules={req('破例安葬原因')}>
                    <Input.TextArea rows={2} data-testid="residency-override" />
                  </Form.Item>
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="使用权人" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name={['holder', 'name']} label="姓名" rules={req('使用权人姓名')}>
                    <Input data-testid="holder-name" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name={['holder', 'idNumber']} label="身份证号码" rules={req('使用权人身份证号码')}>
                    <Input data-testid="holder-id" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={['holder', 'relation']} label="与逝者关系">
                    <Select options={relationOptions} data-testid="holder-relation" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name={['holder', 'phone']} label="联系电话" rules={req('联系电话')}>
                    <Input data-testid="holder-phone" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={['holder', 'address']} label="联系地址">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="hasApplicant" valuePropName="checked" style={{ marginBottom: hasApplicant ? 8 : 0 }}>
                <Checkbox>经办人与使用权人不是同一人</Checkbox>
              </Form.Item>
              {hasApplicant && (
                <Row gutter={12}>
                  <Col span={8}>
                    <Form.Item name={['applicant', 'name']} label="经办人姓名" rules={req('经办人姓名')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['applicant', 'relation']} label="与逝者关系" initialValue="otherRelative">
                      <Select options={relationOptions} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['applicant', 'phone']} label="联系电话" rules={req('经办人联系电话')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name={['applicant', 'idNumber']} label="经办人身份证号码">
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>
            <Card size="small" title="安葬" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={8}>
                  <DateField name="burialDate" label="安葬日期" required notAfter={today} testId="burial-date" />
                </Col>
                <Col span={8}>
                  <Form.Item name="form" label="安葬方式">
                    <Select options={formsForPlotType[p.type].map((f) => ({ value: f, label: burialFormLabels[f] }))} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <YuanField name="feeYuan" label="收费金额（元）" />
                </Col>
              </Row>
              {canKeep && (
                <>
                  <Form.Item name="keepPlace" valuePropName="checked" style={{ marginBottom: keepPlace ? 8 : 0 }}>
                    <Checkbox data-testid="keep-place">双穴另一穴位为逝者的在世配偶保留</Checkbox>
                  </Form.Item>
                  {keepPlace && (
                    <Row gutter={12}>
                      <Col span={8}>
                        <Form.Item name={['spouse', 'name']} label="配偶姓名" rules={req('配偶姓名')}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item name={['spouse', 'idNumber']} label="配偶身份证号码" rules={req('配偶身份证号码')}>
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                  )}
                </>
              )}
              <Form.Item name="note" label="备注" style={{ marginBottom: 0 }}>
                <Input />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Space>
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            icon={<FormOutlined />}
            loading={register.isPending}
            data-testid="submit-burial"
          >
            登记安葬
          </Button>
          <Typography.Text type="secondary">
            使用期限按安葬日施行的规定计算{period ? `（现行 ${period.years} 年${period.isSample ? '，示例值' : ''}）` : ''}
            ，到期日 = 安葬日期 + 使用期限
          </Typography.Text>
        </Space>
      </Form>
    </>
  );
}
