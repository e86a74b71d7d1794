import { Alert, Card, Descriptions } from 'antd';
import { useCall } from '../../app/api';
import { formatTime } from '../../app/format';

/** On the record page of an imported archive record: where it came from (batch, file row, registry, 档号). */
export function ArchiveProvenance({ registrationId }: { registrationId: number }) {
  const info = useCall('marriage.archive.record', { id: registrationId });
  if (info.error) return <Alert type="error" showIcon title={info.error.message} />;
  if (!info.data) return null;
  const a = info.data;
  return (
    <Card size="small" title="历史档案来源" data-testid="archive-provenance">
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'registry', label: '登记机关', children: a.registryName },
          { key: 'archive', label: '档号', children: a.archiveNumber ?? '—' },
          { key: 'remarks', label: '备注', children: a.remarks ?? '—' },
          { key: 'file', label: '导入文件', children: `${a.fileName}（第 ${a.rowNumber} 行）` },
          { key: 'batch', label: '导入批次', children: `第 ${a.batchId} 批` },
          { key: 'by', label: '导入人 / 时间', children: `${a.importedBy}，${formatTime(a.importedAt)}` },
        ]}
      />
    </Card>
  );
}
