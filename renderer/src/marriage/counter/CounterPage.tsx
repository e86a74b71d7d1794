import { NotificationOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import type { AppointmentView, CounterService, TicketView } from '../../app/contract';
import { FormModal } from '../../app/FormModal';
import { PageHeader } from '../../app/PageHeader';
import { usePdfPreview } from '../../system/testPage/usePdfPreview';
import { officeClock, officeToday, PdfModal, serviceLabel, serviceOptions, TicketStatusTag } from './common';

const COUNTER_KEY = 'registry.marriage.counter';

function rememberedCounter(): number {
  try {
    const n = Number(localStorage.getItem(COUNTER_KEY));
    return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 1;
  } catch {
    return 1;
  }
}

const invalidates = ['marriage.counter.queue', 'marriage.counter.appointments', 'marriage.counter.day'] as const;

/**
 * The clerk's window: call the next couple (F2), recall (F3), start (F4), finish (F8), no-show (F9);
 * issue walk-in tickets (F6) and check in today's appointments; the day's queue refreshes by itself.
 */
export function CounterPage() {
  const today = officeToday();
  const [counter, setCounterState] = useState<number>(rememberedCounter);
  const setCounter = (n: number) => {
    setCounterState(n);
    try {
      localStorage.setItem(COUNTER_KEY, String(n));
    } catch {
      // kept for this window only
    }
  };
  const day = useCall('marriage.counter.day', { date: today });
  const queue = useCall('marriage.counter.queue', {}, { refetchInterval: 5000 });
  const appointments = useCall('marriage.counter.appointments', { date: today }, { refetchInterval: 15000 });
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const [preview, showPreview] = usePdfPreview();
  const [previewOpen, setPreviewOpen] = useState(false);
  const [walkInForm] = Form.useForm<{ service: CounterService; names?: string }>();
  const [transferForm] = Form.useForm<{ toCounter: number }>();

  const tickets = useMemo(() => queue.data?.tickets ?? [], [queue.data]);
  // The ticket this counter is working on: the last one it called that is not finished.
  const current = useMemo(
    () =>
      [...tickets]
        .filter((t) => t.counter === counter && (t.status === 'called' || t.status === 'serving'))
        .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))[0] ?? null,
    [tickets, counter],
  );

  const pdf = useMutate('marriage.counter.ticketPdf', {
    onSuccess: (file) => {
      showPreview(file);
      setPreviewOpen(true);
    },
  });
  const callNext = useMutate('marriage.counter.callNext', {
    invalidates: [...invalidates],
    onSuccess: (t) => {
      if (!t) setNotice('当前没有等候的号');
      else setNotice(null);
    },
  });
  const [notice, setNotice] = useState<string | null>(null);
  const recall = useMutate('marriage.counter.recall', { invalidates: [...invalidates], success: '已重新呼叫' });
  const setStatus = useMutate('marriage.counter.setTicketStatus', { invalidates: [...invalidates] });
  const transfer = useMutate('marriage.counter.transfer', {
    invalidates: [...invalidates],
    form: transferForm,
    success: '已转窗口',
    onSuccess: () => setTransferOpen(false),
  });
  const walkIn = useMutate('marriage.counter.walkIn', {
    invalidates: [...invalidates],
    form: walkInForm,
    onSuccess: (t) => {
      setWalkInOpen(false);
      pdf.mutate({ id: t.id });
    },
  });
  const checkIn = useMutate('marriage.counter.checkIn', {
    invalidates: [...invalidates],
    onSuccess: (t) => pdf.mutate({ id: t.id }),
  });

  const busy = callNext.isPending || recall.isPending || setStatus.isPending;
  const doCallNext = useCallback(() => {
    if (!callNext.isPending) callNext.mutate({ counter });
  }, [callNext, counter]);
  const doStatus = useCallback(
    (status: 'serving' | 'done' | 'noShow') => {
      if (current && !setStatus.isPending) setStatus.mutate({ id: current.id, counter, status });
    },
    [current, setStatus, counter],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (walkInOpen || transferOpen || previewOpen || e.ctrlKey || e.altKey || e.metaKey) return;
      const actions: Record<string, () => void> = {
        F2: doCallNext,
        F3: () => current?.status === 'called' && recall.mutate({ id: current.id, counter }),
        F4: () => current?.status === 'called' && doStatus('serving'),
        F6: () => setWalkInOpen(true),
        F8: () => doStatus('done'),
        F9: () => current?.status === 'called' && doStatus('noShow'),
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [walkInOpen, transferOpen, previewOpen, doCallNext, doStatus, current, recall, counter]);

  const counters = Math.max(day.data?.counters ?? 1, counter);
  const waitingAppointments = (appointments.data ?? []).filter((a) => a.status === 'booked');

  return (
    <>
      <PageHeader
        title="叫号窗口"
        extra={
          <Space>
            <label htmlFor="counter-number">本窗口</label>
            <Select<number>
              id="counter-number"
              aria-label="窗口号"
              value={counter}
              onChange={setCounter}
              style={{ width: 110 }}
              options={Array.from({ length: counters }, (_, i) => ({ value: i + 1, label: `${i + 1} 号窗口` }))}
            />
            <Button icon={<PlusOutlined />} onClick={() => setWalkInOpen(true)}>
              现场取号 (F6)
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void queue.refetch()} loading={queue.isFetching}>
              刷新
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">
          {today} {day.data?.weekday} · {day.data?.calendar}
          {day.data?.peak && (
            <Tag color="magenta" style={{ marginInlineStart: 8 }}>
              高峰日：{day.data.peak.names.join('、')}
            </Tag>
          )}
        </Typography.Text>
      </PageHeader>
      {queue.error && <Alert type="error" showIcon title={queue.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={`${counter} 号窗口 · 当前号`} size="small" style={{ marginBottom: 16 }}>
            {current ? (
              <div data-testid="current-ticket">
                <Space align="baseline" size={16}>
                  <span style={{ fontSize: 48, fontWeight: 700, lineHeight: 1 }} data-testid="current-number">
                    {current.number}
                  </span>
                  <TicketStatusTag status={current.status} />
                </Space>
                <div style={{ margin: '8px 0' }}>
                  {serviceLabel(current.service)}
                  {current.slotStart && `（预约 ${current.slotStart}）`}
                  {current.names && ` · ${current.names}`} · 取号 {officeClock(current.issuedAt)} · 呼叫 {current.callCount} 次
                </div>
                <Space wrap>
                  {current.status === 'called' && (
                    <>
                      <Button
                        onClick={() => recall.mutate({ id: current.id, counter })}
                        loading={recall.isPending}
                        icon={<NotificationOutlined />}
                      >
                        重呼 (F3)
                      </Button>
                      <Button type="primary" onClick={() => doStatus('serving')} disabled={busy}>
                        开始办理 (F4)
                      </Button>
                    </>
                  )}
                  <Button
                    type={current.status === 'serving' ? 'primary' : 'default'}
                    onClick={() => doStatus('done')}
                    disabled={busy}
                  >
                    办结 (F8)
                  </Button>
                  {current.status === 'called' && (
                    <Button danger onClick={() => doStatus('noShow')} disabled={busy}>
                      过号 (F9)
                    </Button>
                  )}
                  <Button icon={<SwapOutlined />} onClick={() => setTransferOpen(true)}>
                    转窗口
                  </Button>
                </Space>
              </div>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={notice ?? '本窗口暂无正在办理的号'} />
            )}
            <Button
              type="primary"
              size="large"
              block
              style={{ marginTop: 16 }}
              onClick={doCallNext}
              loading={callNext.isPending}
              icon={<NotificationOutlined />}
            >
              叫下一位 (F2)
            </Button>
          </Card>
          <Card size="small" title="今日预约（未签到）" style={{ marginBottom: 16 }}>
            <Table<AppointmentView>
              rowKey="id"
              size="small"
              pagination={false}
              loading={appointments.isLoading}
              dataSource={waitingAppointments}
              locale={{ emptyText: '没有待签到的预约' }}
              columns={[
                { title: '时段', dataIndex: 'slotStart', width: 70 },
                { title: '业务', dataIndex: 'service', width: 80, render: (s: CounterService) => serviceLabel(s) },
                { title: '当事人', key: 'names', render: (_, a) => [a.party1Name, a.party2Name].filter(Boolean).join('、') },
                {
                  title: '',
                  key: 'act',
                  width: 90,
                  render: (_, a) => (
                    <Button
                      size="small"
                      onClick={() => checkIn.mutate({ id: a.id })}
                      loading={checkIn.isPending && checkIn.variables?.id === a.id}
                    >
                      签到取号
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Row gutter={8}>
              <Col span={5}>
                <Statistic title="等候" value={queue.data?.waiting ?? 0} />
              </Col>
              <Col span={5}>
                <Statistic title="已叫/办理中" value={(queue.data?.called ?? 0) + (queue.data?.serving ?? 0)} />
              </Col>
              <Col span={4}>
                <Statistic title="已办结" value={queue.data?.done ?? 0} />
              </Col>
              <Col span={4}>
                <Statistic title="过号" value={queue.data?.noShow ?? 0} />
              </Col>
              <Col span={6}>
                <Statistic
                  title="平均等候"
                  value={queue.data?.averageWaitMinutes ?? '—'}
                  suffix={queue.data?.averageWaitMinutes != null ? '分钟' : undefined}
                />
              </Col>
            </Row>
          </Card>
          <Card size="small" title="今日队列">
            <Table<TicketView>
              rowKey="id"
              size="small"
              pagination={false}
              loading={queue.isLoading}
              dataSource={tickets}
              scroll={{ y: 'calc(100vh - 420px)' }}
              columns={[
                { title: '号码', dataIndex: 'number', width: 70, render: (n: string) => <strong>{n}</strong> },
                { title: '业务', dataIndex: 'service', width: 80, render: (s: CounterService) => serviceLabel(s) },
                {
                  title: '当事人',
                  dataIndex: 'names',
                  ellipsis: true,
                  render: (n: string | null, t) => n ?? (t.appointmentId ? '预约' : '—'),
                },
                { title: '预约时段', dataIndex: 'slotStart', width: 80, render: (s: string | null) => s ?? '' },
                { title: '取号', dataIndex: 'issuedAt', width: 60, render: (v: string) => officeClock(v) },
                {
                  title: '状态',
                  key: 'status',
                  width: 130,
                  render: (_, t) => (
                    <Space size={4}>
                      <TicketStatusTag status={t.status} transferredTo={t.transferredTo} />
                      {t.status === 'waiting' ? (
                        <Typography.Text type="secondary">前 {t.ahead}</Typography.Text>
                      ) : t.counter ? (
                        `${t.counter}号`
                      ) : (
                        ''
                      )}
                    </Space>
                  ),
                },
                {
                  title: '',
                  key: 'print',
                  width: 50,
                  render: (_, t) => (
                    <Button
                      size="small"
                      type="text"
                      aria-label={`打印 ${t.number}`}
                      icon={<PrinterOutlined />}
                      onClick={() => pdf.mutate({ id: t.id })}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <FormModal<{ service: CounterService; names?: string }>
        title="现场取号"
        open={walkInOpen}
        form={walkInForm}
        pending={walkIn.isPending}
        okText="取号并打印"
        initialValues={{ service: 'marriage' }}
        onSubmit={(v) => walkIn.mutate({ service: v.service, ...(v.names ? { names: v.names } : {}) })}
        onClose={() => setWalkInOpen(false)}
      >
        <Form.Item name="service" label="业务类型" rules={[{ required: true }]}>
          <Select options={serviceOptions} />
        </Form.Item>
        <Form.Item name="names" label="当事人（可不填）">
          <Input maxLength={60} autoFocus placeholder="如：张三、李四" />
        </Form.Item>
      </FormModal>

      <FormModal<{ toCounter: number }>
        title={current ? `把 ${current.number} 转到其他窗口` : '转窗口'}
        open={transferOpen}
        form={transferForm}
        pending={transfer.isPending}
        okText="转窗口"
        onSubmit={(v) => current && transfer.mutate({ id: current.id, counter, toCounter: v.toCounter })}
        onClose={() => setTransferOpen(false)}
      >
        <Form.Item name="toCounter" label="转至窗口" rules={[{ required: true, message: '请填写窗口号' }]}>
          <InputNumber min={1} max={counters} autoFocus style={{ width: 120 }} />
        </Form.Item>
      </FormModal>

      <PdfModal preview={previewOpen ? preview : null} onClose={() => setPreviewOpen(false)} />
    </>
  );
}
