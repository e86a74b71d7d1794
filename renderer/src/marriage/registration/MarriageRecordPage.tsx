import { Alert, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { ethnicGroupName } from '../../../../main/core/codes/ethnicGroups';
import { nationalityName } from '../../../../main/core/codes/nationalities';
import { provinceName } from '../../../../main/core/codes/provinces';
import { maritalStatusName } from '../../../../main/core/codes/maritalStatus';
import { documentTypeLabels } from '../../../../main/core/idnumber/otherDocuments';
import { priorStatusLabels, type PartyView, type RegistrationView } from '../../../../main/marriage/contract';
import { useCall } from '../../app/api';
import { formatTime } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { partyOriginLabels, sexLabels } from './derive';
import { RecordActions } from './RecordActions';
import { ArchiveProvenance } from '../archive/ArchiveProvenance';
import { RecordAmendments, RecordPendingCorrections } from '../amendments/RecordAmendments';
import { JointPhoto } from '../attachments/JointPhoto';

const orDash = (v: string | null | undefined): string => (v && v.trim() !== '' ? v : '—');

function PartyCard({ party }: { party: PartyView }) {
  // 90 (未说明) only in legacy archive records whose register did not say.
  const prior =
    priorStatusLabels[party.priorStatus as keyof typeof priorStatusLabels] ??
    maritalStatusName(party.priorStatus) ??
    party.priorStatus;
  return (
    <Card size="small" title={party.sex === 'male' ? '男方' : '女方'}>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 112 } }}
        items={[
          { key: 'name', label: '姓名', children: <Typography.Text strong>{party.name}</Typography.Text> },
          { key: 'sex', label: '性别', children: sexLabels[party.sex] },
          { key: 'birth', label: '出生日期', children: party.birthDate },
          { key: 'docType', label: '证件类型', children: documentTypeLabels[party.documentType] },
          {
            key: 'docNumber',
            label: '证件号码',
            children: <span style={{ fontFamily: 'monospace' }}>{party.documentNumber ?? '（档案未记载）'}</span>,
          },
          { key: 'nationality', label: '国籍', children: nationalityName(party.nationality) ?? party.nationality },
          {
            key: 'ethnic',
            label: '民族',
            children: party.ethnicCode ? (ethnicGroupName(party.ethnicCode) ?? party.ethnicCode) : '—',
          },
          {
            key: 'prior',
            label: '婚姻状况',
            children: party.priorEvidence ? `${prior}（证明：${party.priorEvidence}）` : prior,
          },
          { key: 'occupation', label: '职业', children: orDash(party.occupation) },
          { key: 'phone', label: '联系电话', children: orDash(party.phone) },
          { key: 'address', label: '住址', children: orDash(party.address) },
          {
            key: 'province',
            label: '户籍所在省份',
            children: party.householdProvince ? (provinceName(party.householdProvince) ?? party.householdProvince) : '—',
          },
        ]}
      />
    </Card>
  );
}

/** A marriage registration record, read-only: the certificate number first, then both parties (man first). */
export function MarriageRecordView({ record }: { record: RegistrationView }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="marriage-record">
      <Card size="small">
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'number',
              label: '结婚证字号',
              span: 3,
              children: (
                <Typography.Text
                  strong
                  copyable
                  style={{ fontSize: 20, fontFamily: 'monospace' }}
                  data-testid="record-certificate-number"
                >
                  {record.certificateNumber}
                </Typography.Text>
              ),
            },
            { key: 'date', label: '登记日期', children: record.registrationDate },
            {
              key: 'status',
              label: '状态',
              children:
                record.status === 'registered' ? (
                  <Tag color="green">已登记</Tag>
                ) : (
                  <Tag color="default">已解除{record.dissolvedAt ? `（${record.dissolvedAt}）` : ''}</Tag>
                ),
            },
            { key: 'origin', label: '类别', children: partyOriginLabels[record.partyOrigin] },
            { key: 'cross', label: '跨省通办', children: record.crossProvince ? '是' : '否' },
            { key: 'division', label: '登记机关区划代码', children: record.divisionCode },
            { key: 'created', label: '录入时间', children: formatTime(record.createdAt) },
          ]}
        />
      </Card>
      <Row gutter={16}>
        {record.parties.map((p, i) => (
          <Col span={12} key={i}>
            <PartyCard party={p} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

/** '/marriage/records/:id': one registration record, read through `marriage.get`. */
export function MarriageRecordPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const record = useCall('marriage.get', { id: valid ? id : 1 }, { enabled: valid });
  const names = record.data?.parties.map((p) => p.name).join('、');
  return (
    <>
      <PageHeader title={names ? `结婚登记记录：${names}` : '结婚登记记录'} />
      {!valid && <Alert type="error" showIcon title={`记录编号“${raw ?? ''}”无效`} />}
      {valid && record.isLoading && <Spin />}
      {record.error && <Alert type="error" showIcon title={record.error.message} />}
      {record.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <RecordActions record={record.data} />
          <JointPhoto registrationId={record.data.id} editable={record.data.status === 'registered'} />
          <RecordPendingCorrections registrationId={record.data.id} />
          <MarriageRecordView record={record.data} />
          {record.data.source === 'archive' && <ArchiveProvenance registrationId={record.data.id} />}
          <RecordAmendments registrationId={record.data.id} />
        </Space>
      )}
    </>
  );
}
