import { Alert, Descriptions, Form, Input } from 'antd';
import { useMutate } from '../../app/api';
import type { BackupView } from '../../app/contract';
import { formatBytes, formatTime } from '../../app/format';
import { FormModal } from '../../app/FormModal';
import { refreshOfficeName, signOut } from '../../app/sessionActions';
import { backupKindLabels } from './backupLabels';

const CONFIRM = '确认恢复';

/**
 * Restoring replaces every record entered since the backup, so the clerk must type the phrase; the
 * service refuses the call without it too. Afterwards every session is gone: we sign out here and
 * say why on the login screen, instead of letting the next call fail.
 */
export function RestoreModal({ backup, onClose }: { backup: BackupView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ confirm: string }>();
  const typed = Form.useWatch('confirm', form);
  const restore = useMutate('backup.restore', {
    form,
    onSuccess: ({ restored, safetyBackup }) => {
      onClose();
      const notice = `已从备份 ${restored.fileName} 恢复数据库，恢复前的数据已自动备份为 ${safetyBackup.fileName}。所有用户均已退出，请重新登录。`;
      void signOut(notice).then(refreshOfficeName);
    },
  });

  return (
    <FormModal<{ confirm: string }>
      title="从备份恢复"
      open={backup !== null}
      form={form}
      pending={restore.isPending}
      okText="恢复"
      danger
      okDisabled={typed !== CONFIRM}
      onClose={onClose}
      onSubmit={() => backup && restore.mutate({ fileName: backup.fileName, confirm: CONFIRM })}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="恢复会用备份中的数据替换当前全部数据"
        description="备份之后录入的所有记录都会丢失（恢复前系统会先自动备份当前数据库，可再恢复回来）。恢复完成后所有用户须重新登录。"
      />
      {backup && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'file', label: '备份文件', children: backup.fileName },
            { key: 'kind', label: '类型', children: backupKindLabels[backup.kind] },
            { key: 'time', label: '备份时间', children: formatTime(backup.createdAt) },
            { key: 'size', label: '大小', children: formatBytes(backup.sizeBytes) },
          ]}
        />
      )}
      <Form.Item
        name="confirm"
        label={`请输入“${CONFIRM}”以继续`}
        // Checked on submit only (Enter in the box): no red text while the clerk is still typing.
        validateTrigger={false}
        rules={[
          {
            validator: async (_, v: unknown) => {
              if (v !== CONFIRM) throw new Error(`请输入“${CONFIRM}”四个字`);
            },
          },
        ]}
      >
        <Input autoFocus autoComplete="off" placeholder={CONFIRM} />
      </Form.Item>
    </FormModal>
  );
}
