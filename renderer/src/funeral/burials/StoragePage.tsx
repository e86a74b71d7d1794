import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import { relationLabels, relations } from '../../../../main/funeral/burials/contract';
import {
  registerStorageInput,
  storageStatusLabels,
  type StorageListItem,
  type StorageStatus,
} from '../../../../main/funeral/burials/storage/contract';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { DateField, orNull, toFen, YuanField } from '../cemeteries/common';

const statusColor: Record<StorageStatus, string> = { active: 'green', overdue: 'red', collected: 'default' };
export const StorageStatusTag = ({ status }: { status: StorageStatus }) => (
  <Tag color={statusColor[status]}>{storageStatusLabels[status]}</Tag>
);

const columns = [
  {
    title: '寄存证号',
    dataIndex: 'certificateNumber',
    render: (v: string, r: StorageListItem) => <Link to={`/funeral/storage/${r.id}`}>{v}</Link>,
  },
  { title: '逝者', dataIndex: 'deceasedName' },
  { title: '身份证号码', dataIndex: 'deceasedIdNumber', render: (v: string | null) => v ?? '—' },
  { title: '寄存场所 / 格位', key: 'niche', render: (_: unknown, r: StorageListItem) => `${r.cemeteryName} ${r.nicheCode}` },
  { title: '寄存人', key: 'dep', render: (_: unknown, r: StorageListItem) => `${r.depositorName} ${r.depositorPhone}` },
  { title: '到期日', dataIndex: 'endDate' },
  { title: '状态', dataIndex: 'status', render: (s: StorageStatus) => <StorageStatusTag status={s} /> },
];

interface Values {
  cemeteryId: number;
  nicheCode: string;
  deceased: { name: string; idNumber?: string; sex: 'male' | 'female'; deathDate: string; cremationCertificateNo?: string };
  depositor: { name: string; idNumber: string; relation: (typeof relations)[number]; phone: string };
  startDate: string;
  termMonths: number;
  feeYuan: number;
  note?: string;
}

function RegisterStorageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const cemeteries = useCall('funeral.cemeteries.list', {}, { enabled: open });
  const navigate = useNavigate();
  const register = useMutate('funeral.storage.register', {
    form,
    success: '已登记骨灰寄存',
    invalidates: ['funeral.storage.search', 'funeral.storage.expiring'],
    onSuccess: (s) => {
      onClose();
      void navigate(`/funeral/storage/${s.id}`);
    },
  });
  const today = localTodayIso();
  const req = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
  return (
    <FormModal<Values>
      title="骨灰寄存登记"
      open={open}
      form={form}
      pending={register.isPending}
      okText="登记寄存"
      onClose={onClose}
      initialValues={{
        startDate: today,
        termMonths: 12,
        feeYuan: 0,
        deceased: { sex: 'male' } as Values['deceased'],
        depositor: { relation: 'child' } as Values['depositor'],
      }}
      onSubmit={(v) => {
        const input = {
          cemeteryId: v.cemeteryId,
          nicheCode: (v.nicheCode ?? '').trim(),
          deceased: {
            name: v.deceased.name,
            idNumber: orNull(v.deceased.idNumber),
            sex: v.deceased.sex,
            deathDate: v.deceased.deathDate ?? '',
            cremationCertificateNo: orNull(v.deceased.cremationCertificateNo),
          },
          depositor: { ...v.depositor, idNumber: v.depositor.idNumber ?? '' },
          startDate: v.startDate,
          termMonths: v.termMonths,
          feeFen: toFen(v.feeYuan),
          note: orNull(v.note),
        };
        const parsed = parseInto(form, registerStorageInput, input);
        if (parsed) register.mutate(parsed);
      }}
    >
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="cemeteryId" label="寄存场所" rules={[{ required: true, message: '请选择寄存场所' }]}>
            <Select autoFocus options={(cemeteries.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="nicheCode" label="格位号" rules={req('格位号')}>
            <Input placeholder="如 1号堂-03-12" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['deceased', 'name']} label="逝者姓名" rules={req('逝者姓名')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name={['deceased', 'idNumber']} label="逝者身份证号码">
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['deceased', 'sex']} label="性别">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'male', label: '男' },
                { value: 'female', label: '女' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <DateField name={['deceased', 'deathDate']} label="死亡日期" required notAfter={today} />
        </Col>
        <Col span={12}>
          <Form.Item name={['deceased', 'cremationCertificateNo']} label="火化证明编号">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['depositor', 'name']} label="寄存人" rules={req('寄存人姓名')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name={['depositor', 'idNumber']} label="寄存人身份证号码" rules={req('寄存人身份证号码')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['depositor', 'relation']} label="与逝者关系">
            <Select options={relations.map((r) => ({ value: r, label: relationLabels[r] }))} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name={['depositor', 'phone']} label="联系电话" rules={req('联系电话')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <DateField name="startDate" label="寄存开始日期" required notAfter={today} />
        </Col>
        <Col span={8}>
          <Form.Item name="termMonths" label="寄存期限（月）" rules={[{ required: true, message: '请填写寄存期限' }]}>
            <InputNumber<number> min={1} max={240} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <YuanField name="feeYuan" label="寄存费（元）" />
        </Col>
      </Row>
    </FormModal>
  );
}

function Search() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'current' | 'collected' | 'all'>('current');
  const results = useCall('funeral.storage.search', { query, status });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Space.Compact>
          <Input
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => setQuery(text.trim())}
            placeholder="逝者 / 寄存人姓名、身份证号码、寄存证号、格位号"
            aria-label="查找骨灰寄存"
            style={{ width: 360 }}
          />
          <Button icon={<SearchOutlined />} onClick={() => setQuery(text.trim())}>
            查找
          </Button>
        </Space.Compact>
        <Radio.Group
          optionType="button"
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          options={[
            { value: 'current', label: '寄存中' },
            { value: 'collected', label: '已领取' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      {results.error && <Alert type="error" showIcon title={results.error.message} />}
      <Table<StorageListItem>
        rowKey="id"
        size="small"
        loading={results.isLoading}
        dataSource={results.data ?? []}
        columns={columns}
      />
    </>
  );
}

function Expiring() {
  const [months, setMonths] = useState(3);
  const list = useCall('funeral.storage.expiring', { months });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>未来</span>
        <InputNumber<number> min={1} max={60} value={months} onChange={(v) => v && setMonths(v)} aria-label="未来月数" />
        <span>个月内到期及逾期未续的寄存{list.data ? `（至 ${list.data.until}）` : ''}</span>
      </Space>
      <Table<StorageListItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        columns={columns}
        locale={{ emptyText: '没有即将到期的寄存' }}
      />
    </>
  );
}

/** 骨灰寄存: search, the expiry list, and new deposits. */
export function StoragePage() {
  const [registering, setRegistering] = useState(false);
  return (
    <>
      <PageHeader
        title="骨灰寄存"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            寄存登记
          </Button>
        }
      >
        <Typography.Text type="secondary">同一格位同时只寄存一份骨灰；续存自原到期日起顺延；领取后格位腾空。</Typography.Text>
      </PageHeader>
      <Card size="small">
        <Tabs
          items={[
            { key: 'search', label: '寄存查询', children: <Search /> },
            { key: 'expiring', label: '到期清单', children: <Expiring /> },
          ]}
        />
      </Card>
      <RegisterStorageModal open={registering} onClose={() => setRegistering(false)} />
    </>
  );
}
