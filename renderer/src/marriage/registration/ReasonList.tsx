import { Typography } from 'antd';
import type { RefusalReason } from '../../../../main/marriage/contract';

/**
 * Refusal reasons grouped by party, in the service's own sentences (they are what the 不予办理
 * 通知单 prints). `partyNames` heads each group: 男方 张三 / 女方 李四; couple-wide reasons last.
 */
export function ReasonList({ reasons, partyNames }: { reasons: readonly RefusalReason[]; partyNames: [string, string] }) {
  const groups: { key: string; title: string; items: RefusalReason[] }[] = [
    { key: '0', title: partyNames[0], items: reasons.filter((r) => r.party === 0) },
    { key: '1', title: partyNames[1], items: reasons.filter((r) => r.party === 1) },
    { key: 'couple', title: '双方', items: reasons.filter((r) => r.party === null) },
  ].filter((g) => g.items.length > 0);
  // One numbering across the groups, as the notice lists them.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((sum, g) => sum + g.items.length, 1));
  return (
    <div data-testid="refusal-reasons">
      {groups.map((g, gi) => (
        <div key={g.key} style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {g.title}（{g.items.length} 项）
          </Typography.Text>
          <ol start={starts[gi]} style={{ margin: '4px 0 0', paddingInlineStart: 28 }}>
            {g.items.map((r, i) => (
              <li key={`${r.code}-${i}`}>
                <Typography.Text type="danger">{r.message}</Typography.Text>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
