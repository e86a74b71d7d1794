import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { householdDivisionSchema, type FuneralHomeView } from '../../../../main/funeral/waivers/contract';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { zodRule } from '../../app/formRules';

interface HomeForm {
  name: string;
  divisionCode: string;
  contact?: string;
  phone?: string;
  active: boolean;
}

/** 殡仪馆名录: the funeral homes the office settles with. Only the approver edits it. */
export function FuneralHomesTab({ editable }: { editable: boolean }) {
  const homes = useCall('funeral.waivers.homes', {});
  const [editing, setEditing] = useState<FuneralHomeView | null | undefined>(undefined);
  const [form] = Form.useForm<HomeForm>();
  const save = useMutate('funeral.waivers.saveHome', {
    form,
    success: '殡仪馆已保存',
    invalidates: ['funeral.waivers.homes', 'funeral.waivers.monthSummary'],
    onSuccess: () => setEditing(undefined),
  });

  return (
    <>
      {editable && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing(null)}>
          新增殡仪馆
        </Button>
      )}
      <Table<FuneralHomeView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={homes.isLoading}
        dataSource={homes.data ?? []}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '所在地区划代码', dataIndex: 'divisionCode', width: 140 },
          { title: '联系人', dataIndex: 'contact', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '联系电话', dataIndex: 'phone', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '减免笔数', dataIndex: 'waiverCount', width: 90, align: 'right' },
          {
            title: '状态',
            dataIndex: 'active',
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, h: FuneralHomeView) => (
                    <Button type="link" size="small" onClick={() => setEditing(h)}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<HomeForm>
        title={editing ? `修改殡仪馆：${editing.name}` : '新增殡仪馆'}
        open={editing !== undefined}
        form={form}
        pending={save.isPending}
        okText="保存"
        initialValues={
          editing
            ? {
                name: editing.name,
                divisionCode: editing.divisionCode,
                contact: editing.contact ?? '',
                phone: editing.phone ?? '',
                active: editing.active,
              }
            : { active: true }
        }
        onSubmit={(v) =>
          save.mutate({
            id: editing?.id ?? null,
            name: v.name,
            divisionCode: v.divisionCode,
            contact: v.contact?.trim() || null,
            phone: v.phone?.trim() || null,
            active: v.active,
          })
        }
        onClose={() => setEditing(undefined)}
      >
        <Form.Item
          name="name"
          label="殡仪馆名称"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写殡仪馆名称' }]}
        >
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item name="divisionCode" label="所在地区划代码" rules={[zodRule(householdDivisionSchema)]}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="contact" label="联系人">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}
