import { Button, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatFen, type WaiverView } from '../../../../main/funeral/waivers/contract';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { ComputationView } from './ComputationView';
import { WaiverForm } from './WaiverForm';

/** 惠民殡葬减免登记: one deceased after another; after each, Enter starts the next. */
export function WaiverEntryPage() {
  const settings = useCall('settings.get', {});
  const [done, setDone] = useState<WaiverView | null>(null);
  const [round, setRound] = useState(1);
  const office = settings.data?.divisionCode;

  return (
    <>
      <PageHeader
        title="惠民殡葬减免登记"
        extra={<Typography.Text type="secondary">身份证号码 → Enter；Ctrl+Enter 登记；减免金额由系统计算</Typography.Text>}
      />
      {done ? (
        <Result
          status="success"
          title={`已登记减免 ${done.number}`}
          subTitle={`${done.deceasedName}，${done.categoryName}，${done.funeralHomeName}：减免 ${formatFen(done.computation.waivedFen)}，家属自付 ${formatFen(done.computation.familyPaysFen)}`}
          data-testid="waiver-done"
          extra={
            <Space>
              <Button
                type="primary"
                autoFocus
                onClick={() => {
                  setDone(null);
                  setRound((r) => r + 1);
                }}
                data-testid="next-waiver"
              >
                继续登记下一位（Enter）
              </Button>
              <Link to={`/funeral/waivers/${done.id}`}>
                <Button>查看记录</Button>
              </Link>
            </Space>
          }
        >
          <div style={{ maxWidth: 760, margin: '0 auto' }}>
            <ComputationView computation={done.computation} />
          </div>
        </Result>
      ) : (
        settings.data && (
          <WaiverForm key={round} mode="record" officeDivision={office && office !== '000000' ? office : null} onDone={setDone} />
        )
      )}
    </>
  );
}
