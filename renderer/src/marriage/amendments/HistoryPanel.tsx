import { Alert, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useCall } from '../../app/api';
import { formatTime } from '../../app/format';
import { ChangeList } from './ChangeList';
import { describeHistory, type HistoryLine, type HistoryTone } from './historyText';

const toneColors: Record<HistoryTone, string> = {
  create: 'green',
  change: 'orange',
  void: 'red',
  decision: 'blue',
  print: 'default',
  other: 'purple',
};

/** The record's full history from the audit log, newest first, in words with old → new values. */
export function HistoryPanel({ registrationId }: { registrationId: number }) {
  const history = useCall('marriage.history', { registrationId });
  const lines = useMemo(() => (history.data ?? []).map(describeHistory).reverse(), [history.data]);
  if (history.error) return <Alert type="error" showIcon title={history.error.message} />;
  return (
    <Table<HistoryLine>
      size="small"
      rowKey="id"
      loading={history.isLoading}
      dataSource={lines}
      pagination={lines.length > 30 ? { pageSize: 30 } : false}
      locale={{ emptyText: '暂无历史记录' }}
      data-testid="record-history"
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatTime(at) },
        { title: '操作人', dataIndex: 'who', width: 100 },
        {
          title: '事项',
          dataIndex: 'title',
          width: 220,
          render: (title: string, l) => <Tag color={toneColors[l.tone]}>{title}</Tag>,
        },
        {
          title: '内容',
          key: 'content',
          render: (_, l) => (
            <>
              <ChangeList changes={l.changes} />
              {l.note && (
                <Typography.Text type={l.changes.length > 0 ? 'secondary' : undefined} style={{ fontSize: 13 }}>
                  {l.note}
                </Typography.Text>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
