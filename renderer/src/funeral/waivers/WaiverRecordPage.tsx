import { Alert, Button, Card, Descriptions, Flex, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { maskResidentId } from '../../../../main/core/idnumber/residentId';
import type { WaiverView } from '../../../../main/funeral/waivers/contract';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { ComputationView } from './ComputationView';
import { WaiverForm } from './WaiverForm';

const sexLabel = { male: '男', female: '女' } as const;

/** One waiver: who, which category and funeral home, the working; correct or void it until settled. */
export function WaiverRecordPage() {
  const id = Number(useParams().id);
  const record = useCall('funeral.waivers.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const [correcting, setCorrecting] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [voidForm] = Form.useForm<{ reason: string }>();
  const voidIt = useMutate('funeral.waivers.void', {
    form: voidForm,
    success: '减免记录已作废',
    invalidates: ['funeral.waivers.get', 'funeral.waivers.list', 'funeral.waivers.monthSummary', 'funeral.waivers.settlement'],
    onSuccess: () => setVoiding(false),
  });

  if (record.error) return <Alert type="error" showIcon title={record.error.message} />;
  const v: WaiverView | undefined = record.data;
  if (!v) return null;
  const open = v.status === 'recorded';

  return (
    <>
      <PageHeader
        title={`减免记录 ${v.number}`}
        extra={
          <Space>
            <Tag color={v.status === 'settled' ? 'green' : v.status === 'void' ? undefined : 'blue'} data-testid="waiver-status">
              {v.statusLabel}
            </Tag>
            {open && !correcting && (
              <>
                <Button onClick={() => setCorrecting(true)} data-testid="correct-waiver">
                  更正
                </Button>
                <Button danger onClick={() => setVoiding(true)} data-testid="void-waiver">
                  作废
                </Button>
              </>
            )}
            <Link to="/funeral/waivers">
              <Button>返回列表</Button>
            </Link>
          </Space>
        }
      />
      {v.status === 'settled' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已随 ${v.settlementMonth} 月结算单于 ${v.settledAt?.slice(0, 10)} 结算，记录已锁定，不能更正或作废`}
        />
      )}
      {v.status === 'void' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已于 ${v.voidedAt?.slice(0, 10)} 作废：${v.voidReason}`}
        />
      )}
      {correcting ? (
        <WaiverForm
          mode="correct"
          initial={v}
          officeDivision={null}
          onDone={() => setCorrecting(false)}
          onCancel={() => setCorrecting(false)}
        />
      ) : (
        <Flex gap={16} wrap align="flex-start">
          <Card size="small" title="逝者与类别" style={{ flex: '1 1 380px' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: '姓名', children: v.deceasedName },
                { key: 'id', label: '身份证号码', children: maskResidentId(v.deceasedIdNumber) },
                { key: 'birth', label: '出生日期 / 性别', children: `${v.birthDate}，${sexLabel[v.sex]}` },
                { key: 'death', label: '死亡日期', children: v.deathDate },
                { key: 'household', label: '户籍所在地', children: v.householdDivision },
                { key: 'category', label: '减免对象类别', children: v.categoryName },
                { key: 'evidence', label: v.evidenceLabel ?? '证明材料编号', children: v.evidenceRef ?? '—' },
                { key: 'home', label: '殡仪馆', children: v.funeralHomeName },
                { key: 'recorded', label: '登记', children: `${v.recordedOn}，${v.recordedBy ?? ''}` },
                { key: 'month', label: '结算月份', children: v.settlementMonth },
                ...(v.note ? [{ key: 'note', label: '备注', children: v.note }] : []),
              ]}
            />
          </Card>
          <Card size="small" title="减免计算" style={{ flex: '2 1 560px' }}>
            <ComputationView computation={v.computation} />
          </Card>
        </Flex>
      )}
      <FormModal<{ reason: string }>
        title={`作废减免记录 ${v.number}`}
        open={voiding}
        form={voidForm}
        pending={voidIt.isPending}
        okText="作废"
        danger
        onSubmit={(f) => voidIt.mutate({ id: v.id, reason: f.reason })}
        onClose={() => setVoiding(false)}
      >
        <Form.Item
          name="reason"
          label="作废原因"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写作废原因（至少 2 个字）' }]}
        >
          <Input autoFocus maxLength={500} data-testid="void-reason" />
        </Form.Item>
      </FormModal>
    </>
  );
}
