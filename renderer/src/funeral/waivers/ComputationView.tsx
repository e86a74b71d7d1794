import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { formatFen, type WaiverComputation, type WaiverLineComputation } from '../../../../main/funeral/waivers/contract';

/**
 * How the service worked the waiver out: each service line (actual cost, standard allowance,
 * whether the category covers it, waived), then the per-body cap and the totals, in words too.
 * The same view serves the live quote in the form and a recorded waiver.
 */
export function ComputationView({ computation, compact = false }: { computation: WaiverComputation; compact?: boolean }) {
  const c = computation;
  return (
    <div data-testid="waiver-computation">
      {c.sample && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="适用的减免标准是示例数据（示例数据，请按本地政策修改）"
          description="请区民政殡葬审批员在「减免标准与殡仪馆」中录入本地正式标准。"
        />
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        适用标准：{c.versionEffectiveFrom} 起施行（{c.versionTitle}）；类别「{c.categoryName}」每具封顶 {formatFen(c.capFen)}
      </Typography.Text>
      <Table<WaiverLineComputation>
        rowKey="itemCode"
        size="small"
        pagination={false}
        dataSource={c.lines}
        columns={[
          {
            title: '项目',
            key: 'item',
            render: (_, l) => (
              <span>
                {l.itemName}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {l.quantity} {l.unit}
                </Typography.Text>
              </span>
            ),
          },
          { title: '实际费用', dataIndex: 'actualFen', align: 'right', width: 100, render: (v: number) => formatFen(v) },
          {
            title: '标准额度',
            key: 'allowance',
            align: 'right',
            width: compact ? 100 : 190,
            render: (_, l) => (
              <span title={`${formatFen(l.standardPriceFen)}/${l.unit} × ${l.countedQuantity}`}>
                {formatFen(l.allowanceFen)}
                {!compact && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    （{formatFen(l.standardPriceFen)}×{l.countedQuantity}）
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: '减免',
            key: 'waived',
            align: 'right',
            width: 100,
            render: (_, l) =>
              l.waivable ? <Typography.Text strong>{formatFen(l.waivedFen)}</Typography.Text> : <Tag>不减免</Tag>,
          },
        ]}
      />
      <ol style={{ margin: '8px 0', paddingLeft: 20, fontSize: 13, color: '#555' }} data-testid="waiver-steps">
        {c.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <Flex gap={24} wrap align="baseline" style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0' }}>
        <span>
          实际费用合计 <Typography.Text strong>{formatFen(c.actualFen)}</Typography.Text>
        </span>
        <span>
          减免合计{' '}
          <Typography.Text strong style={{ fontSize: 18, color: '#9b1c1c' }} data-testid="waiver-total">
            {formatFen(c.waivedFen)}
          </Typography.Text>
          {c.capApplied && <Tag style={{ marginLeft: 8 }}>已按封顶</Tag>}
        </span>
        <span>
          家属自付 <Typography.Text strong>{formatFen(c.familyPaysFen)}</Typography.Text>
        </span>
      </Flex>
    </div>
  );
}
