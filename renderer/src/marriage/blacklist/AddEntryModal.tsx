import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { documentTypeLabels, documentTypes } from '../../../../main/core/idnumber/otherDocuments';
import { marriageContract } from '../../../../main/marriage/contract';
import { useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto, zodRule } from '../../app/formRules';
import { officeToday } from '../counter/common';

// 列入失信名单, validated field by field with the channel's own zod schema, so the supervisor sees
// the service's sentences before sending; the document number is then checked by the service.

const schema = marriageContract['marriage.blacklist.add'].input;
const field = schema.shape;

interface Values {
  documentType: (typeof documentTypes)[number];
  documentNumber: string;
  name: string;
  reason: string;
  sourceDocument: string;
  listedFrom: string;
  listedUntil?: string | null;
}

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export function AddEntryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const add = useMutate('marriage.blacklist.add', {
    form,
    invalidates: ['marriage.blacklist.list'],
    success: '已列入失信名单',
    onSuccess: () => {
      setRefusal(null);
      onClose();
    },
    onError: (e) => setRefusal(e.message),
  });
  const close = () => {
    setRefusal(null);
    onClose();
  };
  const submit = (v: Values) => {
    const parsed = parseInto(form, schema, { ...v, listedUntil: v.listedUntil ?? null }, setRefusal);
    if (parsed) add.mutate(parsed);
  };
  return (
    <FormModal<Values>
      title="列入婚姻登记失信名单"
      open={open}
      form={form}
      pending={add.isPending}
      okText="列入名单"
      initialValues={{ documentType: 'residentId', listedFrom: officeToday(), listedUntil: null }}
      onClose={close}
      onSubmit={submit}
    >
      <Row gutter={12}>
        <Col span={9}>
          <Form.Item name="documentType" label="证件类型" rules={[zodRule(field.documentType)]}>
            <Select options={documentTypes.map((t) => ({ value: t, label: documentTypeLabels[t] }))} />
          </Form.Item>
        </Col>
        <Col span={15}>
          <Form.Item name="documentNumber" label="证件号码" rules={[zodRule(field.documentNumber)]}>
            <Input
              autoFocus
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              style={{ fontFamily: 'monospace' }}
              data-testid="blacklist-number"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label="姓名" rules={[zodRule(field.name)]}>
        <Input autoComplete="off" maxLength={60} data-testid="blacklist-name" />
      </Form.Item>
      <Form.Item name="reason" label="列入原因" rules={[zodRule(field.reason)]}>
        <Input maxLength={500} placeholder="如：使用伪造证件骗取婚姻登记" data-testid="blacklist-reason" />
      </Form.Item>
      <Form.Item name="sourceDocument" label="依据文书" rules={[zodRule(field.sourceDocument)]}>
        <Input maxLength={200} placeholder="如：永民婚〔2026〕9号" data-testid="blacklist-source" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="listedFrom" label="列入日期" rules={[zodRule(field.listedFrom)]} {...dateProps}>
            <DatePicker format={['YYYY-MM-DD', 'YYYYMMDD']} style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="listedUntil"
            label="列入截止日期（可不填）"
            tooltip="含当日；不填则长期列入，直至负责人移出"
            {...dateProps}
          >
            <DatePicker format={['YYYY-MM-DD', 'YYYYMMDD']} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="blacklist-refusal" />}
    </FormModal>
  );
}
