import { Alert, DatePicker, Descriptions, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { marriageContract, type BlacklistEntryView } from '../../../../main/marriage/contract';
import { useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto, zodRule } from '../../app/formRules';
import { officeToday } from '../counter/common';

const schema = marriageContract['marriage.blacklist.end'].input;

interface Values {
  removedOn: string;
  reason: string;
}

/** 移出: from which day, and why. The entry itself stays on the list as a record. */
export function EndEntryModal({ target, onClose }: { target: BlacklistEntryView | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const end = useMutate('marriage.blacklist.end', {
    form,
    invalidates: ['marriage.blacklist.list'],
    success: '已移出失信名单',
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
  return (
    <FormModal<Values>
      title={target ? `移出失信名单：${target.name}` : '移出失信名单'}
      open={target !== null}
      form={form}
      pending={end.isPending}
      okText="移出"
      danger
      initialValues={{ removedOn: officeToday() }}
      onClose={close}
      onSubmit={(v) => {
        if (!target) return;
        const parsed = parseInto(form, schema, { id: target.id, ...v }, setRefusal);
        if (parsed) end.mutate(parsed);
      }}
    >
      {target && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'n', label: '证件号码', children: <span style={{ fontFamily: 'monospace' }}>{target.documentNumber}</span> },
            { key: 'r', label: '列入原因', children: target.reason },
            { key: 's', label: '依据文书', children: target.sourceDocument },
            { key: 'f', label: '列入期间', children: `${target.listedFrom} 至 ${target.listedUntil ?? '长期'}` },
          ]}
        />
      )}
      <Form.Item
        name="removedOn"
        label="移出日期"
        extra="自该日起不再列入，结婚登记审查不再因此条目不予办理；该条目与移出原因保留在案。"
        rules={[zodRule(schema.shape.removedOn)]}
        getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
        normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
      >
        <DatePicker format={['YYYY-MM-DD', 'YYYYMMDD']} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label="移出原因" rules={[zodRule(schema.shape.reason)]}>
        <Input
          autoFocus
          maxLength={500}
          placeholder="如：原决定已撤销（永民婚〔2026〕12号）"
          data-testid="blacklist-end-reason"
        />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="blacklist-end-refusal" />}
    </FormModal>
  );
}
