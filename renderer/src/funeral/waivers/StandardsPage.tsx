import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  formatFen,
  type ServiceItem,
  type StandardVersionView,
  type WaiverCategory,
} from '../../../../main/funeral/waivers/contract';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';
import { canApprove } from './common';
import { FuneralHomesTab } from './FuneralHomesTab';
import { StandardEditor } from './StandardEditor';

/** 减免标准与殡仪馆: the versions of the standard (newest first) and the funeral homes. */
export function StandardsPage() {
  const permissions = usePermissions();
  const editable = canApprove(permissions);
  const standards = useCall('funeral.waivers.standards', {});
  const [editor, setEditor] = useState<{ base: StandardVersionView; replaces: boolean } | null>(null);
  const inForce = standards.data?.find((v) => v.inForceToday);

  return (
    <>
      <PageHeader title="惠民殡葬减免标准与殡仪馆" />
      <Tabs
        items={[
          {
            key: 'standards',
            label: '减免标准（按生效日期）',
            children: (
              <>
                {standards.error && <Alert type="error" showIcon title={standards.error.message} />}
                {inForce?.sample && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="现行减免标准是随软件提供的示例数据（示例数据，请按本地政策修改）"
                    description={
                      editable
                        ? '请以它为底稿新增一个版本，填写本地政策的标准价、类别和封顶金额。'
                        : '请区民政殡葬审批员录入本地正式标准。'
                    }
                  />
                )}
                {editable && inForce && (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    style={{ marginBottom: 12 }}
                    onClick={() => setEditor({ base: inForce, replaces: false })}
                    data-testid="new-standard"
                  >
                    以现行标准为底稿新增版本
                  </Button>
                )}
                {(standards.data ?? []).map((v) => (
                  <VersionCard
                    key={v.id}
                    v={v}
                    editable={editable}
                    onReplace={() => setEditor({ base: v, replaces: true })}
                    onCopy={() => setEditor({ base: v, replaces: false })}
                  />
                ))}
              </>
            ),
          },
          { key: 'homes', label: '殡仪馆名录', children: <FuneralHomesTab editable={editable} /> },
        ]}
      />
      {editor && <StandardEditor base={editor.base} replaces={editor.replaces} onClose={() => setEditor(null)} />}
    </>
  );
}

function VersionCard({
  v,
  editable,
  onReplace,
  onCopy,
}: {
  v: StandardVersionView;
  editable: boolean;
  onReplace: () => void;
  onCopy: () => void;
}) {
  const itemName = (code: string) => v.items.find((i) => i.code === code)?.name ?? code;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`standard-${v.effectiveFrom}`}
      title={
        <Space wrap>
          {v.effectiveFrom} 起{v.effectiveTo ? ` 至 ${v.effectiveTo}` : ''}
          <Typography.Text>{v.title}</Typography.Text>
          {v.inForceToday && <Tag color="green">现行</Tag>}
          {v.sample && <Tag color="orange">示例数据</Tag>}
          {v.appliedCount > 0 ? <Tag>已用于 {v.appliedCount} 条记录，不可修改</Tag> : <Tag color="blue">尚未采用</Tag>}
        </Space>
      }
      extra={
        editable && (
          <Space>
            <Button size="small" onClick={onCopy}>
              以此为底稿新增
            </Button>
            {v.appliedCount === 0 && (
              <Button size="small" onClick={onReplace}>
                替换
              </Button>
            )}
          </Space>
        )
      }
    >
      {v.basis && <Descriptions size="small" items={[{ key: 'basis', label: '政策依据', children: v.basis }]} />}
      <Table<ServiceItem>
        rowKey="code"
        size="small"
        pagination={false}
        style={{ marginBottom: 8 }}
        dataSource={v.items}
        columns={[
          { title: '服务项目', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code', width: 130 },
          { title: '标准价', key: 'price', width: 140, render: (_, i) => `${formatFen(i.standardPriceFen)}/${i.unit}` },
          { title: '最多减免', key: 'q', width: 100, render: (_, i) => `${i.waivableQuantity} ${i.unit}` },
        ]}
      />
      <Table<WaiverCategory>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={v.categories}
        columns={[
          { title: '减免对象类别', dataIndex: 'name', width: 140 },
          { title: '每具封顶', dataIndex: 'capFen', width: 110, render: (f: number) => formatFen(f) },
          { title: '可减免项目', key: 'items', render: (_, c) => c.itemCodes.map(itemName).join('、') },
          { title: '证明材料', dataIndex: 'evidenceLabel', width: 170, render: (s: string | null) => s ?? '—' },
          {
            title: '户籍',
            dataIndex: 'localOnly',
            width: 100,
            render: (b: boolean) => (b ? <Tag color="purple">限本地户籍</Tag> : '不限'),
          },
        ]}
      />
    </Card>
  );
}
