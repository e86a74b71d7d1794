import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { StandardVersionInput, StandardVersionView } from '../../../../main/funeral/waivers/contract';
import { useMutate } from '../../app/api';

// A new version of the waiver standard (or the replacement of one no waiver has used yet). The form
// holds the contract's own shape; money fields show yuan and store fen.

const money = {
  getValueProps: (v: number | undefined) => ({ value: v === undefined ? undefined : v / 100 }),
  normalize: (y: number | null) => (y === null ? undefined : Math.round(y * 100)),
};
const date = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

export function StandardEditor({
  base,
  replaces,
  onClose,
}: {
  /** The version whose content the form starts from. */
  base: StandardVersionView;
  /** Set when replacing an unused version (same id); otherwise a new version. */
  replaces: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<StandardVersionInput>();
  const save = useMutate('funeral.waivers.saveStandard', {
    form,
    success: replaces ? '减免标准版本已替换' : '已新增减免标准版本',
    invalidates: ['funeral.waivers.standards', 'funeral.waivers.quote'],
    onSuccess: onClose,
  });
  const items = (Form.useWatch('items', form) ?? base.items) as StandardVersionInput['items'];
  const itemOptions = items.filter((i) => i?.code).map((i) => ({ value: i.code, label: i.name || i.code }));

  return (
    // A wide dialog (the app's FormModal is narrow): one item or category per row. As there, the
    // OK button is the form's submit button, Enter submits, Esc closes.
    <Modal
      title={replaces ? `替换 ${base.effectiveFrom} 起的版本（尚未被任何记录采用）` : '新增减免标准版本'}
      open
      width="min(1040px, 96vw)"
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<StandardVersionInput>
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={{
            id: replaces ? base.id : null,
            effectiveFrom: replaces ? base.effectiveFrom : undefined,
            title: replaces || !base.sample ? base.title : '',
            basis: base.sample ? null : base.basis,
            items: base.items,
            categories: base.categories,
          }}
          onFinish={(v) => {
            if (!save.isPending) save.mutate({ ...v, id: replaces ? base.id : null, basis: v.basis?.trim() || null });
          }}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        按死亡日期适用：死亡日期在生效日期当天及以后的逝者按本版本计算。已被减免记录采用的版本不能再改，只能新增版本。
      </Typography.Paragraph>
      <Space wrap align="start">
        <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]} {...date}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="title"
          label="标准名称"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写标准名称' }]}
        >
          <Input style={{ width: 300 }} maxLength={80} placeholder="如 永川区惠民殡葬政策（2026 年）" />
        </Form.Item>
        <Form.Item name="basis" label="政策依据（文件名称、文号）">
          <Input style={{ width: 300 }} maxLength={200} />
        </Form.Item>
      </Space>
      <Card size="small" title="服务项目与标准价" style={{ marginBottom: 12 }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '代码' }]}>
                    <Input placeholder="代码" style={{ width: 120 }} aria-label="项目代码" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称' }]}>
                    <Input placeholder="名称" style={{ width: 150 }} aria-label="项目名称" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: '单位' }]}>
                    <Input placeholder="单位" style={{ width: 60 }} aria-label="计价单位" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'standardPriceFen']} rules={[{ required: true, message: '标准价' }]} {...money}>
                    <InputNumber
                      min={0}
                      precision={2}
                      prefix="¥"
                      placeholder="标准价"
                      style={{ width: 130 }}
                      aria-label="标准单价（元）"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'waivableQuantity']} rules={[{ required: true, message: '数量' }]}>
                    <InputNumber min={1} precision={0} addonBefore="至多" style={{ width: 130 }} aria-label="最多减免数量" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除项目" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ waivableQuantity: 1 })}>
                添加服务项目
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="减免对象类别">
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ borderBottom: '1px dashed #eee', marginBottom: 8 }}>
                  <Space align="baseline" wrap>
                    <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '代码' }]}>
                      <Input placeholder="代码" style={{ width: 130 }} aria-label="类别代码" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称' }]}>
                      <Input placeholder="名称" style={{ width: 140 }} aria-label="类别名称" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'capFen']} rules={[{ required: true, message: '封顶' }]} {...money}>
                      <InputNumber
                        min={0.01}
                        precision={2}
                        prefix="¥"
                        placeholder="每具封顶"
                        style={{ width: 140 }}
                        aria-label="每具封顶（元）"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'evidenceLabel']} normalize={(v: string) => v || null}>
                      <Input placeholder="证明材料，如 低保证号" style={{ width: 180 }} aria-label="身份证明材料" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'localOnly']} valuePropName="checked" label="限本地户籍">
                      <Switch />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label="删除类别" onClick={() => remove(f.name)} />
                  </Space>
                  <Form.Item name={[f.name, 'itemCodes']} label="可减免项目" rules={[{ required: true, message: '至少一项' }]}>
                    <Select mode="multiple" options={itemOptions} />
                  </Form.Item>
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ localOnly: false, itemCodes: [], evidenceLabel: null })}
              >
                添加类别
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </Modal>
  );
}
