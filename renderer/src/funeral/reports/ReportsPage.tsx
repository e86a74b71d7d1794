import { FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Progress, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatFen } from '../../../../main/funeral/cemeteries/contract';
import { percentText, type FuneralIndicators, type IndicatorsPeriod } from '../../../../main/funeral/reports/contract';
import { call, useCall, useReportError } from '../../app/api';
import { downloadFile } from '../../app/download';
import { PageHeader } from '../../app/PageHeader';
import { PeriodPicker, thisMonth, toPeriod, type PeriodChoice } from '../../app/PeriodPicker';
import { PdfDocuments } from '../../app/PdfDocuments';
import { EChart } from '../../app/EChart';
import { cemeteriesOption, monthsOption, subsidiesOption, waiversOption } from './charts';
import { ReportTableCard } from './ReportTableCard';

// 殡葬统计: a month or a year of burials, the eco-burial rate, township coverage, subsidies and fee
// waivers, with charts, the tables the PDF and the Excel workbook print, and how each is counted.

/** The two rates first (what the bureau reports upwards), then the period's totals. */
function Highlights({ r }: { r: FuneralIndicators }) {
  const rate = (title: string, percent: number | null, detail: string, testId: string) => (
    <Col xs={24} md={12} xl={6}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={percentText(percent) ?? '—'} styles={{ content: { color: '#9b1c1c' } }} />
        <Progress percent={percent ?? 0} showInfo={false} size="small" strokeColor="#389e0d" />
        <Typography.Text type="secondary">{detail}</Typography.Text>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {rate('节地生态安葬率', r.ecoRate.percent, `节地生态 ${r.ecoRate.eco} ÷ 安葬总数 ${r.ecoRate.total}`, 'kpi-eco-rate')}
      {rate(
        '公益性安葬设施覆盖率',
        r.coverage.percent,
        r.coverage.townships === 0
          ? '尚未维护乡镇（街道）名单'
          : `覆盖乡镇 ${r.coverage.covered} ÷ 乡镇总数 ${r.coverage.townships}`,
        'kpi-coverage',
      )}
      <Col xs={12} xl={4}>
        <Card size="small" data-testid="kpi-burials">
          <Statistic title="安葬总数" value={r.burials.total} />
          <Typography.Text type="secondary">
            公墓 {r.burials.inCemeteries}，无墓位 {r.burials.plotless}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} xl={4}>
        <Card size="small" data-testid="kpi-subsidies">
          <Statistic title="奖补已发放" value={formatFen(r.subsidies.paidFen)} />
          <Typography.Text type="secondary">受理 {r.subsidies.count} 件</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} xl={4}>
        <Card size="small" data-testid="kpi-waivers">
          <Statistic title="惠民殡葬减免" value={formatFen(r.waivers.waivedFen)} />
          <Typography.Text type="secondary">{r.waivers.count} 人</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

/** '/funeral/reports': the funeral indicators of a month or a year, with charts and exports. */
export function ReportsPage() {
  const [choice, setChoice] = useState<PeriodChoice>(thisMonth);
  const period: IndicatorsPeriod = toPeriod(choice);
  const report = useCall('funeral.reports.indicators', period, { placeholderData: keepPreviousData });
  const reportError = useReportError();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const r = report.data;
  const charts = useMemo(
    () =>
      r && { months: monthsOption(r), cemeteries: cemeteriesOption(r), subsidies: subsidiesOption(r), waivers: waiversOption(r) },
    [r],
  );

  const exportXlsx = async () => {
    setExporting(true);
    try {
      downloadFile(await call('funeral.reports.xlsx', period));
    } catch (e) {
      reportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="殡葬统计"
        extra={
          <Space wrap>
            <PeriodPicker value={choice} onChange={setChoice} testId="report-period" />
            <PdfDocuments items={[{ key: 'pdf', label: '导出 PDF', generate: () => call('funeral.reports.pdf', period) }]} />
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="export-xlsx">
              导出 Excel
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => void navigate('/funeral/reports/settings')}>
              统计口径与乡镇名单
            </Button>
          </Space>
        }
      >
        {r && (
          <Typography.Text type="secondary" data-testid="report-period-label">
            {r.officeName} · {r.label}（{r.from} 至 {r.to}）
          </Typography.Text>
        )}
      </PageHeader>
      {report.isLoading && <Spin />}
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      {r && charts && (
        <Space orientation="vertical" size={16} style={{ width: '100%', opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          {!r.complete && (
            <Alert
              type="info"
              showIcon
              title={`统计期间尚未结束，数据截至 ${r.asOf}，之后办理的安葬、奖补和减免还会计入本期。`}
            />
          )}
          {r.coverage.townships === 0 && (
            <Alert
              type="warning"
              showIcon
              title="尚未维护本区乡镇（街道）名单，无法计算公益性安葬设施覆盖率。"
              description={<Link to="/funeral/reports/settings">由殡葬审批员在“统计口径与乡镇名单”中录入</Link>}
            />
          )}
          {r.ecoForms.isSample && (
            <Alert
              type="warning"
              showIcon
              title="节地生态安葬率按系统预置的示例口径统计，请殡葬审批员按本地统计口径核实后新增口径版本。"
            />
          )}
          <Highlights r={r} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={r.period.month === null ? '分月安葬（按安葬方式）' : '近 12 个月安葬（按安葬方式）'}>
                <EChart option={charts.months} label="按月份、安葬方式堆叠的安葬数柱状图" testId="chart-months" height={280} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="各公墓安葬">
                <EChart
                  option={charts.cemeteries}
                  label="各公墓安葬数（节地生态与其他）条形图"
                  testId="chart-cemeteries"
                  height={280}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title="奖补金额（按安葬方式、办理状态）">
                <EChart option={charts.subsidies} label="奖补金额按安葬方式与状态堆叠柱状图" testId="chart-subsidies" />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="减免金额（按减免类别）">
                <EChart option={charts.waivers} label="惠民殡葬减免金额按类别分布图" testId="chart-waivers" />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            {r.tables.map((t) => (
              // Two short tables side by side; the wide ones take the row.
              <Col key={t.key} xs={24} xl={t.key === 'subsidyStatus' || t.key === 'waivers' ? 12 : 24}>
                <ReportTableCard table={t} />
              </Col>
            ))}
          </Row>
          <Card size="small" title="统计口径说明">
            <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="report-notes">
              {r.notes.map((n) => (
                <li key={n}>
                  <Typography.Text type="secondary">{n}</Typography.Text>
                </li>
              ))}
            </ol>
          </Card>
        </Space>
      )}
    </>
  );
}
