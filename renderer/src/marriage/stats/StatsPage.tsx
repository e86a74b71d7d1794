import { FileExcelOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { StatsPeriod, StatsReport } from '../../../../main/marriage/stats/contract';
import { call, useCall, useReportError } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { PeriodPicker, thisMonth, toPeriod, type PeriodChoice } from '../../app/PeriodPicker';
import { PdfDocuments } from '../../app/PdfDocuments';
import { ageOption, originOption, trendOption } from './charts';
import { downloadFile } from '../../app/download';
import { EChart } from '../../app/EChart';
import { StatsTableCard } from './StatsTableCard';

function Highlights({ r }: { r: StatsReport }) {
  const f = r.figures;
  const age = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  return (
    <Row gutter={[16, 16]}>
      {[
        { title: '结婚登记（对）', value: f.marriages.total, testId: 'stat-marriages' },
        { title: '离婚登记（对）', value: f.divorces.total, testId: 'stat-divorces' },
        { title: '跨省通办（对）', value: f.crossProvince, testId: 'stat-cross' },
        {
          title: '平均初婚年龄 男 / 女（岁）',
          value: `${age(f.averageFirstMarriageAge.male)} / ${age(f.averageFirstMarriageAge.female)}`,
        },
        { title: `上年同期结婚（${r.previous.label}）`, value: r.previous.marriages },
      ].map((s) => (
        <Col key={s.title} flex="1 1 200px">
          <Card size="small" data-testid={s.testId}>
            <Statistic title={s.title} value={s.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** '/marriage/stats': monthly and yearly statistics in the Ministry's categories, with charts and exports. */
export function StatsPage() {
  const [choice, setChoice] = useState<PeriodChoice>(thisMonth);
  const period: StatsPeriod = toPeriod(choice);
  const report = useCall('marriage.stats.report', { period }, { placeholderData: keepPreviousData });
  const reportError = useReportError();
  const [exporting, setExporting] = useState(false);
  const r = report.data;
  const charts = useMemo(() => r && { trend: trendOption(r), origin: originOption(r), age: ageOption(r) }, [r]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      downloadFile(await call('marriage.stats.documents.xlsx', { period }));
    } catch (e) {
      reportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="婚姻登记统计"
        extra={
          <Space wrap>
            <PeriodPicker value={choice} onChange={setChoice} testId="stats-period" />
            <PdfDocuments
              items={[{ key: 'pdf', label: '导出 PDF', generate: () => call('marriage.stats.documents.pdf', { period }) }]}
            />
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
          </Space>
        }
      >
        {r && (
          <Typography.Text type="secondary" data-testid="stats-period-label">
            {r.officeName} · {r.label}（{r.from} 至 {r.to}）
          </Typography.Text>
        )}
      </PageHeader>
      {report.isLoading && <Spin />}
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      {r && charts && (
        <Space orientation="vertical" size={16} style={{ width: '100%', opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          {!r.complete && (
            <Alert type="info" showIcon title={`统计期间尚未结束，数据截至 ${r.asOf}，之后办理的登记还会计入本期。`} />
          )}
          <Highlights r={r} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={r.period.month === null ? '分月趋势' : '近 12 个月趋势'}>
                <EChart option={charts.trend} label="结婚登记与离婚登记分月趋势图" testId="chart-trend" />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title="结婚登记类别">
                <EChart option={charts.origin} label="结婚登记按当事人类别分布图" testId="chart-origin" />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title="结婚登记人员年龄">
                <EChart option={charts.age} label="结婚登记人员年龄段分布图" testId="chart-age" />
              </Card>
            </Col>
          </Row>
          {r.monthlyTable && <StatsTableCard table={r.monthlyTable} />}
          <Row gutter={[16, 16]}>
            {r.tables.map((t) => (
              <Col key={t.key} xs={24} xl={12}>
                <StatsTableCard table={t} />
              </Col>
            ))}
          </Row>
        </Space>
      )}
    </>
  );
}
