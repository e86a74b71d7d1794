import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/fields';

// The marriage registry's counter (预约 / 叫号 / 窗口 / 颁证仪式): slot plans and peak days as data,
// appointments, queue tickets, "call next" per counter, the ticket receipt, ceremony bookings.

/** Service types at the registry window; the letter starts the day's ticket numbers (J001 …). */
export const counterServices = ['marriage', 'divorce', 'replacement', 'other'] as const;
export type CounterService = (typeof counterServices)[number];
export const counterServiceLabels: Record<CounterService, string> = {
  marriage: '结婚登记',
  divorce: '离婚登记',
  replacement: '补领证件',
  other: '其他业务',
};
export const counterServicePrefixes: Record<CounterService, string> = {
  marriage: 'J',
  divorce: 'L',
  replacement: 'B',
  other: 'Q',
};

export const ticketStatuses = ['waiting', 'called', 'serving', 'done', 'noShow', 'transferred'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketStatusLabels: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  done: '已办结',
  noShow: '过号未到',
  transferred: '已转窗口',
};

export const appointmentStatuses = ['booked', 'cancelled', 'checkedIn'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  checkedIn: '已签到取号',
};

export const peakRuleKinds = ['fixed', 'lunar', 'date'] as const;
export type PeakRuleKind = (typeof peakRuleKinds)[number];
export const peakRuleKindLabels: Record<PeakRuleKind, string> = {
  fixed: '每年公历',
  lunar: '每年农历',
  date: '单次日期',
};

// ── Fields ──────────────────────────────────────────────────────────────────
const civilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .describe('日期');
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM（24 小时制）' })
  .describe('时间');
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '月日格式应为 MM-DD，如 05-20' })
  .describe('月日');
const id = z.number().int().positive();
export const counterNumber = z.number().int().min(1).max(50).describe('窗口号');
export const counterService = z.enum(counterServices).describe('业务类型');
const personName = z.string().trim().min(1, { message: '请填写姓名' }).max(40).describe('姓名');
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/, { message: '请填写 11 位手机号或带区号的固定电话' })
  .describe('联系电话');
const optionalIdNumber = z.string().trim().max(30).optional().describe('身份证号码');
const note = z.string().trim().max(200).optional().describe('备注');

export const slotSchema = z
  .object({
    start: clockTime.describe('开始时间'),
    end: clockTime.describe('结束时间'),
    capacity: z.number().int().min(0).max(500).describe('时段容量'),
  })
  .strict();

export const planSaveInput = z
  .object({
    effectiveFrom: civilDate.describe('生效日期'),
    counters: z.number().int().min(1).max(50).describe('窗口数'),
    slots: z.array(slotSchema).min(1, { message: '至少设置一个时段' }).max(48).describe('时段'),
    note,
  })
  .strict();

export const peakSaveInput = z
  .object({
    id: id.optional().describe('规则编号'),
    name: z.string().trim().min(1).max(30).describe('名称'),
    kind: z.enum(peakRuleKinds).describe('规则类型'),
    /** fixed: Gregorian MM-DD; lunar: lunar month and day as MM-DD (七夕 = 07-07). */
    monthDay: monthDay.optional().describe('月日'),
    /** date: the one-off date. */
    date: civilDate.optional().describe('日期'),
    capacityFactor: z.number().min(0.1).max(10).describe('容量倍数'),
    openOnRestDay: z.boolean().describe('休息日开放'),
    active: z.boolean().default(true).describe('启用'),
  })
  .strict();

export const bookInput = z
  .object({
    date: civilDate.describe('预约日期'),
    slotStart: clockTime.describe('预约时段'),
    service: counterService,
    party1Name: personName.describe('当事人一姓名'),
    party1Phone: phoneNumber.describe('当事人一电话'),
    party1IdNumber: optionalIdNumber.describe('当事人一身份证号码'),
    party2Name: personName.optional().describe('当事人二姓名'),
    party2Phone: phoneNumber.optional().describe('当事人二电话'),
    party2IdNumber: optionalIdNumber.describe('当事人二身份证号码'),
    note,
  })
  .strict();

export const ceremonySessionInput = z
  .object({
    date: civilDate.describe('仪式日期'),
    startTime: clockTime.describe('开始时间'),
    hall: z.string().trim().min(1).max(30).describe('颁证厅'),
    capacity: z.number().int().min(1).max(200).describe('可容纳对数'),
    note,
  })
  .strict();

export const ceremonyBookInput = z
  .object({
    sessionId: id.describe('仪式场次'),
    appointmentId: id.optional().describe('关联预约'),
    party1Name: personName.optional().describe('当事人一姓名'),
    party2Name: personName.optional().describe('当事人二姓名'),
    phone: phoneNumber.optional().describe('联系电话'),
    note,
  })
  .strict();

// ── Views ───────────────────────────────────────────────────────────────────
export interface SlotView {
  start: string;
  end: string;
  capacity: number;
}

export interface PlanView {
  id: number;
  effectiveFrom: string;
  counters: number;
  slots: SlotView[];
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface PeakRuleView {
  id: number;
  name: string;
  kind: PeakRuleKind;
  monthDay: string | null;
  date: string | null;
  capacityFactor: number;
  openOnRestDay: boolean;
  active: boolean;
  /** The next date (today or later) the rule falls on, e.g. 七夕 2026 → 2026-08-19. */
  nextDate: string | null;
}

export interface DaySlotView extends SlotView {
  /** Capacity of the day (base × peak factor). */
  baseCapacity: number;
  booked: number;
  remaining: number;
}

export interface DayView {
  date: string;
  /** 工作日 / 周末 / 法定节假日：国庆节 … */
  calendar: string;
  weekday: string;
  /** Whether appointments can be made for this date. */
  open: boolean;
  /** Why not, in Chinese, when closed. */
  closedReason: string | null;
  peak: { names: string[]; capacityFactor: number; openedOnRestDay: boolean } | null;
  counters: number;
  slots: DaySlotView[];
  totalCapacity: number;
  totalBooked: number;
}

export interface AppointmentView {
  id: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  service: CounterService;
  party1Name: string;
  party1Phone: string;
  /** Masked (500118********1234). */
  party1IdNumber: string | null;
  party2Name: string | null;
  party2Phone: string | null;
  party2IdNumber: string | null;
  status: AppointmentStatus;
  ticketNumber: string | null;
  note: string | null;
  createdAt: string;
}

export interface TicketView {
  id: number;
  date: string;
  number: string;
  service: CounterService;
  status: TicketStatus;
  appointmentId: number | null;
  slotStart: string | null;
  names: string | null;
  counter: number | null;
  /** Target counter while status is transferred. */
  transferredTo: number | null;
  callCount: number;
  issuedAt: string;
  calledAt: string | null;
  servingAt: string | null;
  finishedAt: string | null;
  /** Waiting tickets that will be called before this one (0 when it is not waiting). */
  ahead: number;
}

export interface QueueView {
  date: string;
  tickets: TicketView[];
  waiting: number;
  called: number;
  serving: number;
  done: number;
  noShow: number;
  /** Minutes from drawing to first call, over tickets called today; null before the first call. */
  averageWaitMinutes: number | null;
  /** Waiting tickets per service. */
  waitingByService: Record<CounterService, number>;
}

export interface CeremonyBookingView {
  id: number;
  sessionId: number;
  appointmentId: number | null;
  party1Name: string;
  party2Name: string;
  phone: string | null;
  status: 'booked' | 'cancelled';
  note: string | null;
  createdAt: string;
}

export interface CeremonySessionView {
  id: number;
  date: string;
  startTime: string;
  hall: string;
  capacity: number;
  booked: number;
  remaining: number;
  cancelled: boolean;
  note: string | null;
  /** Peak day names of the date (demand is higher). */
  peakNames: string[];
  bookings: CeremonyBookingView[];
}

const register = needs('marriage.register');
const supervise = needs('marriage.supervise');

export const marriageCounterContract = {
  'marriage.counter.plans': channel({
    input: z.object({}).strict(),
    output: returns<PlanView[]>(),
    access: register,
    summary: '预约号源方案（时段与容量、窗口数），按生效日期排列',
    mutates: false,
  }),
  'marriage.counter.savePlan': channel({
    input: planSaveInput,
    output: returns<PlanView>(),
    access: supervise,
    summary: '保存号源方案：自生效日期起的时段、容量与窗口数（同一生效日期则替换）',
    mutates: true,
  }),
  'marriage.counter.peakRules': channel({
    input: z.object({}).strict(),
    output: returns<PeakRuleView[]>(),
    access: register,
    summary: '高峰日规则（公历固定日、农历日如七夕、单次日期）',
    mutates: false,
  }),
  'marriage.counter.savePeakRule': channel({
    input: peakSaveInput,
    output: returns<PeakRuleView>(),
    access: supervise,
    summary: '新增或修改高峰日规则：容量倍数、休息日是否开放',
    mutates: true,
  }),
  'marriage.counter.day': channel({
    input: z.object({ date: civilDate }).strict(),
    output: returns<DayView>(),
    access: register,
    summary: '某日的预约号源：是否开放、高峰日、各时段容量与余量',
    mutates: false,
  }),
  'marriage.counter.appointments': channel({
    input: z.object({ date: civilDate }).strict(),
    output: returns<AppointmentView[]>(),
    access: register,
    summary: '某日的预约名单',
    mutates: false,
  }),
  'marriage.counter.book': channel({
    input: bookInput,
    output: returns<AppointmentView>(),
    access: register,
    summary: '预约：时段已满时拒绝并给出最近可约时段',
    mutates: true,
  }),
  'marriage.counter.cancelAppointment': channel({
    input: z.object({ id: id.describe('预约编号'), reason: z.string().trim().min(2).max(100).describe('取消原因') }).strict(),
    output: returns<AppointmentView>(),
    access: register,
    summary: '取消预约（释放号源）',
    mutates: true,
  }),
  'marriage.counter.checkIn': channel({
    input: z.object({ id: id.describe('预约编号') }).strict(),
    output: returns<TicketView>(),
    access: register,
    summary: '预约当事人到场签到并取号',
    mutates: true,
  }),
  'marriage.counter.walkIn': channel({
    input: z.object({ service: counterService, names: z.string().trim().max(60).optional().describe('当事人') }).strict(),
    output: returns<TicketView>(),
    access: register,
    summary: '现场取号（无预约）：当日按业务类型顺序编号，如 J001',
    mutates: true,
  }),
  'marriage.counter.queue': channel({
    input: z.object({ date: civilDate.optional() }).strict(),
    output: returns<QueueView>(),
    access: register,
    summary: '当日排队情况：各号状态、等候人数、平均等候时间',
    mutates: false,
  }),
  'marriage.counter.callNext': channel({
    input: z
      .object({ counter: counterNumber, services: z.array(counterService).max(4).optional().describe('本窗口办理的业务') })
      .strict(),
    output: returns<TicketView | null>(),
    access: register,
    summary: '本窗口叫下一位：转来的号优先，其次已到预约时段的预约号，再按取号先后',
    mutates: true,
  }),
  'marriage.counter.recall': channel({
    input: z.object({ id: id.describe('排队号'), counter: counterNumber }).strict(),
    output: returns<TicketView>(),
    access: register,
    summary: '重新呼叫已叫的号',
    mutates: true,
  }),
  'marriage.counter.setTicketStatus': channel({
    input: z
      .object({
        id: id.describe('排队号'),
        counter: counterNumber,
        status: z.enum(['serving', 'done', 'noShow']).describe('状态'),
      })
      .strict(),
    output: returns<TicketView>(),
    access: register,
    summary: '开始办理、办结或过号',
    mutates: true,
  }),
  'marriage.counter.transfer': channel({
    input: z
      .object({ id: id.describe('排队号'), counter: counterNumber, toCounter: counterNumber.describe('转至窗口') })
      .strict(),
    output: returns<TicketView>(),
    access: register,
    summary: '把号转到另一窗口（该窗口下次叫号时优先）',
    mutates: true,
  }),
  'marriage.counter.ticketPdf': channel({
    input: z.object({ id: id.describe('排队号') }).strict(),
    output: returns<FileOutput>(),
    access: register,
    summary: '打印排队小票（80 毫米宽，含二维码）',
    mutates: true,
  }),
  'marriage.counter.ceremonies': channel({
    input: z.object({ from: civilDate.describe('开始日期'), to: civilDate.describe('结束日期') }).strict(),
    output: returns<CeremonySessionView[]>(),
    access: register,
    summary: '颁证仪式场次与预订（含余位）',
    mutates: false,
  }),
  'marriage.counter.saveCeremonySession': channel({
    input: ceremonySessionInput,
    output: returns<CeremonySessionView>(),
    access: supervise,
    summary: '新增颁证仪式场次（颁证厅、时间、可容纳对数）',
    mutates: true,
  }),
  'marriage.counter.cancelCeremonySession': channel({
    input: z.object({ id: id.describe('仪式场次'), reason: z.string().trim().min(2).max(100).describe('取消原因') }).strict(),
    output: returns<CeremonySessionView>(),
    access: supervise,
    summary: '取消颁证仪式场次（须无有效预订）',
    mutates: true,
  }),
  'marriage.counter.bookCeremony': channel({
    input: ceremonyBookInput,
    output: returns<CeremonySessionView>(),
    access: register,
    summary: '预订颁证仪式（关联预约或直接填写双方姓名），满员时拒绝',
    mutates: true,
  }),
  'marriage.counter.cancelCeremonyBooking': channel({
    input: z.object({ id: id.describe('仪式预订') }).strict(),
    output: returns<CeremonySessionView>(),
    access: register,
    summary: '取消颁证仪式预订',
    mutates: true,
  }),
};
