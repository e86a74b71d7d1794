import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, InputNumber, List, Space, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import type { CeremonySessionView } from '../../app/contract';
import { ConfirmButton } from '../../app/ConfirmButton';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';
import { officeToday } from './common';

interface SessionForm {
  date: Dayjs;
  startTime: Dayjs;
  hall: string;
  capacity: number;
  note?: string;
}
interface BookForm {
  party1Name: string;
  party2Name: string;
  phone?: string;
  note?: string;
}

/** Certificate ceremonies (颁证仪式): sessions by date with places left, and the couples booked. */
export function CeremoniesPage() {
  const canSupervise = usePermissions().has('marriage.supervise');
  const [from, setFrom] = useState(officeToday());
  const to = dayjs(from).add(30, 'day').format('YYYY-MM-DD');
  const sessions = useCall('marriage.counter.ceremonies', { from, to });
  const [creating, setCreating] = useState(false);
  const [bookingFor, setBookingFor] = useState<CeremonySessionView | null>(null);
  const [sessionForm] = Form.useForm<SessionForm>();
  const [bookForm] = Form.useForm<BookForm>();
  const inv = ['marriage.counter.ceremonies'] as const;
  const save = useMutate('marriage.counter.saveCeremonySession', {
    form: sessionForm,
    invalidates: [...inv],
    success: '场次已添加',
    onSuccess: () => setCreating(false),
  });
  const book = useMutate('marriage.counter.bookCeremony', {
    form: bookForm,
    invalidates: [...inv],
    success: '已预订颁证仪式',
    onSuccess: () => setBookingFor(null),
  });
  const cancelBooking = useMutate('marriage.counter.cancelCeremonyBooking', { invalidates: [...inv], success: '预订已取消' });
  const cancelSession = useMutate('marriage.counter.cancelCeremonySession', { invalidates: [...inv], success: '场次已取消' });

  return (
    <>
      <PageHeader
        title="颁证仪式"
        extra={
          <Space>
            <span>自</span>
            <DatePicker
              aria-label="开始日期"
              allowClear={false}
              value={dayjs(from)}
              onChange={(v) => v && setFrom(v.format('YYYY-MM-DD'))}
            />
            <span>起 30 天</span>
            {canSupervise && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增场次
              </Button>
            )}
          </Space>
        }
      />
      {sessions.error && <Alert type="error" showIcon title={sessions.error.message} style={{ marginBottom: 16 }} />}
      {sessions.data?.length === 0 && (
        <Empty description={canSupervise ? '没有场次，点“新增场次”添加' : '没有场次，请负责人添加'} />
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(sessions.data ?? []).map((s) => (
          <Card
            key={s.id}
            size="small"
            title={
              <Space wrap>
                <strong>
                  {s.date} {s.startTime}
                </strong>
                <span>{s.hall}</span>
                {s.peakNames.map((n) => (
                  <Tag key={n} color="magenta">
                    {n}
                  </Tag>
                ))}
                {s.cancelled ? (
                  <Tag>已取消</Tag>
                ) : (
                  <Tag color={s.remaining === 0 ? 'red' : 'green'}>
                    余 {s.remaining} / {s.capacity} 对
                  </Tag>
                )}
              </Space>
            }
            extra={
              !s.cancelled && (
                <Space>
                  <Button size="small" type="primary" disabled={s.remaining === 0} onClick={() => setBookingFor(s)}>
                    预订
                  </Button>
                  {canSupervise && s.booked === 0 && (
                    <ConfirmButton
                      title="取消该场次？"
                      okText="取消场次"
                      danger
                      onConfirm={() => cancelSession.mutateAsync({ id: s.id, reason: '负责人取消' }).catch(() => undefined)}
                      buttonProps={{ size: 'small', danger: true }}
                    >
                      取消场次
                    </ConfirmButton>
                  )}
                </Space>
              )
            }
          >
            <List
              size="small"
              dataSource={s.bookings.filter((b) => b.status === 'booked')}
              locale={{ emptyText: '尚无预订' }}
              renderItem={(b) => (
                <List.Item
                  actions={[
                    <ConfirmButton
                      key="c"
                      title={`取消 ${b.party1Name}、${b.party2Name} 的预订？`}
                      okText="取消预订"
                      danger
                      onConfirm={() => cancelBooking.mutateAsync({ id: b.id }).catch(() => undefined)}
                      buttonProps={{ type: 'link', size: 'small', danger: true }}
                    >
                      取消
                    </ConfirmButton>,
                  ]}
                >
                  {b.party1Name}、{b.party2Name}
                  {b.phone && <Typography.Text type="secondary"> {b.phone}</Typography.Text>}
                  {b.appointmentId && <Tag style={{ marginInlineStart: 8 }}>预约 #{b.appointmentId}</Tag>}
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>

      <FormModal<SessionForm>
        title="新增颁证仪式场次"
        open={creating}
        form={sessionForm}
        pending={save.isPending}
        okText="添加"
        initialValues={{ date: dayjs(from), hall: '颁证厅', capacity: 10 }}
        onSubmit={(v) =>
          save.mutate({
            date: v.date.format('YYYY-MM-DD'),
            startTime: v.startTime.format('HH:mm'),
            hall: v.hall,
            capacity: v.capacity,
            ...(v.note ? { note: v.note } : {}),
          })
        }
        onClose={() => setCreating(false)}
      >
        <Form.Item name="date" label="日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请选择时间' }]}>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="hall" label="颁证厅" rules={[{ required: true }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="capacity" label="可容纳（对）" rules={[{ required: true }]}>
          <InputNumber min={1} max={200} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>

      <FormModal<BookForm>
        title={bookingFor ? `预订 ${bookingFor.date} ${bookingFor.startTime} ${bookingFor.hall}` : ''}
        open={bookingFor !== null}
        form={bookForm}
        pending={book.isPending}
        okText="预订"
        onSubmit={(v) =>
          bookingFor &&
          book.mutate({
            sessionId: bookingFor.id,
            party1Name: v.party1Name,
            party2Name: v.party2Name,
            ...(v.phone ? { phone: v.phone } : {}),
            ...(v.note ? { note: v.note } : {}),
          })
        }
        onClose={() => setBookingFor(null)}
      >
        <Form.Item name="party1Name" label="当事人一姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item name="party2Name" label="当事人二姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
