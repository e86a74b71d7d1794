import { Card, Table, Typography } from 'antd';
import { cellText, type ReportRow, type ReportTable } from '../../../../main/funeral/reports/contract';

// One report table exactly as the service defines it (the PDF and the XLSX print the same rows).

export function ReportTableCard({ table }: { table: ReportTable }) {
  const rows = table.rows.map((r, i) => ({ ...r, key: i }));
  const bold = (r: ReportRow) => (r.total ? 600 : undefined);
  return (
    <Card size="small" title={table.title} data-testid={`report-${table.key}`}>
      <Table<ReportRow & { key: number }>
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={table.title}
        scroll={{ x: 'max-content' }}
        columns={table.columns.map((title, i) => {
          if (i === 0)
            return {
              title,
              key: 'label',
              render: (_: unknown, r: ReportRow) => (
                <span style={{ paddingLeft: r.indent ? 24 : 0, fontWeight: bold(r) }}>{r.label}</span>
              ),
            };
          const kind = table.kinds[i - 1]!;
          return {
            title,
            key: `v${i}`,
            align: kind === 'text' ? ('left' as const) : ('right' as const),
            render: (_: unknown, r: ReportRow) => (
              <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: bold(r) }}>
                {cellText(kind, r.values[i - 1] ?? null)}
              </span>
            ),
          };
        })}
      />
      {table.note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {table.note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
