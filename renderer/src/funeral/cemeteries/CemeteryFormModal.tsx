import { Form, Input, Select } from 'antd';
import {
  cemeteryFields,
  cemeteryKindLabels,
  cemeteryKinds,
  type CemeteryFields,
  type CemeteryView,
} from '../../../../main/funeral/cemeteries/contract';
import { useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto } from '../../app/formRules';
import { orNull } from './common';

interface Values {
  name: string;
  kind: CemeteryFields['kind'];
  divisionCode: string;
  servedDivisions: string[];
  address?: string;
  phone?: string;
  note?: string;
}

/** New cemetery, or the edit of one: a public cemetery names the townships / villages it serves. */
export function CemeteryFormModal({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: CemeteryView | null;
  onClose: () => void;
  onSaved: (c: CemeteryView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const done = { form, invalidates: ['funeral.cemeteries.list', 'funeral.cemeteries.get'] as const, onSuccess: onSaved };
  const create = useMutate('funeral.cemeteries.create', { ...done, invalidates: [...done.invalidates], success: '已新建公墓' });
  const update = useMutate('funeral.cemeteries.update', {
    ...done,
    invalidates: [...done.invalidates],
    success: '已保存公墓信息',
  });
  const kind = Form.useWatch('kind', form);

  const submit = (v: Values) => {
    const fields = {
      name: v.name,
      kind: v.kind,
      divisionCode: v.divisionCode,
      servedDivisions: (v.servedDivisions ?? []).map((s) => s.trim()).filter(Boolean),
      address: orNull(v.address),
      phone: orNull(v.phone),
      note: orNull(v.note),
    };
    const parsed = parseInto(form, cemeteryFields, fields);
    if (!parsed) return;
    if (editing) update.mutate({ id: editing.id, fields: parsed });
    else create.mutate(parsed);
  };

  return (
    <FormModal<Values>
      title={editing ? `修改公墓：${editing.name}` : '新建公墓'}
      open={open}
      form={form}
      pending={create.isPending || update.isPending}
      okText="保存"
      onClose={onClose}
      onSubmit={submit}
      initialValues={
        editing
          ? { ...editing, address: editing.address ?? '', phone: editing.phone ?? '', note: editing.note ?? '' }
          : { kind: 'ruralPublic', servedDivisions: [] }
      }
    >
      <Form.Item name="name" label="公墓名称" rules={[{ required: true, message: '请填写公墓名称' }]}>
        <Input autoFocus placeholder="如 永川区松柏公益性公墓" data-testid="cemetery-name" />
      </Form.Item>
      <Form.Item name="kind" label="公墓类型">
        <Select data-testid="cemetery-kind" options={cemeteryKinds.map((k) => ({ value: k, label: cemeteryKindLabels[k] }))} />
      </Form.Item>
      <Form.Item
        name="divisionCode"
        label="所在地行政区划代码"
        extra="6 位（县级）、9 位（乡镇 / 街道）或 12 位（村 / 社区）"
        rules={[{ required: true, message: '请填写所在地行政区划代码' }]}
      >
        <Input placeholder="如 500118101" data-testid="cemetery-division" />
      </Form.Item>
      <Form.Item
        name="servedDivisions"
        label="服务范围（行政区划代码）"
        extra={
          kind === 'commercial'
            ? '经营性公墓不限户籍，可不填'
            : '公益性公墓只为服务范围内户籍的逝者提供安葬：填写乡镇（9 位）或村（12 位）代码，输入后按回车'
        }
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ']}
          open={false}
          placeholder="如 500118101"
          data-testid="cemetery-served"
        />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="联系电话">
        <Input />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
