import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { RegistrationView } from '../../../../main/marriage/contract';
import { call, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { PdfDocuments } from '../../app/PdfDocuments';
import { RecordAmendmentActions } from '../amendments/RecordAmendmentActions';

/**
 * What a clerk does with a stored registration: print its documents again, or — when a print is
 * spoiled — void the number on the spoiled booklet (with the reason) and re-issue under a new one.
 */
export function RecordActions({ record }: { record: RegistrationView }) {
  const { message } = App.useApp();
  const [spoiling, setSpoiling] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const respoil = useMutate('marriage.numbers.respoil', {
    form,
    invalidates: ['marriage.get'],
    onSuccess: (r) => {
      setSpoiling(false);
      form.resetFields();
      void message.success(`原字号 ${r.voided} 已作废，新字号 ${r.certificateNumber}`);
    },
  });
  const registered = record.status === 'registered';
  // Archive records were registered on paper elsewhere: nothing of the counter's to print or void.
  const counter = record.source === 'counter';
  return (
    <Space wrap>
      <PdfDocuments
        items={[
          ...(registered && counter
            ? [
                {
                  key: 'preview',
                  label: '结婚证预览（样本）',
                  generate: () => call('marriage.documents.certificate', { id: record.id, mode: 'preview', printer: null }),
                },
                {
                  key: 'overlay',
                  label: '结婚证套打',
                  generate: () => call('marriage.documents.certificate', { id: record.id, mode: 'overlay', printer: null }),
                },
              ]
            : []),
          ...(counter
            ? [
                { key: 'review', label: '审查处理表', generate: () => call('marriage.documents.reviewForm', { id: record.id }) },
                {
                  key: 'declarations',
                  label: '声明书',
                  generate: () => call('marriage.documents.declarations', { id: record.id }),
                },
              ]
            : []),
        ]}
      />
      {registered && counter && (
        <Button danger onClick={() => setSpoiling(true)} data-testid="respoil">
          打印出错，作废重打
        </Button>
      )}
      <RecordAmendmentActions record={record} />
      <FormModal<{ reason: string }>
        title={`作废结婚证字号 ${record.certificateNumber}`}
        open={spoiling}
        form={form}
        pending={respoil.isPending}
        okText="作废并分配新字号"
        onClose={() => setSpoiling(false)}
        onSubmit={(v) => respoil.mutate({ registrationId: record.id, reason: v.reason })}
      >
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, min: 2, message: '请填写作废原因（至少 2 个字）' }]}>
          <Input autoFocus placeholder="如：套打错位、卡纸损毁" maxLength={200} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
