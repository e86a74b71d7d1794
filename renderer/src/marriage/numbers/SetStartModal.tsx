import { Alert, App, Checkbox, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { marriageNumbersContract, type SeriesStateView } from '../../../../main/marriage/numbers/contract';
import { useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { zodRule } from '../../app/formRules';

const startSchema = marriageNumbersContract['marriage.numbers.setStart'].input.shape.start;

interface Values {
  start: number;
  understood: boolean;
}

/**
 * 设置起始流水号 — for an office continuing a paper register. It works only while the year's series
 * has drawn nothing (later it would skip or repeat numbers); the dialog says so, and if a number
 * was drawn meanwhile the service's refusal is shown here.
 */
export function SetStartModal({ target, year, onClose }: { target: SeriesStateView | null; year: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const setStart = useMutate('marriage.numbers.setStart', {
    form,
    invalidates: ['marriage.numbers.series'],
    onSuccess: (r) => {
      setRefusal(null);
      onClose();
      void message.success(`已设置：${r.series} 的第一个字号将为 ${r.series}-${String(r.nextSerial).padStart(6, '0')}`);
    },
    onError: (e) => setRefusal(e.message),
  });
  const start = Form.useWatch('start', form) as number | undefined;
  const close = () => {
    setRefusal(null);
    onClose();
  };
  return (
    <FormModal<Values>
      title={target ? `设置 ${year} 年${target.kindLabel}起始流水号` : '设置起始流水号'}
      open={target !== null}
      form={form}
      pending={setStart.isPending}
      okText="设置"
      onClose={close}
      onSubmit={(v) => target && setStart.mutate({ kind: target.kind, year, start: v.start })}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="仅在本年度该类证件尚未发出任何字号之前可以设置"
        description={
          <>
            用于续接纸质登记簿：例如纸质登记簿已用到第 1200 号，则从 1201
            开始。一旦发出该年第一个字号，就不能再更改，否则会跳号或重号。
            {target && !target.canSetStart && (
              <Typography.Text type="danger" style={{ display: 'block' }}>
                {target.series} 已发出 {target.issued} 个字号，服务将拒绝此设置。
              </Typography.Text>
            )}
          </>
        }
      />
      <Form.Item name="start" label="起始流水号" rules={[{ required: true, message: '请填写起始流水号' }, zodRule(startSchema)]}>
        <InputNumber autoFocus min={1} max={999999} precision={0} style={{ width: 200 }} data-testid="set-start-value" />
      </Form.Item>
      {target && start && start > 0 && (
        <Typography.Paragraph>
          第一个字号将为{' '}
          <Typography.Text strong style={{ fontFamily: 'monospace' }}>
            {target.series}-{String(start).padStart(6, '0')}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Form.Item
        name="understood"
        valuePropName="checked"
        rules={[
          {
            validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认已核对纸质登记簿的最后一个字号'))),
          },
        ]}
      >
        <Checkbox data-testid="set-start-confirm">已核对纸质登记簿的最后一个字号，设置后不能更改</Checkbox>
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="set-start-refusal" />}
    </FormModal>
  );
}
