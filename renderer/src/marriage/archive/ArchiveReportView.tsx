import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import type { ArchiveProblem, ArchiveReport } from '../../../../main/marriage/archive/contract';
import { downloadBlob } from '../../app/download';

/** The problem list as a CSV the person fixing the spreadsheet can keep beside it. */
function downloadProblems(report: ArchiveReport): void {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [
    '行号,列,问题',
    ...report.problems.map((p) => [p.row === null ? '整个文件' : String(p.row), p.column ?? '', p.problem].map(cell).join(',')),
  ];
  downloadBlob(
    new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }),
    `${report.fileName.replace(/\.[^.]+$/, '')}-问题清单.csv`,
  );
}

/** A check's (or a refused import's) findings: the counts, then every problem by row and column. */
export function ArchiveReportView({ report }: { report: ArchiveReport }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="archive-report">
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: 'file', label: '文件', children: `${report.fileName}（${report.format.toUpperCase()}）` },
          { key: 'rows', label: '数据行', children: report.rows },
          { key: 'valid', label: '无误的行', children: report.validRows },
          { key: 'problems', label: '问题', children: report.problemCount },
        ]}
      />
      {report.canImport ? (
        <Alert type="success" showIcon title={`全部 ${report.rows} 行均无误，可以导入`} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={`发现 ${report.problemCount} 处问题，整批不能导入`}
          description="请按下表在原文件中逐行改正后重新选择文件检查；任一行有误时不会导入任何一行。"
        />
      )}
      {report.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`以下列不在模板中，已忽略：${report.ignoredColumns.join('、')}`}
          description="如果是必填列的表头写错了，请按模板改正表头。"
        />
      )}
      {report.problems.length > 0 && (
        <>
          <Table<ArchiveProblem>
            size="small"
            rowKey={(p, i) => `${p.row}-${p.column}-${i}`}
            dataSource={report.problems}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 处` }}
            data-testid="archive-problems"
            columns={[
              { title: '行号', dataIndex: 'row', width: 90, render: (r: number | null) => r ?? '整个文件' },
              { title: '列', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
              { title: '问题', dataIndex: 'problem' },
            ]}
          />
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => downloadProblems(report)}>
              下载问题清单（CSV）
            </Button>
            {report.problems.length < report.problemCount && (
              <Typography.Text type="secondary">
                仅列出前 {report.problems.length} 处，改正后再次检查可看到其余问题
              </Typography.Text>
            )}
          </Space>
        </>
      )}
    </Space>
  );
}
