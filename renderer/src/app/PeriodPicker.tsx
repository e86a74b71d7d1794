import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

// The reporting period of the statistics pages: 月报 / 年报, the month or year (typed as 2026-03 or
// picked), and a step back or on. Never a period that has not begun.

export type PeriodKind = 'month' | 'year';
export interface PeriodChoice {
  kind: PeriodKind;
  at: Dayjs;
}

/** The period as the report channels take it: a year, and a month or null for the whole year. */
export const toPeriod = ({ kind, at }: PeriodChoice): { year: number; month: number | null } => ({
  year: at.year(),
  month: kind === 'month' ? at.month() + 1 : null,
});

export const thisMonth = (): PeriodChoice => ({ kind: 'month', at: dayjs().startOf('month') });

export function PeriodPicker({
  value,
  onChange,
  testId,
}: {
  value: PeriodChoice;
  onChange: (v: PeriodChoice) => void;
  testId: string;
}) {
  const { kind, at } = value;
  const now = dayjs();
  const step = (n: number) => onChange({ kind, at: at.add(n, kind) });
  return (
    <Space wrap>
      <Radio.Group
        optionType="button"
        value={kind}
        onChange={(e) => onChange({ kind: e.target.value as PeriodKind, at })}
        options={[
          { value: 'month', label: '月报' },
          { value: 'year', label: '年报' },
        ]}
        aria-label="报表类型"
      />
      <Button icon={<LeftOutlined />} aria-label={kind === 'month' ? '上个月' : '上一年'} onClick={() => step(-1)} />
      <DatePicker
        picker={kind}
        allowClear={false}
        value={at}
        format={kind === 'month' ? 'YYYY-MM' : 'YYYY'}
        aria-label="统计期间"
        data-testid={testId}
        disabledDate={(d) => d.isAfter(now, kind)}
        onChange={(d) => d && onChange({ kind, at: d })}
      />
      <Button
        icon={<RightOutlined />}
        aria-label={kind === 'month' ? '下个月' : '下一年'}
        disabled={at.startOf(kind).add(1, kind).isAfter(now)}
        onClick={() => step(1)}
      />
    </Space>
  );
}
