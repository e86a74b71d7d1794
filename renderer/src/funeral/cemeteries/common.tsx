import { DatePicker, Form, InputNumber, Tag, type FormItemProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { plotStatusLabels, type PlotStatus } from '../../../../main/funeral/cemeteries/contract';

// Small pieces the cemetery and burial screens share: status colours (map, tags, legend), a date
// field that holds 'YYYY-MM-DD' strings, and money typed in yuan but kept in fen.

/** One colour per status, used by the map, its legend and every status tag. */
export const statusColors: Record<PlotStatus, string> = {
  available: '#52c41a',
  reserved: '#faad14',
  occupied: '#4f6bed',
  blocked: '#8c8c8c',
  expired: '#f5222d',
};

export function PlotStatusTag({ status }: { status: PlotStatus }) {
  return (
    <Tag color={statusColors[status]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {plotStatusLabels[status]}
    </Tag>
  );
}

/** A date field whose value is the 'YYYY-MM-DD' string the contract wants; typed or picked. */
export function DateField({
  name,
  label,
  required,
  notAfter,
  extra,
  testId,
}: {
  name: FormItemProps['name'];
  label: string;
  required?: boolean;
  notAfter?: string;
  extra?: FormItemProps['extra'];
  testId?: string;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
      getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
    >
      <DatePicker
        format={['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD']}
        placeholder="如 2026-03-02"
        disabledDate={notAfter ? (d) => d.isAfter(dayjs(notAfter), 'day') : undefined}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** Money typed in yuan (two decimals), converted to fen on submit with `toFen`. */
export function YuanField({ name, label, testId }: { name: FormItemProps['name']; label: string; testId?: string }) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber<number> min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );
}

export const toFen = (yuan: number | null | undefined): number => Math.round((yuan ?? 0) * 100);
export const toYuan = (fen: number): number => fen / 100;

/** Empty text boxes become null, as the contract's nullable fields want. */
export const orNull = (s: string | null | undefined): string | null =>
  s === undefined || s === null || s.trim() === '' ? null : s.trim();
