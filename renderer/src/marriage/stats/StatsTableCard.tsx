import { Card, Table } from 'antd';
import type { StatsTable, StatsTableRow } from '../../../../main/marriage/stats/contract';

// One report table exactly as the service defines it (the PDF and the XLSX print the same rows).

const shown = (v: number | string | null) => (v === null ? '—' : v);

export function StatsTableCard({ table }: { table: StatsTable }) {
  const rows = table.rows.map((r, i) => ({ ...r, key: i }));
  return (
    <Card size="small" title={table.title} data-testid={`stats-${table.key}`}>
      <Table<StatsTableRow & { key: number }>
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={table.title}
        columns={table.columns.map((title, i) =>
          i === 0
            ? {
                title,
                key: 'label',
                render: (_: unknown, r: StatsTableRow) => (
                  <span style={{ paddingLeft: r.indent ? 24 : 0, fontWeight: r.total ? 600 : undefined }}>{r.label}</span>
                ),
              }
            : {
                title,
                key: `v${i}`,
                align: 'right' as const,
                render: (_: unknown, r: StatsTableRow) => (
                  <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: r.total ? 600 : undefined }}>
                    {shown(r.values[i - 1] ?? null)}
                  </span>
                ),
              },
        )}
      />
    </Card>
  );
}
