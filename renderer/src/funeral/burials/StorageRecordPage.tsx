import { CheckOutlined, HistoryOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { relationLabels, relations, sexLabels } from '../../../../main/funeral/burials/contract';
import type { StorageRenewalView, StorageView } from '../../../../main/funeral/burials/storage/contract';
import { formatFen } from '../../../../main/funeral/cemeteries/contract';
import { call, useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { queryClient } from '../../app/queryClient';
import { toFen, YuanField } from '../cemeteries/common';
import { StorageStatusTag } from './StoragePage';

const refresh = ['funeral.storage.get', 'funeral.storage.search', 'funeral.storage.expiring'] as const;

function RenewModal({ s, open, onClose }: { s: StorageView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ months: number; feeYuan: number; note?: string }>();
  const renew = useMutate('funeral.storage.renew', { form, success: '已续存', invalidates: [...refresh], onSuccess: onClose });
  return (
    <FormModal
      title={`续存：${s.deceased.name}（${s.nicheCode}）`}
      open={open}
      form={form}
      pending={renew.isPending}
      okText="续存"
      onClose={onClose}
      initialValues={{ months: 12, feeYuan: 0 }}
      onSubmit={(v) =>
        renew.mutate({ id: s.id, months: v.months, feeFen: toFen(v.feeYuan), note: v.note?.trim() ? v.note.trim() : null })
      }
    >
      <Typography.Paragraph type="secondary">现到期日 {s.endDate}；续存自原到期日起顺延。</Typography.Paragraph>
      <Form.Item name="months" label="续存期限（月）" rules={[{ required: true, message: '请填写续存期限' }]}>
        <InputNumber<number> autoFocus min={1} max={120} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <YuanField name="feeYuan" label="续存费（元）" />
      <Form.Item name="note" label="备注">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

interface CollectValues {
  name: string;
  idNumber: string;
  relation: (typeof relations)[number];
  note?: string;
}

function CollectModal({ s, open, onClose }: { s: StorageView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CollectValues>();
  const collect = useMutate('funeral.storage.collect', {
    form,
    success: '已登记领取',
    invalidates: [...refresh],
    onSuccess: onClose,
  });
  return (
    <FormModal<CollectValues>
      title={`领取骨灰：${s.deceased.name}（${s.nicheCode}）`}
      open={open}
      form={form}
      pending={collect.isPending}
      okText="确认领取"
      onClose={onClose}
      initialValues={{ name: s.depositor.name, idNumber: s.depositor.idNumber, relation: s.depositor.relation }}
      onSubmit={(v) =>
        collect.mutate({
          id: s.id,
          collector: { name: v.name, idNumber: v.idNumber, relation: v.relation },
          note: v.note?.trim() ? v.note.trim() : null,
        })
      }
    >
      <Typography.Paragraph type="secondary">核验骨灰寄存证与领取人身份证件后登记。</Typography.Paragraph>
      <Form.Item name="name" label="领取人" rules={[{ required: true, whitespace: true, message: '请填写领取人' }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="领取人身份证号码"
        rules={[{ required: true, whitespace: true, message: '请填写身份证号码' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="relation" label="与逝者关系">
        <Select options={relations.map((r) => ({ value: r, label: relationLabels[r] }))} />
      </Form.Item>
      <Form.Item name="note" label="备注（如领取后去向）">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** One ash deposit: niche, deceased, depositor, term with renewals, collection, certificate. */
export function StorageRecordPage() {
  const id = Number(useParams().id);
  const storage = useCall('funeral.storage.get', { id });
  const [dialog, setDialog] = useState<'renew' | 'collect' | null>(null);
  const [reason, setReason] = useState('');
  if (storage.error) return <Alert type="error" showIcon title={storage.error.message} />;
  if (!storage.data) return <Spin />;
  const s = storage.data;
  const reprint = s.prints > 0;
  return (
    <>
      <PageHeader
        title={
          <Space>
            骨灰寄存：{s.deceased.name}
            <StorageStatusTag status={s.status} />
          </Space>
        }
        extra={
          s.status !== 'collected' && (
            <Space>
              <Button icon={<HistoryOutlined />} onClick={() => setDialog('renew')}>
                续存
              </Button>
              <Button icon={<CheckOutlined />} onClick={() => setDialog('collect')}>
                领取
              </Button>
            </Space>
          )
        }
      >
        <Space split="·">
          <Link to="/funeral/storage">← 骨灰寄存</Link>
          <span>骨灰寄存证 {s.certificateNumber}</span>
          <span>
            {s.cemeteryName} 格位 {s.nicheCode}
          </span>
        </Space>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title="寄存" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'n', label: '逝者', children: `${s.deceased.name}（${sexLabels[s.deceased.sex]}）` },
                { key: 'id', label: '身份证号码', children: s.deceased.idNumber ?? '—' },
                { key: 'd', label: '死亡日期', children: s.deceased.deathDate },
                { key: 'c', label: '火化证明编号', children: s.deceased.cremationCertificateNo ?? '—' },
                { key: 'dep', label: '寄存人', children: `${s.depositor.name}（${s.depositor.relationLabel}）` },
                { key: 'dp', label: '联系电话', children: s.depositor.phone },
                { key: 'did', label: '寄存人身份证号码', children: s.depositor.idNumber },
                { key: 'term', label: '寄存期限', children: `${s.startDate} 起 ${s.termMonths} 个月，至 ${s.endDate}` },
                { key: 'fee', label: '寄存费', children: formatFen(s.feeFen) },
                ...(s.collection
                  ? [
                      {
                        key: 'col',
                        label: '领取',
                        children: `${s.collection.on} 由 ${s.collection.name}（${s.collection.relationLabel ?? ''}）领取${s.collection.note ? `：${s.collection.note}` : ''}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="续存记录" style={{ marginBottom: 16 }}>
            <Table<StorageRenewalView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.renewals}
              locale={{ emptyText: '尚无续存' }}
              columns={[
                { title: '续存日期', dataIndex: 'renewedOn' },
                { title: '月数', dataIndex: 'months', width: 60 },
                { title: '期限', key: 'r', render: (_: unknown, r) => `${r.fromEnd} → ${r.toEnd}` },
                { title: '费用', dataIndex: 'feeFen', render: (v: number) => formatFen(v) },
              ]}
            />
          </Card>
          <Card size="small" title="文书">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {reprint && (
                <Input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={`已打印 ${s.prints} 份；补打须填写原因`}
                  aria-label="补打原因"
                  style={{ maxWidth: 420 }}
                />
              )}
              <PdfDocuments
                items={[
                  {
                    key: 'certificate',
                    label: reprint ? '补打骨灰寄存证' : '打印骨灰寄存证',
                    generate: async () => {
                      const file = await call('funeral.storage.documents.certificate', {
                        id: s.id,
                        reprintReason: reprint ? reason.trim() || null : null,
                      });
                      setReason('');
                      void queryClient.invalidateQueries({ queryKey: ['funeral.storage.get'] });
                      return file;
                    },
                  },
                ]}
              />
            </Space>
          </Card>
        </Col>
      </Row>
      <RenewModal s={s} open={dialog === 'renew'} onClose={() => setDialog(null)} />
      <CollectModal s={s} open={dialog === 'collect'} onClose={() => setDialog(null)} />
    </>
  );
}
