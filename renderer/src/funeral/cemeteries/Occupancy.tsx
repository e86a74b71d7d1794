import { Progress, Space, Tooltip, Typography } from 'antd';
import { plotStatusLabels, plotStatuses, type Occupancy } from '../../../../main/funeral/cemeteries/contract';
import { statusColors } from './common';

/** Plots per status as a stacked bar, and the urn places used and still free. */
export function OccupancySummary({ o, compact }: { o: Occupancy; compact?: boolean }) {
  const used = o.capacity === 0 ? 0 : Math.round(((o.urns + o.reservedPlaces) / o.capacity) * 1000) / 10;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 220 }}>
      <div style={{ display: 'flex', height: 10, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }} aria-hidden>
        {plotStatuses
          .filter((s) => o.byStatus[s] > 0)
          .map((s) => (
            <Tooltip key={s} title={`${plotStatusLabels[s]} ${o.byStatus[s]}`}>
              <div style={{ width: `${(o.byStatus[s] / o.plots) * 100}%`, background: statusColors[s] }} />
            </Tooltip>
          ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {plotStatuses
          .filter((s) => o.byStatus[s] > 0)
          .map((s) => `${plotStatusLabels[s]} ${o.byStatus[s]}`)
          .join(' · ') || '尚无墓位'}
      </Typography.Text>
      {!compact && (
        <Space size={8} wrap>
          <Progress percent={used} format={(p) => `已用 ${p}%`} size="small" style={{ width: 200, margin: 0 }} />
          <Typography.Text style={{ fontSize: 12 }}>
            可安放 {o.capacity} 份，已安放 {o.urns} 份{o.reservedPlaces > 0 ? `、配偶保留 ${o.reservedPlaces} 穴` : ''}，
            <Typography.Text strong>剩余 {o.remainingPlaces}</Typography.Text>
          </Typography.Text>
        </Space>
      )}
    </Space>
  );
}
