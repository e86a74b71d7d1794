import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { sexLabels, type BurialView, type RenewalView } from '../../../../main/funeral/burials/contract';
import { formatFen } from '../../../../main/funeral/cemeteries/contract';
import { call, useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { queryClient } from '../../app/queryClient';
import { toFen, YuanField } from '../cemeteries/common';

function RenewModal({ burial, open, onClose }: { burial: BurialView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ years: number; feeYuan: number; payerName: string; note?: string }>();
  const renew = useMutate('funeral.burials.renew', {
    form,
    success: '已办理续期',
    invalidates: ['funeral.burials.get', 'funeral.burials.expiring', 'funeral.plots.get', 'funeral.plots.map'],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={`续期：${burial.deceased.name}（${burial.plotLabel}）`}
      open={open}
      form={form}
      pending={renew.isPending}
      okText="办理续期"
      onClose={onClose}
      initialValues={{ years: 10, feeYuan: 0, payerName: burial.holder.name }}
      onSubmit={(v) =>
        renew.mutate({
          id: burial.id,
          years: v.years,
          feeFen: toFen(v.feeYuan),
          payerName: v.payerName,
          note: v.note?.trim() ? v.note.trim() : null,
        })
      }
    >
      <Typography.Paragraph type="secondary">
        现到期日 {burial.expiresOn}。续期自原到期日起顺延（逾期续期不留空档）。
      </Typography.Paragraph>
      <Form.Item name="years" label="续期年数" rules={[{ required: true, message: '请填写续期年数' }]}>
        <InputNumber<number> autoFocus min={1} max={70} precision={0} style={{ width: '100%' }} data-testid="renew-years" />
      </Form.Item>
      <YuanField name="feeYuan" label="续期费用（元）" />
      <Form.Item name="payerName" label="缴费人" rules={[{ required: true, whitespace: true, message: '请填写缴费人' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** The certificate: the first copy freely, each later copy (补打) with its reason. */
function CertificateButtons({ burial }: { burial: BurialView }) {
  const [reason, setReason] = useState('');
  const reprint = burial.prints > 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {reprint && (
        <Input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={`已打印 ${burial.prints} 份；补打须填写原因，如 原证遗失`}
          aria-label="补打原因"
          data-testid="reprint-reason"
          style={{ maxWidth: 420 }}
        />
      )}
      <PdfDocuments
        items={[
          {
            key: 'certificate',
            label: reprint ? '补打公墓安葬证' : '打印公墓安葬证',
            generate: async () => {
              const file = await call('funeral.burials.documents.certificate', {
                id: burial.id,
                reprintReason: reprint ? reason.trim() || null : null,
              });
              setReason('');
              void queryClient.invalidateQueries({ queryKey: ['funeral.burials.get'] });
              return file;
            },
          },
        ]}
      />
    </Space>
  );
}

/** One burial: deceased, rights holder, the use period with renewals, documents. */
export function BurialRecordPage() {
  const id = Number(useParams().id);
  const burial = useCall('funeral.burials.get', { id });
  const [renewing, setRenewing] = useState(false);
  if (burial.error) return <Alert type="error" showIcon title={burial.error.message} />;
  if (!burial.data) return <Spin />;
  const b = burial.data;
  const d = b.deceased;
  return (
    <>
      <PageHeader
        title={`安葬记录：${d.name}`}
        extra={
          <Button icon={<HistoryOutlined />} onClick={() => setRenewing(true)} data-testid="renew">
            续期
          </Button>
        }
      >
        <Space split="·">
          <span>
            公墓安葬证{' '}
            <Typography.Text strong data-testid="burial-certificate-number">
              {b.certificateNumber}
            </Typography.Text>
          </span>
          <Link to={`/funeral/cemeteries/plots/${b.plotId}`}>
            {b.cemeteryName} {b.plotLabel}
          </Link>
          {b.expired ? <Tag color="red">已于 {b.expiresOn} 到期，未续期</Tag> : <span>使用期限至 {b.expiresOn}</span>}
        </Space>
      </PageHeader>
      {b.residency === 'override' && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={`非服务范围户籍，破例安葬：${b.residencyOverrideReason}`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title="逝者" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'name', label: '姓名', children: d.name },
                { key: 'sex', label: '性别', children: sexLabels[d.sex] },
                { key: 'id', label: '身份证号码', children: d.idNumber ?? '—' },
                { key: 'birth', label: '出生日期', children: d.birthDate ?? '—' },
                { key: 'death', label: '死亡日期', children: d.deathDate },
                { key: 'cremation', label: '火化日期', children: d.cremationDate ?? '—' },
                { key: 'dc', label: '死亡证明编号', children: d.deathCertificateNo },
                { key: 'cc', label: '火化证明编号', children: d.cremationCertificateNo ?? '—' },
                { key: 'hh', label: '户籍地区划代码', children: d.householdDivision },
                { key: 'res', label: '户籍核验', children: b.residencyLabel },
              ]}
            />
          </Card>
          <Card size="small" title="使用权人与经办人" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'h', label: '使用权人', children: `${b.holder.name}（${b.holder.relationLabel ?? ''}）` },
                { key: 'hid', label: '身份证号码', children: b.holder.idNumber ?? '—' },
                { key: 'hp', label: '联系电话', children: b.holder.phone ?? '—' },
                { key: 'ha', label: '联系地址', children: b.holder.address ?? '—' },
                ...(b.applicant
                  ? [
                      { key: 'a', label: '经办人', children: `${b.applicant.name}（${b.applicant.relationLabel ?? ''}）` },
                      { key: 'ap', label: '经办人电话', children: b.applicant.phone ?? '—' },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="安葬与使用期限" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'date', label: '安葬日期', children: b.burialDate },
                { key: 'form', label: '安葬方式', children: b.formLabel },
                { key: 'period', label: '使用期限', children: `${b.useYears} 年，至 ${b.expiresOn}` },
                { key: 'fee', label: '收费金额', children: formatFen(b.feeFen) },
                ...(b.keptPlace
                  ? [{ key: 'kept', label: '配偶保留穴位', children: `${b.keptPlace.name}（${b.keptPlace.statusLabel}）` }]
                  : []),
                { key: 'clerk', label: '经办', children: `${b.clerk ?? '—'}，${b.createdAt.slice(0, 10)}` },
              ]}
            />
            <Table<RenewalView>
              style={{ marginTop: 8 }}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={b.renewals}
              locale={{ emptyText: '尚无续期' }}
              columns={[
                { title: '续期日期', dataIndex: 'renewedOn' },
                { title: '年数', dataIndex: 'years', width: 60 },
                { title: '期限', key: 'range', render: (_: unknown, r) => `${r.fromExpiry} → ${r.toExpiry}` },
                { title: '费用', dataIndex: 'feeFen', render: (v: number) => formatFen(v) },
              ]}
            />
          </Card>
          <Card size="small" title="文书">
            <CertificateButtons burial={b} />
          </Card>
        </Col>
      </Row>
      <RenewModal burial={b} open={renewing} onClose={() => setRenewing(false)} />
    </>
  );
}
