import { CloudUploadOutlined, FileSearchOutlined, FolderOpenOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Result, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  ARCHIVE_MAX_BYTES,
  archiveColumns,
  type ArchiveBatchView,
  type ArchiveColumn,
  type ArchiveImportResult,
  type ArchiveReport,
} from '../../../../main/marriage/archive/contract';
import { useCall, useMutate } from '../../app/api';
import { downloadFile } from '../../app/download';
import { queryClient } from '../../app/queryClient';
import { ConfirmButton } from '../../app/ConfirmButton';
import { formatBytes, formatTime } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { JobProgress } from '../../system/jobs/JobProgress';
import { useJob } from '../../system/jobs/useJob';
import { ArchiveReportView } from './ArchiveReportView';

interface Chosen {
  name: string;
  size: number;
  base64: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取该文件'));
    reader.readAsDataURL(file);
  });
}

function TemplateCard() {
  const template = useMutate('marriage.archive.template', { onSuccess: downloadFile });
  return (
    <Card size="small" title="一、按模板整理档案数据">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          每行一条结婚登记档案。带 * 的列必填；1985 年以前的档案可无证件号码（此时须填出生日期）；旧结婚证字号照录原样。
        </Typography.Paragraph>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => template.mutate({ format: 'xlsx' })} loading={template.isPending}>
            下载模板（Excel，含填写说明）
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => template.mutate({ format: 'csv' })}>
            下载模板（CSV）
          </Button>
        </Space>
        <Collapse
          size="small"
          items={[
            {
              key: 'cols',
              label: `模板各列说明（共 ${archiveColumns.length} 列）`,
              children: (
                <Table<ArchiveColumn>
                  size="small"
                  rowKey="header"
                  pagination={false}
                  dataSource={[...archiveColumns]}
                  columns={[
                    { title: '列名', dataIndex: 'header', width: 160 },
                    {
                      title: '必填',
                      dataIndex: 'required',
                      width: 70,
                      render: (r: boolean) => (r ? <Tag color="red">必填</Tag> : ''),
                    },
                    { title: '填写说明', dataIndex: 'note' },
                    { title: '示例', dataIndex: 'example', width: 180 },
                  ]}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

function ImportOutcome({ result }: { result: ArchiveImportResult }) {
  if (!result.imported) {
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="error" showIcon title="未导入：没有写入任何记录" />
        <ArchiveReportView report={result.report} />
      </Space>
    );
  }
  const b = result.batch;
  return (
    <Result
      status="success"
      title={`已导入 ${b.rowCount} 条历史婚姻档案（第 ${b.id} 批）`}
      subTitle={`文件“${b.fileName}”，记录编号 ${b.firstRegistrationId}–${b.lastRegistrationId}；每条记录均已记入审计日志`}
      extra={
        <Link to="/marriage/search?source=archive">
          <Button type="primary" autoFocus data-testid="archive-view-imported">
            查询导入的档案
          </Button>
        </Link>
      }
      style={{ paddingBlock: 8 }}
      data-testid="archive-imported"
    />
  );
}

function BatchesCard() {
  const batches = useCall('marriage.archive.batches', {});
  return (
    <Card size="small" title="导入批次">
      {batches.error && <Alert type="error" showIcon title={batches.error.message} />}
      <Table<ArchiveBatchView>
        size="small"
        rowKey="id"
        loading={batches.isLoading}
        dataSource={batches.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '尚未导入历史档案' }}
        data-testid="archive-batches"
        columns={[
          { title: '批次', dataIndex: 'id', width: 70 },
          { title: '文件', dataIndex: 'fileName' },
          { title: '条数', dataIndex: 'rowCount', width: 80 },
          {
            title: '记录编号',
            key: 'range',
            width: 140,
            render: (_: unknown, b) => (b.firstRegistrationId ? `${b.firstRegistrationId}–${b.lastRegistrationId}` : '—'),
          },
          { title: '导入人', dataIndex: 'importedBy', width: 160 },
          { title: '导入时间', dataIndex: 'importedAt', width: 170, render: (v: string) => formatTime(v) },
        ]}
      />
    </Card>
  );
}

/**
 * '/marriage/archive': legacy archive import for the registry supervisor. Choose a CSV or XLSX
 * file, check it (every row validated, nothing written), then import — all rows or none — on a
 * worker thread with progress.
 */
export function ArchiveImportPage() {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checkId, setCheckId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const checkJob = useJob(checkId);
  const importJob = useJob(importId);
  const check = useMutate('marriage.archive.check', { onSuccess: ({ jobId }) => setCheckId(jobId) });
  const run = useMutate('marriage.archive.import', { onSuccess: ({ jobId }) => setImportId(jobId) });
  const importState = importJob.data?.state;
  useEffect(() => {
    // The records exist once the job is done, not when it starts: refresh the lists then.
    if (importState !== 'done') return;
    for (const c of ['marriage.archive.batches', 'marriage.search'] as const)
      void queryClient.invalidateQueries({ queryKey: [c] });
  }, [importState]);
  const report = checkJob.data?.state === 'done' ? (checkJob.data.result as ArchiveReport) : null;
  const importing = run.isPending || importJob.data?.state === 'running';

  const choose = async (file: File | undefined) => {
    setCheckId(null);
    setImportId(null);
    setChosen(null);
    setRefusal(null);
    if (!file) return;
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setRefusal(`“${file.name}”不是 CSV 或 XLSX 文件；Excel 97–2003（.xls）请先另存为 .xlsx`);
      return;
    }
    if (file.size > ARCHIVE_MAX_BYTES) {
      setRefusal(`文件大小为 ${formatBytes(file.size)}，超过单个文件的上限 ${formatBytes(ARCHIVE_MAX_BYTES)}，请拆分后分批导入`);
      return;
    }
    try {
      const base64 = await readAsBase64(file);
      setChosen({ name: file.name, size: file.size, base64 });
      check.mutate({ fileName: file.name, base64 });
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : '无法读取该文件');
    }
  };

  return (
    <>
      <PageHeader title="历史婚姻档案导入" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <TemplateCard />
        <Card size="small" title="二、选择文件并检查（不写入数据）">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Space wrap>
              <input
                ref={input}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                style={{ display: 'none' }}
                data-testid="archive-file"
                onChange={(e) => {
                  void choose(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <Button
                type="primary"
                autoFocus
                icon={<FolderOpenOutlined />}
                onClick={() => input.current?.click()}
                disabled={importing}
              >
                选择文件并检查…
              </Button>
              {chosen && (
                <Typography.Text>
                  {chosen.name}（{formatBytes(chosen.size)}）
                </Typography.Text>
              )}
              {chosen && (
                <Button
                  icon={<FileSearchOutlined />}
                  disabled={importing}
                  loading={check.isPending || checkJob.data?.state === 'running'}
                  onClick={() => {
                    setImportId(null);
                    check.mutate({ fileName: chosen.name, base64: chosen.base64 });
                  }}
                >
                  重新检查
                </Button>
              )}
            </Space>
            {refusal && <Alert type="error" showIcon title={refusal} />}
            {checkId !== null && (
              <JobProgress
                job={checkJob.data}
                error={checkJob.error}
                label="检查进度"
                renderResult={(r) => <ArchiveReportView report={r as ArchiveReport} />}
              />
            )}
          </Space>
        </Card>
        {report?.canImport && chosen && (
          <Card size="small" title="三、导入">
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {importId === null && (
                <>
                  <Typography.Paragraph style={{ margin: 0 }}>
                    导入时再逐行校验一次，全部 {report.validRows}{' '}
                    条在一个事务内写入：任一行出错则一条也不写入。导入期间窗口登记会稍候片刻。
                  </Typography.Paragraph>
                  <ConfirmButton
                    title={`导入“${chosen.name}”的 ${report.validRows} 条档案？`}
                    description="导入后每条记录都记入审计日志，不能撤销"
                    okText="导入"
                    onConfirm={() => run.mutate({ fileName: chosen.name, base64: chosen.base64 })}
                    buttonProps={{
                      type: 'primary',
                      icon: <CloudUploadOutlined />,
                      loading: importing,
                      'data-testid': 'archive-import',
                    }}
                  >
                    导入 {report.validRows} 条
                  </ConfirmButton>
                </>
              )}
              {importId !== null && (
                <JobProgress
                  job={importJob.data}
                  error={importJob.error}
                  label="导入进度"
                  renderResult={(r) => <ImportOutcome result={r as ArchiveImportResult} />}
                />
              )}
            </Space>
          </Card>
        )}
        <BatchesCard />
      </Space>
    </>
  );
}
