import { FileDoneOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Result, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import type { RegistrationView } from '../../../../main/marriage/contract';
import type { DivorceView } from '../../../../main/marriage/divorce/contract';
import { call, useCall, useMutate } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { DivorceSummary } from './DivorceSummary';
import { AgreementFiles } from '../attachments/AgreementFiles';

interface AgreementValues {
  agreement: { children: string; property: string; debts: string };
  bothPresent: boolean;
}

const worklistLink = (
  <Link to="/marriage/divorce/worklist">
    <Button icon={<UnorderedListOutlined />}>离婚工作清单</Button>
  </Link>
);

/** (a) Find the marriage: certificate number, ID number or name (prefix). */
function FindMarriage({ onPick }: { onPick: (r: RegistrationView) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useCall('marriage.search', { query }, { enabled: query !== '' });
  const firstPick = useRef<HTMLButtonElement>(null);
  return (
    <Card size="small" title="一、查找婚姻登记记录">
      <Space.Compact style={{ width: 560, maxWidth: '100%' }}>
        <Input
          autoFocus
          allowClear
          size="large"
          placeholder="结婚证字号 / 证件号码 / 姓名（可输部分姓名或拼音首字母）"
          aria-label="查找婚姻登记"
          data-testid="divorce-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => setQuery(text.trim())}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') firstPick.current?.focus();
          }}
        />
        <Button size="large" type="primary" icon={<SearchOutlined />} onClick={() => setQuery(text.trim())}>
          查找
        </Button>
      </Space.Compact>
      {results.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={results.error.message} />}
      {query !== '' && results.data && (
        <Table<RegistrationView>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="divorce-search-results"
          dataSource={results.data}
          locale={{ emptyText: `未找到与“${query}”相符的婚姻登记` }}
          columns={[
            {
              title: '结婚证字号',
              dataIndex: 'certificateNumber',
              render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
            },
            { title: '登记日期', dataIndex: 'registrationDate' },
            ...([0, 1] as const).map((i) => ({
              title: i === 0 ? '男方' : '女方',
              key: `p${i}`,
              render: (_: unknown, r: RegistrationView) => (
                <span>
                  {r.parties[i].name} <Typography.Text type="secondary">{r.parties[i].documentNumber}</Typography.Text>
                </span>
              ),
            })),
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: RegistrationView['status']) =>
                s === 'registered' ? <Tag color="green">已登记</Tag> : <Tag>已解除</Tag>,
            },
            {
              title: '操作',
              key: 'pick',
              render: (_: unknown, r: RegistrationView, index: number) => (
                <Button
                  ref={index === 0 ? firstPick : undefined}
                  type="link"
                  disabled={r.status !== 'registered'}
                  onClick={() => onPick(r)}
                  data-testid="pick-marriage"
                >
                  选择
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** (b) Record the agreement's summary and that both are present; submit → marriage.divorce.apply. */
function TakeApplication({
  marriage,
  onBack,
  onDone,
}: {
  marriage: RegistrationView;
  onBack: () => void;
  onDone: (v: DivorceView) => void;
}) {
  const [form] = Form.useForm<AgreementValues>();
  const apply = useMutate('marriage.divorce.apply', {
    form,
    success: '已受理离婚登记申请',
    invalidates: ['marriage.divorce.worklist'],
    onSuccess: onDone,
  });
  const today = localTodayIso();
  return (
    <Card
      size="small"
      title={`二、受理协议离婚申请：${marriage.parties.map((p) => p.name).join('、')}（${marriage.certificateNumber}）`}
      extra={<Button onClick={onBack}>重新查找</Button>}
    >
      <Typography.Paragraph type="secondary">
        受理日期：<Typography.Text strong>{today}</Typography.Text>
        （今天）。请核对双方身份证件、户口簿、结婚证原件与双方签字的离婚协议书，摘录协议要点：
      </Typography.Paragraph>
      <Form<AgreementValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ bothPresent: false }}
        onFinish={(v) => {
          if (!apply.isPending)
            apply.mutate({ marriageId: marriage.id, receiptDate: today, agreement: v.agreement, bothPresent: true });
        }}
        style={{ maxWidth: 820 }}
      >
        {(
          [
            ['children', '子女抚养', '如：婚生子由女方抚养，男方每月支付抚养费……；无子女的写“无”'],
            ['property', '财产处理', '如：住房归女方所有，车辆归男方……'],
            ['debts', '债务处理', '如：无共同债务'],
          ] as const
        ).map(([name, label, placeholder], i) => (
          <Form.Item
            key={name}
            name={['agreement', name]}
            label={label}
            rules={[
              { required: true, whitespace: true, message: `请填写${label}` },
              { min: 2, message: `${label}至少 2 个字` },
              { max: 2000, message: `${label}不超过 2000 字` },
            ]}
          >
            <Input.TextArea autoFocus={i === 0} rows={2} placeholder={placeholder} data-testid={`agreement-${name}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="bothPresent"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('协议离婚须双方共同到场申请'))) }]}
        >
          <Checkbox data-testid="both-present">双方均已到场，并已核验身份证件</Checkbox>
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={apply.isPending}
          icon={<FileDoneOutlined />}
          data-testid="submit-divorce"
        >
          受理并计算冷静期
        </Button>
      </Form>
    </Card>
  );
}

/** (c) The receipt: the two windows, and the 受理回执单. */
function Received({ view, onNext }: { view: DivorceView; onNext: () => void }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Result
        status="success"
        title="已受理离婚登记申请"
        subTitle={`${view.names.join('、')} · 冷静期至 ${view.withdrawal.to}，须于 ${view.certificate.from} 至 ${view.certificate.to} 共同到场申请发给离婚证`}
        style={{ paddingBlock: 8 }}
      />
      <DivorceSummary view={view} />
      <AgreementFiles divorceId={view.id} />
      <Flex gap={12} wrap>
        <PdfDocuments
          items={[
            {
              key: 'receipt',
              label: '离婚登记申请受理回执单',
              generate: () => call('marriage.divorce.documents.receipt', { id: view.id }),
            },
          ]}
        />
        <Button type="primary" autoFocus onClick={onNext} data-testid="next-divorce">
          办理下一件
        </Button>
      </Flex>
    </Space>
  );
}

/** '/marriage/divorce': take an application for divorce by agreement. */
export function DivorcePage() {
  const [marriage, setMarriage] = useState<RegistrationView | null>(null);
  const [view, setView] = useState<DivorceView | null>(null);
  return (
    <>
      <PageHeader title="协议离婚登记" extra={worklistLink} />
      {view ? (
        <Received
          view={view}
          onNext={() => {
            setView(null);
            setMarriage(null);
          }}
        />
      ) : marriage ? (
        <TakeApplication marriage={marriage} onBack={() => setMarriage(null)} onDone={setView} />
      ) : (
        <FindMarriage onPick={setMarriage} />
      )}
    </>
  );
}
