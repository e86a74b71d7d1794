import { AutoComplete, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Typography, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Ref } from 'react';
import { provinceName } from '../../../../main/core/codes/provinces';
import { documentTypeLabels, documentTypes } from '../../../../main/core/idnumber/otherDocuments';
import { partySchema, priorStatusLabels } from '../../../../main/marriage/contract';
import { zodRule } from '../../app/formRules';
import {
  ageInfo,
  checkDocument,
  ethnicOptions,
  evidenceSuggestions,
  nationalityOptions,
  partyTitle,
  provinceOptions,
  sexLabels,
} from './derive';
import { asksEthnicGroup, asksHouseholdProvince, needsEthnicGroup, type PartyValues, type Sex } from './draft';

// One party's half of the form, in the order of the paper form: document first (birth date and
// sex follow from a resident ID), then name, nationality, ethnic group, prior status with its
// evidence, occupation, phone, address, household province, and the four declarations.

const field = partySchema.shape;

const declarationItems = [
  ['voluntary', '完全自愿'],
  ['noSpouse', '本人无配偶'],
  ['noProhibitedKinship', '双方无直系血亲和三代以内旁系血亲关系'],
  ['illnessDisclosed', '已如实告知本人重大疾病情况'],
] as const;

const documentTypeOptions = documentTypes.map((t) => ({ value: t, label: documentTypeLabels[t] }));
const priorStatusOptions = (['10', '40', '30'] as const).map((code) => ({ value: code, label: priorStatusLabels[code] }));
const sexOptions = (['male', 'female'] as const).map((s) => ({ value: s, label: sexLabels[s] }));

const compact = { marginBottom: 12 };

export function PartyPanel({
  index,
  today,
  committedNumber,
  onCommitDocument,
  firstInputRef,
}: {
  index: 0 | 1;
  /** 登记日期 (today): ages and birth-date bounds are reckoned on it. */
  today: string;
  /** The number as it was when the clerk last left the box: problems show only from then on. */
  committedNumber: string;
  onCommitDocument: (index: 0 | 1, then?: 'focusName') => void;
  firstInputRef?: Ref<InputRef>;
}) {
  const form = Form.useFormInstance();
  const path = (name: keyof PartyValues) => ['parties', index, name];
  const party = (Form.useWatch(['parties', index], form) ?? {}) as Partial<PartyValues>;
  const otherSex = Form.useWatch(['parties', index === 0 ? 1 : 0, 'sex'], form) as Sex | undefined;
  const sexes: (Sex | undefined)[] = index === 0 ? [party.sex, otherSex] : [otherSex, party.sex];
  const title = partyTitle(index, sexes);

  const type = party.documentType ?? 'residentId';
  const number = party.documentNumber ?? '';
  const doc = checkDocument(type, number, today);
  const docProblem = doc && !doc.ok && number === committedNumber ? doc.message : null;
  const fromNumber = doc?.ok ? doc.value : null;
  const birthMismatch =
    fromNumber?.birthDate && party.birthDate && party.birthDate !== fromNumber.birthDate
      ? `与证件号码所载出生日期 ${fromNumber.birthDate} 不符`
      : null;
  const sexMismatch =
    fromNumber?.sex && party.sex && party.sex !== fromNumber.sex
      ? `与证件号码所载性别（${sexLabels[fromNumber.sex]}）不符`
      : null;
  const age = ageInfo(party.birthDate, party.sex, today);
  const nationality = party.nationality;
  const status = party.priorStatus ?? '10';

  const docExtra = fromNumber && (
    <span data-testid={`party-${index}-document-info`}>
      {fromNumber.notice && (
        <Typography.Text type="warning" style={{ display: 'block' }}>
          {fromNumber.notice}
        </Typography.Text>
      )}
      {fromNumber.birthDate && (
        <Typography.Text type="success">
          号码有效：{fromNumber.birthDate} 出生，{fromNumber.sex ? sexLabels[fromNumber.sex] : ''}
          {type === 'residentId' && provinceName(fromNumber.number.slice(0, 2))
            ? `，${provinceName(fromNumber.number.slice(0, 2))}`
            : ''}
        </Typography.Text>
      )}
      {!fromNumber.birthDate && !fromNumber.notice && <Typography.Text type="success">号码格式正确</Typography.Text>}
    </span>
  );

  const ageExtra = age && (
    <Typography.Text type={age.underAge ? 'danger' : 'secondary'} data-testid={`party-${index}-age`}>
      登记之日 {age.age} 周岁{age.underAge ? `，未达法定婚龄 ${age.min} 周岁` : ''}
    </Typography.Text>
  );

  return (
    <section aria-label={title} data-testid={`party-${index}`}>
      <Card
        size="small"
        title={<span style={{ fontSize: 16 }}>{title}</span>}
        extra={party.name ? <Typography.Text strong>{party.name}</Typography.Text> : null}
      >
        <Form.Item name={path('documentType')} label="证件类型" style={compact}>
          <Select options={documentTypeOptions} onChange={() => onCommitDocument(index)} />
        </Form.Item>
        <Form.Item
          name={path('documentNumber')}
          label="证件号码"
          style={compact}
          rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]}
          validateStatus={docProblem ? 'error' : undefined}
          help={docProblem ?? undefined}
          extra={docExtra}
        >
          <Input
            ref={firstInputRef}
            autoFocus={index === 0}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            placeholder="输入后按 Enter 读取出生日期和性别"
            style={{ fontFamily: 'Consolas, "Courier New", monospace', letterSpacing: 0.5 }}
            onBlur={() => onCommitDocument(index)}
            onPressEnter={(e) => {
              e.preventDefault();
              onCommitDocument(index, 'focusName');
            }}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={13}>
            <Form.Item
              name={path('birthDate')}
              label="出生日期"
              style={compact}
              rules={[{ required: true, message: '请填写出生日期' }]}
              getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
              validateStatus={birthMismatch ? 'warning' : undefined}
              help={birthMismatch ?? undefined}
              extra={ageExtra}
            >
              <DatePicker
                format={['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD']}
                placeholder="如 1998-03-02"
                disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={11}>
            <Form.Item
              name={path('sex')}
              label="性别"
              style={compact}
              labelCol={{ flex: '72px' }}
              validateStatus={sexMismatch ? 'warning' : undefined}
              help={sexMismatch ?? undefined}
            >
              <Radio.Group options={sexOptions} optionType="button" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={path('name')} label="姓名" style={compact} rules={[zodRule(field.name)]}>
          <Input autoComplete="off" spellCheck={false} maxLength={60} placeholder="按证件照录，生僻字照录" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={asksEthnicGroup(nationality) ? 13 : 24}>
            <Form.Item name={path('nationality')} label="国籍" style={compact} rules={[zodRule(field.nationality)]}>
              <Select showSearch={{ optionFilterProp: ['label', 'value'] }} options={nationalityOptions} />
            </Form.Item>
          </Col>
          {asksEthnicGroup(nationality) && (
            <Col span={11}>
              <Form.Item
                name={path('ethnicCode')}
                label="民族"
                style={compact}
                labelCol={{ flex: '72px' }}
                tooltip={needsEthnicGroup(nationality) ? undefined : '港澳台居民可不填'}
                rules={[{ required: needsEthnicGroup(nationality), message: '中国公民须填写民族' }]}
              >
                <Select
                  showSearch={{ optionFilterProp: ['label', 'value'] }}
                  allowClear
                  placeholder="如 汉 / 01"
                  options={ethnicOptions}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name={path('priorStatus')} label="婚姻状况" style={compact}>
          <Radio.Group options={priorStatusOptions} optionType="button" />
        </Form.Item>
        {(status === '40' || status === '30') && (
          <Form.Item
            name={path('priorEvidence')}
            label={status === '40' ? '离婚证明' : '丧偶证明'}
            tooltip={status === '40' ? '离婚证、离婚调解书或判决书' : '配偶死亡证明或宣告死亡判决书'}
            style={compact}
            rules={[
              zodRule(field.priorEvidence.optional()),
              {
                required: true,
                whitespace: true,
                warningOnly: true,
                message: `声明${priorStatusLabels[status]}须提交证明，未填写将不予办理`,
              },
            ]}
          >
            <AutoComplete
              options={evidenceSuggestions[status].map((v) => ({ value: v }))}
              placeholder={status === '40' ? '如 离婚证 L500118-2020-000123' : '如 配偶死亡证明（编号）'}
              maxLength={200}
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={13}>
            <Form.Item name={path('occupation')} label="职业" style={compact} rules={[zodRule(field.occupation.optional())]}>
              <Input autoComplete="off" maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={11}>
            <Form.Item
              name={path('phone')}
              label="联系电话"
              style={compact}
              labelCol={{ flex: '72px' }}
              rules={[zodRule(field.phone.optional())]}
            >
              <Input autoComplete="off" inputMode="tel" maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={path('address')} label="住址" style={compact} rules={[zodRule(field.address.optional())]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        {asksHouseholdProvince(nationality) && (
          <Form.Item
            name={path('householdProvince')}
            label="户籍所在省份"
            style={compact}
            tooltip="用于跨省通办统计。居民身份证默认取号码前两位；户籍已迁移的，按户口簿更改"
          >
            <Select
              showSearch={{ optionFilterProp: ['label', 'value'] }}
              allowClear
              placeholder="选择省份"
              options={provinceOptions}
              style={{ maxWidth: 220 }}
            />
          </Form.Item>
        )}
        <Form.Item label="声明" tooltip="当事人签署《申请结婚登记声明书》后逐项勾选" style={{ marginBottom: 0 }}>
          <Row gutter={[8, 2]}>
            {declarationItems.map(([key, label]) => (
              <Col span={key === 'noProhibitedKinship' || key === 'illnessDisclosed' ? 24 : 12} key={key}>
                <Form.Item name={['parties', index, 'declarations', key]} valuePropName="checked" noStyle>
                  <Checkbox>{label}</Checkbox>
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
      </Card>
    </section>
  );
}
