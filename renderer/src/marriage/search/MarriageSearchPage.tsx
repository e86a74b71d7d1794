import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { RegistrationView } from '../../../../main/marriage/contract';
import {
  SEARCH_LIMIT,
  registrationSourceLabels,
  registrationSources,
  registrationStatuses,
  type RegistrationSource,
} from '../../../../main/marriage/search/contract';
import { useCall, useMutate } from '../../app/api';
import { downloadFile } from '../../app/download';
import type { InputOf } from '../../app/contract';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../../app/session';

type Search = InputOf<'marriage.search'>;
type Status = (typeof registrationStatuses)[number];

const statusLabels: Record<Status, string> = { registered: '已登记', dissolved: '已解除' };

/** The search lives in the address (?q=…&from=…): going back from a record brings the results back. */
function searchFromParams(p: URLSearchParams): Search | null {
  const s: Search = {};
  const q = p.get('q')?.trim();
  if (q) s.query = q;
  const from = p.get('from');
  const to = p.get('to');
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) s.from = from;
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) s.to = to;
  const status = p.get('status');
  if (status && (registrationStatuses as readonly string[]).includes(status)) s.status = status as Status;
  const source = p.get('source');
  if (source && (registrationSources as readonly string[]).includes(source)) s.source = source as RegistrationSource;
  return Object.keys(s).length > 0 ? s : null;
}

function paramsOf(s: Search): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.query) out.q = s.query;
  if (s.from) out.from = s.from;
  if (s.to) out.to = s.to;
  if (s.status) out.status = s.status;
  if (s.source) out.source = s.source;
  return out;
}

function PartyCell({ r, i }: { r: RegistrationView; i: 0 | 1 }) {
  const p = r.parties[i];
  return (
    <span>
      {p.name}{' '}
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
        {p.documentNumber ?? '（无证件号码）'}
      </Typography.Text>
    </span>
  );
}

/**
 * '/marriage/search': one box for certificate number, ID number, name (any part) or pinyin
 * initials, with date, status and source filters. Keyboard: the box has the focus, Enter searches,
 * ↓ moves into the results, ↑/↓ choose, Enter opens the record, Esc returns to the box.
 */
export function MarriageSearchPage() {
  const [params, setParams] = useSearchParams();
  const submitted = searchFromParams(params);
  const [text, setText] = useState(submitted?.query ?? '');
  const [selected, setSelected] = useState(0);
  const [fullNumbers, setFullNumbers] = useState(false);
  const box = useRef<InputRef>(null);
  const list = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const supervisor = usePermissions().has('marriage.supervise');

  const results = useCall('marriage.search', submitted ?? { query: '' }, { enabled: submitted !== null });
  const rows = submitted ? (results.data ?? []) : [];
  const exporting = useMutate('marriage.search.export', { onSuccess: downloadFile, success: '已导出' });

  const apply = (next: Search) => {
    const clean = { ...next, query: next.query?.trim() || undefined };
    setSelected(0);
    setParams(paramsOf(clean));
  };
  const current: Search = submitted ?? {};
  const setFilter = (patch: Partial<Search>) => apply({ ...current, query: text, ...patch });

  const open = (r: RegistrationView | undefined) => {
    if (r) void navigate(`/marriage/records/${r.id}`);
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, rows.length - 1));
    else if (e.key === 'ArrowUp') {
      if (selected === 0) box.current?.focus();
      else setSelected((i) => i - 1);
    } else if (e.key === 'Enter') open(rows[selected]);
    else if (e.key === 'Escape') box.current?.focus();
    else return;
    e.preventDefault();
  };

  const range: [Dayjs | null, Dayjs | null] | null =
    current.from || current.to ? [current.from ? dayjs(current.from) : null, current.to ? dayjs(current.to) : null] : null;

  return (
    <>
      <PageHeader
        title="婚姻登记查询"
        extra={
          submitted &&
          rows.length > 0 && (
            <Space>
              {supervisor && (
                <Checkbox checked={fullNumbers} onChange={(e) => setFullNumbers(e.target.checked)} data-testid="export-full">
                  导出完整证件号码（记入审计日志）
                </Checkbox>
              )}
              {(['xlsx', 'csv'] as const).map((format) => (
                <Button
                  key={format}
                  icon={<DownloadOutlined />}
                  loading={exporting.isPending && exporting.variables?.format === format}
                  onClick={() => exporting.mutate({ ...submitted, format, fullDocumentNumbers: supervisor && fullNumbers })}
                >
                  导出 {format === 'xlsx' ? 'Excel' : 'CSV'}
                </Button>
              ))}
            </Space>
          )
        }
      />
      <Card size="small">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space.Compact style={{ width: 720, maxWidth: '100%' }}>
            <Input
              ref={box}
              autoFocus
              allowClear
              size="large"
              aria-label="查找婚姻登记"
              data-testid="marriage-search-box"
              placeholder="结婚证字号 / 证件号码 / 姓名（可输入其中几个字）/ 拼音首字母，如 zsf"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPressEnter={() => apply({ ...current, query: text })}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && rows.length > 0) {
                  e.preventDefault();
                  setSelected(0);
                  list.current?.focus();
                }
              }}
            />
            <Button size="large" type="primary" icon={<SearchOutlined />} onClick={() => apply({ ...current, query: text })}>
              查找
            </Button>
          </Space.Compact>
          <Flex gap={12} wrap align="center">
            <span>登记日期</span>
            <DatePicker.RangePicker
              aria-label="登记日期范围"
              allowEmpty={[true, true]}
              placeholder={['起始日期', '截止日期']}
              value={range}
              onChange={(v) =>
                setFilter({ from: v?.[0]?.format('YYYY-MM-DD') ?? undefined, to: v?.[1]?.format('YYYY-MM-DD') ?? undefined })
              }
            />
            <Select<Status | ''>
              aria-label="状态"
              style={{ width: 160 }}
              value={current.status ?? ''}
              onChange={(v) => setFilter({ status: v || undefined })}
              options={[
                { value: '', label: '全部状态' },
                ...registrationStatuses.map((s) => ({ value: s, label: statusLabels[s] })),
              ]}
            />
            <Select<RegistrationSource | ''>
              aria-label="来源"
              style={{ width: 180 }}
              value={current.source ?? ''}
              onChange={(v) => setFilter({ source: v || undefined })}
              options={[
                { value: '', label: '全部来源' },
                ...registrationSources.map((s) => ({ value: s, label: registrationSourceLabels[s] })),
              ]}
            />
            <Typography.Text type="secondary">Enter 查找，↓ 进入结果，↑↓ 选择，Enter 打开记录，Esc 回到查找框</Typography.Text>
          </Flex>
        </Space>
      </Card>

      {results.error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={results.error.message} />}
      {submitted && results.data && (
        <div
          ref={list}
          tabIndex={0}
          onKeyDown={onListKey}
          aria-label="查找结果"
          data-testid="marriage-search-results"
          style={{ marginTop: 16, outline: 'none' }}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {rows.length === SEARCH_LIMIT
              ? `仅显示登记日期最近的 ${SEARCH_LIMIT} 条，请补充姓名、日期等条件缩小范围`
              : `找到 ${rows.length} 条`}
            ；证件号码已脱敏，打开记录可见完整号码。
          </Typography.Paragraph>
          <Table<RegistrationView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: '未找到相符的婚姻登记记录' }}
            onRow={(r, i) => ({
              onClick: () => open(r),
              'aria-selected': i === selected,
              style: { cursor: 'pointer', background: i === selected ? 'var(--ant-color-primary-bg, #e6f4ff)' : undefined },
            })}
            columns={[
              {
                title: '结婚证字号',
                dataIndex: 'certificateNumber',
                render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
              },
              { title: '登记日期', dataIndex: 'registrationDate', width: 110 },
              { title: '男方', key: 'm', render: (_: unknown, r) => <PartyCell r={r} i={0} /> },
              { title: '女方', key: 'f', render: (_: unknown, r) => <PartyCell r={r} i={1} /> },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: Status) => (s === 'registered' ? <Tag color="green">已登记</Tag> : <Tag>已解除</Tag>),
              },
              {
                title: '来源',
                dataIndex: 'source',
                width: 120,
                render: (s: RegistrationSource) => (s === 'archive' ? <Tag color="gold">历史档案</Tag> : '窗口登记'),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
