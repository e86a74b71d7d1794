import { CheckCircleOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import { parseResidentId } from '../../../../main/core/idnumber/residentId';
import {
  formatFen,
  householdDivisionSchema,
  type ServiceItem,
  type WaiverInput,
  type WaiverListRow,
  type WaiverView,
} from '../../../../main/funeral/waivers/contract';
import { call, useCall, useMutate } from '../../app/api';
import { zodRule } from '../../app/formRules';
import { useSession } from '../../app/session';
import { fenToYuan, yuanToFen } from './common';
import { ComputationView } from './ComputationView';

// The waiver entry form, keyboard first: 身份证号码 (Enter reads birth date and sex, and looks for
// an existing waiver of the same person) → 姓名 → 死亡日期 → 户籍地 → 类别 → 证明编号 → 殡仪馆 →
// each service's quantity and actual cost (Tab) → Ctrl+Enter records. The amounts waived are never
// typed: the service computes them, and the panel on the right shows its working as you type.

interface LineValues {
  quantity?: number | null;
  actualYuan?: number | null;
}
export interface WaiverFormValues {
  deceasedIdNumber: string;
  deceasedName: string;
  deathDate?: string;
  householdDivision: string;
  categoryCode?: string;
  evidenceRef?: string;
  funeralHomeId?: number;
  lines: Record<string, LineValues | undefined>;
  note?: string;
  reason?: string;
}

const LAST_HOME = 'funeral.waivers.lastHome';
const sexLabel = { male: '男', female: '女' } as const;

/** The services with an actual cost typed (the others did not happen). `items`: keep only these. */
function linesOf(values: Partial<WaiverFormValues>, items?: readonly ServiceItem[]): WaiverInput['lines'] {
  return Object.entries(values.lines ?? {}).flatMap(([code, l]) => {
    const fen = yuanToFen(l?.actualYuan);
    if (fen === null || (items && !items.some((it) => it.code === code))) return [];
    return [{ itemCode: code, quantity: l?.quantity ?? 1, actualFen: fen }];
  });
}

export function valuesOf(v: WaiverView): WaiverFormValues {
  return {
    deceasedIdNumber: v.deceasedIdNumber,
    deceasedName: v.deceasedName,
    deathDate: v.deathDate,
    householdDivision: v.householdDivision,
    categoryCode: v.categoryCode,
    evidenceRef: v.evidenceRef ?? '',
    funeralHomeId: v.funeralHomeId,
    lines: Object.fromEntries(
      v.computation.lines.map((l) => [l.itemCode, { quantity: l.quantity, actualYuan: fenToYuan(l.actualFen) }]),
    ),
    note: v.note ?? '',
  };
}

export function WaiverForm({
  mode,
  initial,
  officeDivision,
  onDone,
  onCancel,
}: {
  mode: 'record' | 'correct';
  /** The record being corrected. */
  initial?: WaiverView;
  /** The office's division code: the household default for a new waiver. */
  officeDivision: string | null;
  onDone: (view: WaiverView) => void;
  onCancel?: () => void;
}) {
  const { phase } = useSession();
  const today = localTodayIso();
  const [form] = Form.useForm<WaiverFormValues>();
  const idInput = useRef<InputRef>(null);
  const [existing, setExisting] = useState<WaiverListRow | null>(null);
  const homes = useCall('funeral.waivers.homes', {});
  const values = (Form.useWatch([], form) ?? {}) as Partial<WaiverFormValues>;

  const initialValues = useMemo<Partial<WaiverFormValues>>(() => {
    if (initial) return valuesOf(initial);
    const last = Number(localStorage.getItem(LAST_HOME)) || undefined;
    return { householdDivision: officeDivision ?? '', funeralHomeId: last, lines: {} };
  }, [initial, officeDivision]);

  // The standard in force on the date of death (today's until a date is typed) and the live working.
  const deathDate = values.deathDate && /^\d{4}-\d{2}-\d{2}$/.test(values.deathDate) ? values.deathDate : today;
  const quote = useCall(
    'funeral.waivers.quote',
    {
      deathDate,
      categoryCode: values.categoryCode ?? null,
      householdDivision: values.householdDivision?.trim() || null,
      lines: linesOf(values),
    },
    { placeholderData: keepPreviousData },
  );
  const items = quote.data?.items ?? [];
  const categories = quote.data?.categories ?? [];
  const category = categories.find((c) => c.code === values.categoryCode);

  const record = useMutate('funeral.waivers.record', {
    form,
    invalidates: ['funeral.waivers.list', 'funeral.waivers.monthSummary', 'funeral.waivers.settlement'],
    onSuccess: (view, input) => {
      localStorage.setItem(LAST_HOME, String(input.funeralHomeId));
      onDone(view);
    },
  });
  const correct = useMutate('funeral.waivers.correct', {
    form,
    success: '减免记录已更正',
    invalidates: ['funeral.waivers.list', 'funeral.waivers.get', 'funeral.waivers.monthSummary', 'funeral.waivers.settlement'],
    onSuccess: (view) => onDone(view),
  });
  const busy = record.isPending || correct.isPending;

  const idInfo = useMemo(() => {
    const raw = values.deceasedIdNumber?.trim();
    if (!raw) return null;
    return parseResidentId(raw, today);
  }, [values.deceasedIdNumber, today]);

  /** Enter (or leaving the box) in 身份证号码: normalise, and look for a waiver of the same person. */
  const commitId = async (focusNext: boolean) => {
    const raw = (form.getFieldValue('deceasedIdNumber') as string | undefined) ?? '';
    const parsed = parseResidentId(raw, today);
    if (!parsed.ok) {
      setExisting(null);
      if (focusNext && raw.trim()) void form.validateFields(['deceasedIdNumber']).catch(() => undefined);
      return;
    }
    if (parsed.value.id !== raw) form.setFieldValue('deceasedIdNumber', parsed.value.id);
    if (focusNext) form.focusField('deceasedName');
    try {
      const found = await call('funeral.waivers.lookup', { idNumber: parsed.value.id });
      setExisting(found && found.id !== initial?.id ? found : null);
    } catch {
      setExisting(null);
    }
  };

  const submit = async () => {
    if (busy) return;
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.focusField(first.name);
      return;
    }
    const v = form.getFieldsValue(true) as WaiverFormValues;
    const input: WaiverInput = {
      deceasedName: v.deceasedName.trim(),
      deceasedIdNumber: v.deceasedIdNumber.trim(),
      householdDivision: v.householdDivision.trim(),
      deathDate: v.deathDate!,
      categoryCode: v.categoryCode!,
      evidenceRef: v.evidenceRef?.trim() || null,
      funeralHomeId: v.funeralHomeId!,
      lines: linesOf(v, items),
      note: v.note?.trim() || null,
    };
    if (mode === 'record') record.mutate(input);
    else correct.mutate({ id: initial!.id, ...input, reason: v.reason?.trim() ?? '' });
  };

  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    if (phase !== 'ready' || !((e.ctrlKey || e.metaKey) && e.key === 'Enter')) return;
    e.preventDefault();
    void submit();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onShortcut(e);
    // Capture phase: pickers and selects stop keydown from bubbling while they have the focus.
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  // One funeral home (the usual case in a county): choose it without asking.
  const onlyHome = homes.data?.filter((h) => h.active).length === 1 ? homes.data.find((h) => h.active)!.id : null;
  useEffect(() => {
    if (onlyHome !== null && form.getFieldValue('funeralHomeId') === undefined) form.setFieldValue('funeralHomeId', onlyHome);
  }, [onlyHome, form]);

  const homeOptions = (homes.data ?? [])
    .filter((h) => h.active || h.id === initial?.funeralHomeId)
    .map((h) => ({ value: h.id, label: h.name }));
  const computedFor = (code: string) => quote.data?.computation?.lines.find((l) => l.itemCode === code);

  return (
    <Form<WaiverFormValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '112px' }}
      wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      colon={false}
      requiredMark={false}
      initialValues={initialValues}
      onFinish={() => undefined}
      data-testid="waiver-form"
    >
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card size="small" title="逝者" style={{ marginBottom: 12 }}>
            <Form.Item
              name="deceasedIdNumber"
              label="身份证号码"
              rules={[{ required: true, whitespace: true, message: '请填写逝者身份证号码' }]}
              extra={
                idInfo?.ok ? (
                  <Typography.Text type="success" data-testid="id-info">
                    {idInfo.value.birthDate} 出生，{sexLabel[idInfo.value.sex]}
                    {idInfo.value.notice ? `（${idInfo.value.notice}）` : ''}
                  </Typography.Text>
                ) : null
              }
              validateStatus={idInfo && !idInfo.ok && values.deceasedIdNumber!.length >= 15 ? 'error' : undefined}
              help={idInfo && !idInfo.ok && values.deceasedIdNumber!.length >= 15 ? idInfo.message : undefined}
            >
              <Input
                ref={idInput}
                autoFocus={mode === 'record'}
                autoComplete="off"
                spellCheck={false}
                maxLength={24}
                placeholder="输入后按 Enter"
                style={{ fontFamily: 'Consolas, "Courier New", monospace' }}
                onBlur={() => void commitId(false)}
                onPressEnter={(e) => {
                  e.preventDefault();
                  void commitId(true);
                }}
                data-testid="deceased-id"
              />
            </Form.Item>
            {existing && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="existing-waiver"
                title={`该逝者已有减免记录 ${existing.number}（${existing.recordedOn} 登记，${existing.funeralHomeName}，减免 ${formatFen(existing.waivedFen)}）。每名逝者只能减免一次。`}
                action={<Link to={`/funeral/waivers/${existing.id}`}>查看</Link>}
              />
            )}
            <Form.Item name="deceasedName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写逝者姓名' }]}>
              <Input
                autoComplete="off"
                maxLength={60}
                onPressEnter={(e) => {
                  e.preventDefault();
                  form.focusField('deathDate');
                }}
                data-testid="deceased-name"
              />
            </Form.Item>
            <Form.Item
              name="deathDate"
              label="死亡日期"
              rules={[{ required: true, message: '请填写死亡日期' }]}
              getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
              extra="按死亡日期适用当时施行的减免标准"
            >
              <DatePicker
                format={['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD']}
                placeholder="如 2026-05-02"
                disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
                style={{ width: 200 }}
                data-testid="death-date"
              />
            </Form.Item>
            <Form.Item
              name="householdDivision"
              label="户籍所在地"
              rules={[zodRule(householdDivisionSchema)]}
              extra="行政区划代码：6 位县级、9 位乡镇或 12 位村居"
            >
              <Input autoComplete="off" maxLength={12} style={{ width: 200 }} data-testid="household" />
            </Form.Item>
          </Card>

          <Card size="small" title="减免类别与殡仪馆" style={{ marginBottom: 12 }}>
            <Form.Item name="categoryCode" label="减免对象类别" rules={[{ required: true, message: '请选择减免对象类别' }]}>
              <Select
                showSearch={{ optionFilterProp: ['label'] }}
                placeholder="选择或输入类别"
                options={categories.map((c) => ({
                  value: c.code,
                  label: `${c.name}（封顶 ${formatFen(c.capFen)}${c.localOnly ? '，限本地户籍' : ''}）`,
                }))}
                data-testid="category"
              />
            </Form.Item>
            <Form.Item
              name="evidenceRef"
              label={category?.evidenceLabel ?? '证明材料编号'}
              rules={[
                { required: !!category?.evidenceLabel, whitespace: true, message: `请填写${category?.evidenceLabel ?? ''}` },
              ]}
            >
              <Input autoComplete="off" maxLength={60} data-testid="evidence" />
            </Form.Item>
            <Form.Item name="funeralHomeId" label="殡仪馆" rules={[{ required: true, message: '请选择殡仪馆' }]}>
              <Select
                showSearch={{ optionFilterProp: ['label'] }}
                options={homeOptions}
                placeholder={homes.data?.length === 0 ? '尚未登记殡仪馆（区民政殡葬审批员维护）' : '选择殡仪馆'}
                data-testid="funeral-home"
              />
            </Form.Item>
          </Card>

          <Card size="small" title="实际发生的服务项目（填写实际费用，未发生的留空）" style={{ marginBottom: 12 }}>
            <Table<ServiceItem>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={items}
              loading={quote.isLoading}
              columns={[
                {
                  title: '项目',
                  key: 'name',
                  render: (_, it) => (
                    <span>
                      {it.name}
                      {category && (
                        <Tag style={{ marginLeft: 6 }} color={category.itemCodes.includes(it.code) ? 'green' : undefined}>
                          {category.itemCodes.includes(it.code) ? '可减免' : '不减免'}
                        </Tag>
                      )}
                    </span>
                  ),
                },
                {
                  title: '标准价',
                  key: 'price',
                  width: 130,
                  render: (_, it) => (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatFen(it.standardPriceFen)}/{it.unit}
                      {it.waivableQuantity > 1 ? `，至多 ${it.waivableQuantity} ${it.unit}` : ''}
                    </Typography.Text>
                  ),
                },
                {
                  title: '数量',
                  key: 'quantity',
                  width: 96,
                  render: (_, it) => (
                    <Form.Item name={['lines', it.code, 'quantity']} noStyle>
                      <InputNumber
                        min={1}
                        max={3650}
                        precision={0}
                        placeholder="1"
                        style={{ width: 80 }}
                        aria-label={`${it.name}数量`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '实际费用（元）',
                  key: 'actual',
                  width: 140,
                  render: (_, it) => (
                    <Form.Item name={['lines', it.code, 'actualYuan']} noStyle>
                      <InputNumber
                        min={0}
                        max={1_000_000}
                        precision={2}
                        style={{ width: 124 }}
                        aria-label={`${it.name}实际费用`}
                        data-testid={`actual-${it.code}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '减免',
                  key: 'waived',
                  width: 100,
                  align: 'right',
                  render: (_, it) => {
                    const l = computedFor(it.code);
                    return l ? formatFen(l.waivedFen) : '';
                  },
                },
              ]}
            />
          </Card>

          <Form.Item name="note" label="备注">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
          </Form.Item>
          {mode === 'correct' && (
            <Form.Item
              name="reason"
              label="更正原因"
              rules={[{ required: true, whitespace: true, min: 2, message: '请填写更正原因（至少 2 个字）' }]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="correct-reason" />
            </Form.Item>
          )}
        </Col>

        <Col xs={24} xl={11}>
          <Card
            size="small"
            title="减免计算（由系统按标准计算）"
            style={{ position: 'sticky', top: 8 }}
            extra={quote.isFetching ? <Typography.Text type="secondary">计算中…</Typography.Text> : null}
          >
            {quote.data?.problems.map((p) => (
              <Alert key={p} type="error" showIcon title={p} style={{ marginBottom: 8 }} data-testid="quote-problem" />
            ))}
            {quote.data?.computation ? (
              <ComputationView computation={quote.data.computation} compact />
            ) : (
              <Typography.Text type="secondary">选择减免对象类别并填写实际费用后，这里显示逐项减免和封顶计算。</Typography.Text>
            )}
            <Flex gap={12} style={{ marginTop: 16 }} align="center" wrap>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={busy}
                disabled={!!existing}
                onClick={() => void submit()}
                data-testid="submit-waiver"
              >
                {mode === 'record' ? '登记减免（Ctrl+Enter）' : '保存更正（Ctrl+Enter）'}
              </Button>
              {onCancel && <Button onClick={onCancel}>取消</Button>}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
