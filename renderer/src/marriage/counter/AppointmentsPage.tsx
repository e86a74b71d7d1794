import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import { appointmentStatusLabels, type AppointmentView, type CounterService, type DaySlotView } from '../../app/contract';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { officeToday, serviceLabel, serviceOptions } from './common';

interface BookForm {
  slotStart: string;
  service: CounterService;
  party1Name: string;
  party1Phone: string;
  party1IdNumber?: string;
  party2Name?: string;
  party2Phone?: string;
  party2IdNumber?: string;
  note?: string;
}

const shift = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');
const blank = (v: string | undefined) => (v && v.trim() !== '' ? v : undefined);

/** The appointment book: a day's slots with capacity and places left, and who booked them. */
export function AppointmentsPage() {
  const [date, setDate] = useState(officeToday());
  const day = useCall('marriage.counter.day', { date });
  const list = useCall('marriage.counter.appointments', { date });
  const [booking, setBooking] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<AppointmentView | null>(null);
  const [form] = Form.useForm<BookForm>();
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const invalidates = ['marriage.counter.day', 'marriage.counter.appointments'] as const;
  const book = useMutate('marriage.counter.book', {
    form,
    invalidates: [...invalidates],
    success: '预约成功',
    onSuccess: () => setBooking(null),
  });
  const cancel = useMutate('marriage.counter.cancelAppointment', {
    form: cancelForm,
    invalidates: [...invalidates],
    success: '预约已取消',
    onSuccess: () => setCancelling(null),
  });

  const d = day.data;
  return (
    <>
      <PageHeader
        title="预约登记"
        extra={
          <Space>
            <Button icon={<LeftOutlined />} aria-label="前一天" onClick={() => setDate(shift(date, -1))} />
            <DatePicker
              aria-label="预约日期"
              allowClear={false}
              value={dayjs(date)}
              onChange={(v) => v && setDate(v.format('YYYY-MM-DD'))}
            />
            <Button icon={<RightOutlined />} aria-label="后一天" onClick={() => setDate(shift(date, 1))} />
            <Button onClick={() => setDate(officeToday())}>今天</Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!d?.open}
              onClick={() => setBooking(d?.slots.find((s) => s.remaining > 0)?.start ?? '')}
            >
              新建预约
            </Button>
          </Space>
        }
      >
        {d && (
          <Space wrap>
            <Typography.Text>
              {d.date} {d.weekday} · {d.calendar}
            </Typography.Text>
            {d.peak && (
              <Tag color="magenta">
                高峰日：{d.peak.names.join('、')}（容量 ×{d.peak.capacityFactor}
                {d.peak.openedOnRestDay ? '，休息日开放' : ''}）
              </Tag>
            )}
            <Typography.Text type="secondary">
              已约 {d.totalBooked} / {d.totalCapacity}
            </Typography.Text>
          </Space>
        )}
      </PageHeader>
      {day.error && <Alert type="error" showIcon title={day.error.message} style={{ marginBottom: 16 }} />}
      {d && !d.open && <Alert type="warning" showIcon title={d.closedReason} style={{ marginBottom: 16 }} />}
      <Card size="small" title="时段号源" style={{ marginBottom: 16 }}>
        <Space wrap size={[8, 8]}>
          {(d?.slots ?? []).map((s: DaySlotView) => (
            <Button
              key={s.start}
              style={{ height: 'auto', width: 150, textAlign: 'left', padding: '6px 10px' }}
              disabled={!d?.open || s.remaining === 0}
              onClick={() => setBooking(s.start)}
              aria-label={`${s.start}–${s.end} 余 ${s.remaining}`}
            >
              <div>
                <strong>
                  {s.start}–{s.end}
                </strong>
                <div style={{ fontSize: 12 }}>
                  {s.remaining === 0 ? <Typography.Text type="danger">已约满</Typography.Text> : `余 ${s.remaining}`} / 容量{' '}
                  {s.capacity}
                </div>
                <Progress percent={s.capacity ? Math.round((s.booked / s.capacity) * 100) : 100} showInfo={false} size="small" />
              </div>
            </Button>
          ))}
        </Space>
      </Card>
      <Table<AppointmentView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: '时段', key: 'slot', width: 110, render: (_, a) => `${a.slotStart}–${a.slotEnd}` },
          { title: '业务', dataIndex: 'service', width: 90, render: (s: CounterService) => serviceLabel(s) },
          {
            title: '当事人一',
            key: 'p1',
            render: (_, a) => `${a.party1Name} ${a.party1Phone}${a.party1IdNumber ? ` ${a.party1IdNumber}` : ''}`,
          },
          {
            title: '当事人二',
            key: 'p2',
            render: (_, a) => [a.party2Name, a.party2Phone, a.party2IdNumber].filter(Boolean).join(' ') || '—',
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            render: (s: AppointmentView['status'], a) => (
              <Tag color={s === 'booked' ? 'blue' : s === 'checkedIn' ? 'green' : 'default'}>
                {appointmentStatusLabels[s]}
                {a.ticketNumber ? ` ${a.ticketNumber}` : ''}
              </Tag>
            ),
          },
          {
            title: '操作',
            key: 'act',
            width: 90,
            render: (_, a) =>
              a.status === 'booked' && (
                <Button type="link" size="small" danger onClick={() => setCancelling(a)}>
                  取消
                </Button>
              ),
          },
        ]}
      />

      <FormModal<BookForm>
        title={`预约 ${date}`}
        open={booking !== null}
        form={form}
        pending={book.isPending}
        okText="预约"
        initialValues={{ slotStart: booking ?? undefined, service: 'marriage' }}
        onSubmit={(v) =>
          book.mutate({
            date,
            slotStart: v.slotStart,
            service: v.service,
            party1Name: v.party1Name,
            party1Phone: v.party1Phone,
            party1IdNumber: blank(v.party1IdNumber),
            party2Name: blank(v.party2Name),
            party2Phone: blank(v.party2Phone),
            party2IdNumber: blank(v.party2IdNumber),
            note: blank(v.note),
          })
        }
        onClose={() => setBooking(null)}
      >
        <Space.Compact block>
          <Form.Item name="slotStart" label="时段" rules={[{ required: true, message: '请选择时段' }]} style={{ width: '50%' }}>
            <Select
              options={(d?.slots ?? []).map((s) => ({
                value: s.start,
                label: `${s.start}–${s.end}（余 ${s.remaining}）`,
                disabled: s.remaining === 0,
              }))}
            />
          </Form.Item>
          <Form.Item name="service" label="业务类型" rules={[{ required: true }]} style={{ width: '50%' }}>
            <Select options={serviceOptions} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="party1Name"
            label="当事人一姓名"
            rules={[{ required: true, message: '请填写姓名' }]}
            style={{ width: '35%' }}
          >
            <Input autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item
            name="party1Phone"
            label="联系电话"
            rules={[{ required: true, message: '请填写电话' }]}
            style={{ width: '30%' }}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="party1IdNumber" label="身份证号码（可不填）" style={{ width: '35%' }}>
            <Input maxLength={30} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="party2Name" label="当事人二姓名" style={{ width: '35%' }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="party2Phone" label="联系电话" style={{ width: '30%' }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="party2IdNumber" label="身份证号码（可不填）" style={{ width: '35%' }}>
            <Input maxLength={30} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string }>
        title={cancelling ? `取消 ${cancelling.party1Name} 的预约（${cancelling.slotStart}）` : ''}
        open={cancelling !== null}
        form={cancelForm}
        pending={cancel.isPending}
        okText="取消预约"
        danger
        onSubmit={(v) => cancelling && cancel.mutate({ id: cancelling.id, reason: v.reason })}
        onClose={() => setCancelling(null)}
      >
        <Form.Item name="reason" label="取消原因" rules={[{ required: true, min: 2, message: '请填写取消原因' }]}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
      </FormModal>
    </>
  );
}
