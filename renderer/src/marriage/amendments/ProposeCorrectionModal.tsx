import { Alert, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { documentTypeLabels, documentTypes } from '../../../../main/core/idnumber/otherDocuments';
import {
  correctableFieldLabels,
  correctablePartyFields,
  correctionProposeInput,
  legalActFieldLabels,
  type CorrectableField,
  type CorrectionView,
} from '../../../../main/marriage/amendments/contract';
import { priorStatusLabels, type PartyView, type RegistrationView } from '../../../../main/marriage/contract';
import { useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto } from '../../app/formRules';
import { ethnicOptions, nationalityOptions, provinceOptions } from '../registration/derive';
import { fieldValue } from './fieldValues';

type Target = 'male' | 'female' | 'record';

interface Values {
  party: Target;
  fields: CorrectableField[];
  changes: Partial<Record<CorrectableField, string | null>>;
  reason: string;
  evidence: string;
}

// Fields a party record may leave empty: an emptied box is sent as null ("remove the value").
const nullable: readonly CorrectableField[] = [
  'ethnicCode',
  'priorEvidence',
  'occupation',
  'phone',
  'address',
  'householdProvince',
];

const fieldOptions = correctablePartyFields.map((f) => ({ value: f, label: correctableFieldLabels[f] }));
const search = { optionFilterProp: ['label', 'value'] };

function editorFor(field: CorrectableField): ReactNode {
  switch (field) {
    case 'documentType':
      return <Select options={documentTypes.map((t) => ({ value: t, label: documentTypeLabels[t] }))} />;
    case 'nationality':
      return <Select showSearch={search} options={nationalityOptions} />;
    case 'ethnicCode':
      return <Select showSearch={search} allowClear options={ethnicOptions} />;
    case 'householdProvince':
      return <Select showSearch={search} allowClear options={provinceOptions} />;
    case 'priorStatus':
      return (
        <Radio.Group
          optionType="button"
          options={(['10', '40', '30'] as const).map((c) => ({ value: c, label: priorStatusLabels[c] }))}
        />
      );
    case 'birthDate':
      return <DatePicker format={['YYYY-MM-DD', 'YYYYMMDD']} style={{ width: '100%' }} />;
    case 'documentNumber':
      return <Input autoComplete="off" spellCheck={false} maxLength={40} style={{ fontFamily: 'monospace' }} />;
    default:
      return <Input autoComplete="off" maxLength={field === 'address' ? 200 : 60} />;
  }
}

const currentOf = (p: PartyView, f: CorrectableField): string | null => (p[f] as string | null | undefined) ?? null;

/**
 * 申请更正: which party, which fields, the new values, the reason and the evidence. Nothing changes
 * until a supervisor approves; the registration itself (date, number, sex, status) cannot be
 * corrected at all, and the dialog says why before anyone types.
 */
export function ProposeCorrectionModal({
  record,
  open,
  onClose,
  onDone,
}: {
  record: RegistrationView;
  open: boolean;
  onClose: () => void;
  onDone: (c: CorrectionView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const propose = useMutate('marriage.correction.propose', {
    form,
    invalidates: ['marriage.correction.list', 'marriage.history'],
    onSuccess: (c) => {
      setRefusal(null);
      onDone(c);
    },
    onError: (e) => setRefusal(e.message),
  });
  const target = (Form.useWatch('party', form) ?? 'male') as Target;
  const fields = (Form.useWatch('fields', form) ?? []) as CorrectableField[];
  const party = target === 'record' ? null : record.parties.find((p) => p.sex === target)!;

  const close = () => {
    setRefusal(null);
    onClose();
  };

  // Another party: start over. A newly chosen field starts from its current value (most
  // corrections change a character or two); the form keeps what was typed for the others.
  const onPartyChange = () => {
    form.setFieldsValue({ fields: [], changes: {} });
    setRefusal(null);
  };
  const onFieldsChange = (chosen: CorrectableField[]) => {
    if (!party) return;
    for (const f of chosen) {
      if (form.getFieldValue(['changes', f]) === undefined) form.setFieldValue(['changes', f], currentOf(party, f));
    }
  };

  const submit = (v: Values) => {
    if (target === 'record' || !party) return;
    const changes: Partial<Record<CorrectableField, string | null>> = {};
    for (const f of v.fields ?? []) {
      const raw = v.changes?.[f];
      const value = typeof raw === 'string' ? raw.trim() : (raw ?? null);
      changes[f] = value === '' || value === null ? (nullable.includes(f) ? null : '') : value;
    }
    const input = { registrationId: record.id, party: target, changes, reason: v.reason ?? '', evidence: v.evidence ?? '' };
    const parsed = parseInto(form, correctionProposeInput, input, (m) => setRefusal(m));
    if (parsed) propose.mutate(parsed);
  };

  return (
    <FormModal<Values>
      title={`申请更正：${record.certificateNumber}`}
      open={open}
      form={form}
      pending={propose.isPending}
      okText="提交更正申请"
      okDisabled={target === 'record'}
      initialValues={{ party: 'male', fields: [], changes: {} }}
      onClose={close}
      onSubmit={submit}
    >
      <Form.Item name="party" label="更正对象">
        <Radio.Group onChange={onPartyChange} data-testid="correction-party">
          <Radio value="male" autoFocus>
            男方 {record.parties[0].name}
          </Radio>
          <Radio value="female">女方 {record.parties[1].name}</Radio>
          <Radio value="record">登记事项</Radio>
        </Radio.Group>
      </Form.Item>
      {target === 'record' ? (
        <Alert
          type="warning"
          showIcon
          data-testid="correction-record-refused"
          title={`${Object.values(legalActFieldLabels).join('、')}不能更正`}
          description="这些是婚姻登记这一法律行为本身的内容。登记确有错误的，应依法撤销登记或由人民法院确认婚姻无效；证书打印出错的，请在记录页使用“打印出错，作废重打”。"
        />
      ) : (
        <>
          <Form.Item
            name="fields"
            label="更正项目"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项更正内容' }]}
          >
            <Select
              mode="multiple"
              showSearch={search}
              options={fieldOptions}
              onChange={onFieldsChange}
              placeholder="输入或选择，如 姓名、民族"
              data-testid="correction-fields"
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              party &&
              fields.map((f) => (
                <Form.Item
                  key={f}
                  name={['changes', f]}
                  label={`更正后的${correctableFieldLabels[f]}`}
                  extra={<Typography.Text type="secondary">原值：{fieldValue(f, currentOf(party, f))}</Typography.Text>}
                  {...(f === 'birthDate'
                    ? {
                        getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
                        normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
                      }
                    : {})}
                >
                  {editorFor(f)}
                </Form.Item>
              ))
            }
          </Form.Item>
          <Form.Item
            name="reason"
            label="更正理由"
            rules={[{ required: true, whitespace: true, min: 2, message: '请写明更正理由（至少 2 个字）' }]}
          >
            <Input maxLength={500} placeholder="如：登记时姓名录入错误" data-testid="correction-reason" />
          </Form.Item>
          <Form.Item
            name="evidence"
            label="证明材料"
            rules={[{ required: true, whitespace: true, min: 2, message: '请写明证明材料（至少 2 个字）' }]}
          >
            <Input maxLength={500} placeholder="如：居民户口簿、居民身份证复印件" data-testid="correction-evidence" />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            提交后记录不变，须由另一位婚姻登记负责人审批；批准后原值与新值均记入历史记录。
          </Typography.Paragraph>
        </>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginTop: 12 }} data-testid="correction-refusal" />}
    </FormModal>
  );
}
