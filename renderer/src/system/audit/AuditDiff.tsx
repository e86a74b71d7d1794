import { Table, Typography } from 'antd';
import type { AuditEntryView } from '../../app/contract';
import { formatTime } from '../../app/format';
import { fieldLabel, readable } from './auditLabels';

interface Row {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** Before/after snapshots, field by field; changed fields first and highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntryView }) {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const hasSnapshots = entry.before !== null || entry.after !== null;

  if (!hasSnapshots) {
    return (
      <Typography.Text type="secondary">
        {entry.detail ? `说明：${entry.detail}` : '此操作没有记录修改前后的数据。'}
      </Typography.Text>
    );
  }
  // A snapshot that is not an object (a bare value) is shown as one row.
  if ((entry.before !== null && !before) || (entry.after !== null && !after)) {
    return (
      <Typography.Paragraph>
        修改前：{readable('', entry.before, formatTime)}；修改后：{readable('', entry.after, formatTime)}
      </Typography.Paragraph>
    );
  }

  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows: Row[] = keys.map((k) => {
    const b = before ? readable(k, before[k], formatTime) : '—';
    const a = after ? readable(k, after[k], formatTime) : '—';
    const changed = before !== null && after !== null && JSON.stringify(before[k]) !== JSON.stringify(after[k]);
    return { key: k, before: b, after: a, changed };
  });
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  const changedCount = rows.filter((r) => r.changed).length;

  return (
    <div data-testid={`audit-diff-${entry.id}`}>
      {entry.detail && <Typography.Paragraph style={{ marginBottom: 8 }}>说明：{entry.detail}</Typography.Paragraph>}
      {before && after && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          共 {changedCount} 项有变化（高亮显示）
        </Typography.Paragraph>
      )}
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        onRow={(r) => ({ style: r.changed ? { background: '#fffbe6' } : undefined })}
        columns={[
          { title: '字段', dataIndex: 'key', width: 200, render: (k: string) => fieldLabel(k) },
          ...(before
            ? [
                {
                  title: '修改前',
                  dataIndex: 'before',
                  render: (v: string, r: Row) =>
                    r.changed ? (
                      <Typography.Text delete type="secondary">
                        {v}
                      </Typography.Text>
                    ) : (
                      v
                    ),
                },
              ]
            : []),
          ...(after
            ? [
                {
                  title: before ? '修改后' : '内容',
                  dataIndex: 'after',
                  render: (v: string, r: Row) => (r.changed ? <Typography.Text strong>{v}</Typography.Text> : v),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
