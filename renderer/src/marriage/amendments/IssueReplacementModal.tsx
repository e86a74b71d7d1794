import { Alert, Button, Form, Input, Modal, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import {
  replacementReasonLabels,
  replacementReasons,
  type ReplacementKind,
  type ReplacementReason,
  type ReplacementView,
} from '../../../../main/marriage/amendments/contract';
import type { RegistrationView } from '../../../../main/marriage/contract';
import { useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { PdfDocuments } from '../../app/PdfDocuments';
import { replacementDocuments } from './replacementDocuments';

interface Values {
  applicant: 'male' | 'female' | 'both';
  reason: ReplacementReason;
  reasonDetail?: string;
}

const reasonOptions = replacementReasons.map((r) => ({ value: r, label: replacementReasonLabels[r] }));

/**
 * 补领: who applies, why; the service draws the BJ / BL number and links it to this record. Then
 * the booklet(s) can be previewed and printed right away.
 */
export function IssueReplacementModal({
  record,
  kind,
  open,
  onClose,
}: {
  record: RegistrationView;
  kind: ReplacementKind;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<ReplacementView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const issue = useMutate('marriage.replacement.issue', {
    form,
    invalidates: ['marriage.replacement.list', 'marriage.history'],
    onSuccess: (r) => {
      onClose();
      setRefusal(null);
      setDone(r);
    },
    onError: (e) => setRefusal(e.message),
  });
  const reason = Form.useWatch('reason', form);
  const [man, woman] = record.parties;
  const name = kind === 'BJ' ? '结婚证' : '离婚证';
  const close = () => {
    setRefusal(null);
    onClose();
  };
  return (
    <>
      <FormModal<Values>
        title={`补领${name}`}
        open={open}
        form={form}
        pending={issue.isPending}
        okText={`补领${name}`}
        initialValues={{ applicant: 'both', reason: 'lost' }}
        onClose={close}
        onSubmit={(v) =>
          issue.mutate({
            kind,
            registrationId: record.id,
            applicant: v.applicant,
            reason: v.reason,
            reasonDetail: v.reasonDetail?.trim() ? v.reasonDetail.trim() : null,
          })
        }
      >
        <Typography.Paragraph type="secondary">
          {kind === 'BJ'
            ? `补领的结婚证使用新的 BJ 字号，原结婚证字号 ${record.certificateNumber} 仍保留在案；登记日期仍为 ${record.registrationDate}。`
            : '补领的离婚证使用新的 BL 字号，原离婚证字号仍保留在案；登记日期仍为发给离婚证之日。'}
          当事人须本人到场并出示身份证件。
        </Typography.Paragraph>
        {refusal && (
          <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="replacement-refusal" />
        )}
        <Form.Item name="applicant" label="申请人" rules={[{ required: true, message: '请选择申请补领的一方' }]}>
          <Radio.Group data-testid="replacement-applicant">
            <Radio value="male" autoFocus>
              {man.name}（男方）
            </Radio>
            <Radio value="female">{woman.name}（女方）</Radio>
            <Radio value="both">双方</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label="补领原因" rules={[{ required: true, message: '请选择补领原因' }]}>
          <Radio.Group options={reasonOptions} data-testid="replacement-reason" />
        </Form.Item>
        <Form.Item
          name="reasonDetail"
          label={reason === 'other' ? '原因说明' : '原因说明（可不填）'}
          rules={[
            { max: 500, message: '不超过 500 字' },
            ...(reason === 'other'
              ? [{ required: true, whitespace: true, min: 2, message: '补领原因为“其他”时请写明原因' }]
              : []),
          ]}
        >
          <Input maxLength={500} placeholder="如：搬家时遗失；被水浸损毁" data-testid="replacement-detail" />
        </Form.Item>
      </FormModal>
      <Modal
        open={done !== null}
        title={`已补领${name}`}
        onCancel={() => setDone(null)}
        footer={<Button onClick={() => setDone(null)}>关闭</Button>}
        destroyOnHidden
      >
        {done && (
          <Result
            status="success"
            style={{ paddingBlock: 8 }}
            title={<span data-testid="replacement-number">{done.certificateNumber}</span>}
            subTitle={`原证字号 ${done.originalNumber}；${done.applicant === 'both' ? '双方各一本' : `${done.applicant === 'male' ? man.name : woman.name}一本`}；原因：${done.reasonLabel}${done.reasonDetail ? `（${done.reasonDetail}）` : ''}`}
            extra={<PdfDocuments items={replacementDocuments(done)} />}
          />
        )}
      </Modal>
    </>
  );
}
