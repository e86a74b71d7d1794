import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BurialListItem } from '../../../../main/funeral/burials/contract';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';

/** 安葬查询: by the deceased's name (beginning or any part), ID number, rights holder, certificate or plot. */
export function BurialSearchPage() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useCall('funeral.burials.search', { query, cemeteryId: null }, { enabled: query !== '' });
  return (
    <>
      <PageHeader title="安葬登记与查询">
        <Typography.Text type="secondary">
          登记安葬：在<Link to="/funeral/cemeteries">公墓与墓位</Link>中打开墓位图，点选墓位后“登记安葬”。
        </Typography.Text>
      </PageHeader>
      <Card size="small">
        <Space.Compact style={{ width: 620, maxWidth: '100%' }}>
          <Input
            autoFocus
            allowClear
            size="large"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => setQuery(text.trim())}
            placeholder="逝者姓名（开头或其中几个字）/ 身份证号码 / 使用权人 / 安葬证号 / 墓位号"
            aria-label="查找安葬记录"
            data-testid="burial-search"
          />
          <Button size="large" type="primary" icon={<SearchOutlined />} onClick={() => setQuery(text.trim())}>
            查找
          </Button>
        </Space.Compact>
        {results.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={results.error.message} />}
        {query !== '' && (
          <Table<BurialListItem>
            style={{ marginTop: 12 }}
            rowKey="id"
            size="small"
            loading={results.isLoading}
            dataSource={results.data ?? []}
            pagination={false}
            locale={{ emptyText: `未找到与“${query}”相符的安葬记录` }}
            columns={[
              {
                title: '逝者',
                dataIndex: 'deceasedName',
                render: (v: string, b) => <Link to={`/funeral/burials/${b.id}`}>{v}</Link>,
              },
              { title: '身份证号码', dataIndex: 'deceasedIdNumber', render: (v: string | null) => v ?? '—' },
              { title: '公墓', dataIndex: 'cemeteryName' },
              {
                title: '墓位',
                dataIndex: 'plotLabel',
                render: (v: string, b) => <Link to={`/funeral/cemeteries/plots/${b.plotId}`}>{v}</Link>,
              },
              { title: '使用权人', key: 'holder', render: (_: unknown, b) => `${b.holderName}（${b.holderIdNumber}）` },
              { title: '安葬日期', dataIndex: 'burialDate' },
              {
                title: '到期日',
                dataIndex: 'expiresOn',
                render: (v: string, b) => (b.expired ? <Tag color="red">{v} 已到期</Tag> : v),
              },
              { title: '安葬证号', dataIndex: 'certificateNumber' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
