import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import type { DivorceStage, DivorceView } from '../../../../main/marriage/divorce/contract';

export const stageColors: Record<DivorceStage, string> = {
  coolingOff: 'blue',
  awaitingCertificate: 'green',
  deemedWithdrawn: 'default',
  withdrawn: 'orange',
  issued: 'purple',
};

export const period = (p: { from: string; to: string }): string => `${p.from} 至 ${p.to}`;

/** One divorce application: the couple, the two windows fixed at receipt, and where it stands today. */
export function DivorceSummary({ view }: { view: DivorceView }) {
  return (
    <Card size="small" data-testid="divorce-view">
      <Descriptions
        size="small"
        column={2}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'names', label: '双方', children: <Typography.Text strong>{view.names.join('、')}</Typography.Text> },
          {
            key: 'marriage',
            label: '结婚证字号',
            children: <span style={{ fontFamily: 'monospace' }}>{view.marriageCertificateNumber}</span>,
          },
          { key: 'receipt', label: '受理日期', children: view.receiptDate },
          {
            key: 'stage',
            label: '当前状态',
            children: (
              <Tag color={stageColors[view.stage]} data-testid="divorce-stage">
                {view.stageLabel}
              </Tag>
            ),
          },
          {
            key: 'withdrawal',
            label: '离婚冷静期（可撤回）',
            children: <span data-testid="withdrawal-window">{period(view.withdrawal)}</span>,
          },
          {
            key: 'certificate',
            label: '申请发给离婚证期间',
            children: <span data-testid="certificate-window">{period(view.certificate)}</span>,
          },
          ...(view.certificateNumber
            ? [
                {
                  key: 'number',
                  label: '离婚证字号',
                  children: (
                    <Typography.Text
                      strong
                      copyable
                      style={{ fontSize: 18, fontFamily: 'monospace' }}
                      data-testid="divorce-number"
                    >
                      {view.certificateNumber}
                    </Typography.Text>
                  ),
                },
                { key: 'issued', label: '发证日期', children: view.issuedOn },
              ]
            : []),
          ...(view.withdrawnBy
            ? [
                {
                  key: 'withdrawn',
                  label: '撤回',
                  children: `${view.withdrawnBy === 'male' ? view.names[0] : view.names[1]}（${view.withdrawnBy === 'male' ? '男方' : '女方'}）于 ${view.withdrawnOn} 撤回`,
                },
              ]
            : []),
        ]}
      />
      {view.windowsNote && <Alert style={{ marginTop: 8 }} type="info" showIcon title={`期间顺延：${view.windowsNote}`} />}
    </Card>
  );
}
