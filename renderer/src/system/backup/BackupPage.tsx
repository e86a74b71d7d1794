import { CloudUploadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import type { BackupView, IntegrityResult } from '../../app/contract';
import { formatBytes, formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/useJob';
import { backupKindColors, backupKindLabels } from './backupLabels';
import { RestoreModal } from './RestoreModal';

function IntegrityOutcome({ result }: { result: unknown }) {
  const r = result as IntegrityResult | null;
  if (!r) return null;
  if (r.ok) return <Alert type="success" showIcon title="数据库完整性检查通过" data-testid="integrity-result" />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="integrity-result"
      title="数据库完整性检查发现问题，请立即联系技术支持，并保留最近的备份"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {r.messages.slice(0, 20).map((m, i) => (
            <li key={i}>{m}</li>
          ))}
          {r.messages.length > 20 && <li>…另有 {r.messages.length - 20} 条</li>}
        </ul>
      }
    />
  );
}

export function BackupPage() {
  const { t } = useI18n();
  const info = useCall('system.info', {});
  const backups = useCall('backup.list', {});
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);

  const create = useMutate('backup.create', {
    invalidates: ['backup.list', 'system.info'],
    success: '备份完成，备份文件已通过完整性校验',
  });
  const check = useMutate('backup.integrityCheck', { onSuccess: ({ jobId: id }) => setJobId(id) });
  const checking = check.isPending || job.data?.state === 'running' || (jobId !== null && !job.data && !job.error);

  return (
    <>
      <PageHeader
        title={t('nav.backup')}
        extra={
          <Space>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                void info.refetch();
                void backups.refetch();
              }}
            >
              {t('common.refresh')}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => check.mutate({})}>
              完整性检查
            </Button>
            <Button type="primary" icon={<CloudUploadOutlined />} loading={create.isPending} onClick={() => create.mutate({})}>
              立即备份
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="系统信息" size="small" loading={info.isLoading}>
          {info.error && <Alert type="error" showIcon title={info.error.message} />}
          {info.data && (
            <Descriptions
              size="small"
              column={2}
              bordered
              items={[
                {
                  key: 'dataDir',
                  label: '数据文件夹',
                  children: <Typography.Text copyable>{info.data.dataDir}</Typography.Text>,
                  span: 2,
                },
                {
                  key: 'db',
                  label: '数据库文件',
                  children: <Typography.Text copyable>{info.data.databaseFile}</Typography.Text>,
                  span: 2,
                },
                { key: 'size', label: '数据库大小', children: formatBytes(info.data.databaseBytes) },
                { key: 'schema', label: '数据结构版本', children: info.data.schemaVersion },
                { key: 'app', label: '程序版本', children: info.data.appVersion },
                {
                  key: 'last',
                  label: '最近备份',
                  children: info.data.lastBackupAt ? (
                    formatTime(info.data.lastBackupAt)
                  ) : (
                    <Typography.Text type="danger">尚未备份</Typography.Text>
                  ),
                },
                {
                  key: 'transport',
                  label: '运行方式',
                  children: info.data.transport === 'ipc' ? '桌面程序' : '浏览器（本机服务）',
                },
              ]}
            />
          )}
        </Card>

        {jobId !== null && (
          <Card title="数据库完整性检查" size="small">
            <JobProgress
              job={job.data}
              error={job.error}
              label="完整性检查进度"
              renderResult={(r) => <IntegrityOutcome result={r} />}
            />
          </Card>
        )}

        <Card title="备份文件" size="small">
          {backups.error && <Alert type="error" showIcon title={backups.error.message} style={{ marginBottom: 12 }} />}
          <Table<BackupView>
            rowKey="fileName"
            size="small"
            loading={backups.isLoading}
            dataSource={backups.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有备份' }}
            columns={[
              { title: '文件', dataIndex: 'fileName', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 120,
                render: (k: BackupView['kind']) => <Tag color={backupKindColors[k]}>{backupKindLabels[k]}</Tag>,
              },
              { title: '时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatTime(v) },
              { title: '大小', dataIndex: 'sizeBytes', width: 110, align: 'right', render: (v: number) => formatBytes(v) },
              {
                title: '操作',
                key: 'actions',
                width: 90,
                render: (_, b) => (
                  <Button type="link" size="small" danger onClick={() => setRestoring(b)} data-testid={`restore-${b.fileName}`}>
                    恢复
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Space>
      <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />
    </>
  );
}
