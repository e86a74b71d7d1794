import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import {
  formatFen,
  monthLabel,
  type MonthSummary,
  type SettlementRow,
  type SettlementSheet,
} from '../../../../main/funeral/waivers/contract';
import { call, useCall, useMutate, useReportError } from '../../app/api';
import { ConfirmButton } from '../../app/ConfirmButton';
import { PageHeader } from '../../app/PageHeader';
import { PdfDocuments } from '../../app/PdfDocuments';
import { usePermissions } from '../../app/session';
import { downloadFile } from '../../app/download';
import { canApprove, previousMonth } from './common';

type HomeLine = MonthSummary['homes'][number];
const statusTag = (s: HomeLine['status']) =>
  s === 'settled' ? <Tag color="green">已结算</Tag> : s === 'open' ? <Tag color="blue">待结算</Tag> : <Tag>无记录</Tag>;

/** 月度结算: each funeral home's sheet for a month, its PDF and Excel, and (approver) 确认结算. */
export function SettlementPage() {
  const [month, setMonth] = useState(() => previousMonth(localTodayIso()));
  const [homeId, setHomeId] = useState<number | null>(null);
  const summary = useCall('funeral.waivers.monthSummary', { month });
  const chosen = homeId ?? summary.data?.homes.find((h) => h.status !== 'empty')?.funeralHomeId ?? null;

  return (
    <>
      <PageHeader
        title="惠民殡葬减免月度结算"
        extra={
          <Space>
            结算月份
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d: Dayjs | null) => {
                if (d) setMonth(d.format('YYYY-MM'));
                setHomeId(null);
              }}
              data-testid="settlement-month"
            />
          </Space>
        }
      />
      {summary.error && <Alert type="error" showIcon title={summary.error.message} style={{ marginBottom: 12 }} />}
      <Card size="small" title={`${monthLabel(month)} 各殡仪馆`} style={{ marginBottom: 12 }}>
        <Table<HomeLine>
          rowKey="funeralHomeId"
          size="small"
          pagination={false}
          loading={summary.isLoading}
          dataSource={summary.data?.homes ?? []}
          rowClassName={(h) => (h.funeralHomeId === chosen ? 'ant-table-row-selected' : '')}
          onRow={(h) => ({ onClick: () => setHomeId(h.funeralHomeId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '殡仪馆', dataIndex: 'funeralHomeName' },
            { title: '笔数', dataIndex: 'count', width: 80, align: 'right' },
            { title: '减免金额', dataIndex: 'waivedFen', width: 140, align: 'right', render: (v: number) => formatFen(v) },
            { title: '状态', dataIndex: 'status', width: 100, render: statusTag },
            {
              title: '',
              key: 'open',
              width: 90,
              render: (_, h) => (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setHomeId(h.funeralHomeId)}
                  data-testid={`open-sheet-${h.funeralHomeId}`}
                >
                  结算单
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {chosen !== null ? (
        <SheetCard homeId={chosen} month={month} />
      ) : (
        summary.data && <Empty description={`${monthLabel(month)}各殡仪馆均无减免记录`} />
      )}
    </>
  );
}

function SheetCard({ homeId, month }: { homeId: number; month: string }) {
  const permissions = usePermissions();
  const report = useReportError();
  const [exporting, setExporting] = useState(false);
  const sheet = useCall('funeral.waivers.settlement', { funeralHomeId: homeId, month });
  const settle = useMutate('funeral.waivers.settle', {
    success: '已确认结算，本月减免记录已锁定',
    invalidates: ['funeral.waivers.settlement', 'funeral.waivers.monthSummary', 'funeral.waivers.list', 'funeral.waivers.get'],
  });
  if (sheet.error) return <Alert type="error" showIcon title={sheet.error.message} />;
  const s: SettlementSheet | undefined = sheet.data;
  if (!s) return null;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      downloadFile(await call('funeral.waivers.settlementXlsx', { funeralHomeId: homeId, month }));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="settlement-sheet"
      title={
        <Space>
          {s.funeralHome.name} {s.monthLabel} 结算单
          {s.status === 'settled' ? (
            <Tag color="green">已于 {s.settledAt?.slice(0, 10)} 结算</Tag>
          ) : (
            <Tag color="blue">未结算</Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          <PdfDocuments
            items={[
              {
                key: 'sheet',
                label: '结算单 PDF',
                generate: () => call('funeral.waivers.settlementPdf', { funeralHomeId: homeId, month }),
              },
            ]}
          />
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="export-xlsx">
            导出 Excel
          </Button>
          {canApprove(permissions) && s.status === 'open' && s.rows.length > 0 && (
            <ConfirmButton
              title={`确认结算 ${s.funeralHome.name} ${s.monthLabel}？`}
              description={`${s.totals.count} 笔，减免合计 ${formatFen(s.totals.waivedFen)}。结算后本月这些记录将锁定，不能更正或作废。`}
              okText="确认结算"
              onConfirm={() =>
                settle.mutate({
                  funeralHomeId: homeId,
                  month,
                  expectedCount: s.totals.count,
                  expectedWaivedFen: s.totals.waivedFen,
                })
              }
              buttonProps={{ type: 'primary', disabled: !s.monthEnded || settle.isPending, 'data-testid': 'settle' }}
            >
              确认结算
            </ConfirmButton>
          )}
        </Space>
      }
    >
      {s.sample && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="本结算单的记录按示例减免标准计算（示例数据，请按本地政策修改），不能作为正式结算依据"
        />
      )}
      {s.status === 'open' && !s.monthEnded && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`${s.monthLabel}尚未结束：月份结束后方可确认结算`} />
      )}
      <Table<SettlementRow>
        rowKey="waiverId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={s.rows}
        columns={[
          { title: '序号', dataIndex: 'no', width: 56 },
          { title: '减免编号', dataIndex: 'number', width: 180 },
          { title: '逝者', dataIndex: 'deceasedName', width: 90 },
          { title: '身份证号码', dataIndex: 'deceasedIdMasked', width: 180 },
          { title: '死亡日期', dataIndex: 'deathDate', width: 105 },
          { title: '类别', dataIndex: 'categoryName', width: 110 },
          ...s.items.map((it) => ({
            title: it.name,
            key: it.code,
            align: 'right' as const,
            width: 100,
            render: (_: unknown, r: SettlementRow) =>
              r.waivedByItem[it.code] === undefined ? '—' : formatFen(r.waivedByItem[it.code]!),
          })),
          { title: '实际费用', dataIndex: 'actualFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
          { title: '减免合计', dataIndex: 'waivedFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
          { title: '家属自付', dataIndex: 'familyPaysFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
        ]}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0} colSpan={6}>
              合计 {s.totals.count} 笔
            </Table.Summary.Cell>
            {s.items.map((it, i) => (
              <Table.Summary.Cell key={it.code} index={6 + i} align="right">
                {formatFen(s.totals.byItem[it.code] ?? 0)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={6 + s.items.length} align="right">
              {formatFen(s.totals.actualFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7 + s.items.length} align="right">
              <span data-testid="sheet-total">{formatFen(s.totals.waivedFen)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8 + s.items.length} align="right">
              {formatFen(s.totals.familyPaysFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {s.byCategory.length > 0 && (
        <Flex gap={16} style={{ marginTop: 8 }} wrap>
          {s.byCategory.map((c) => (
            <Typography.Text key={c.code} type="secondary">
              {c.name}：{c.count} 笔，{formatFen(c.waivedFen)}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}
