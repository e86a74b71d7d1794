import { Typography } from 'antd';

// old → new, one line per field: the old value struck through, the new one in bold, so a
// supervisor sees at a glance what an approval changes.

export interface ShownChange {
  label: string;
  before: string;
  after: string;
}

export function ChangeList({ changes, testId }: { changes: readonly ShownChange[]; testId?: string }) {
  if (changes.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
      {changes.map((c, i) => (
        <li key={i}>
          <Typography.Text type="secondary">{c.label}：</Typography.Text>
          <Typography.Text delete>{c.before}</Typography.Text>
          {' → '}
          <Typography.Text strong>{c.after}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
