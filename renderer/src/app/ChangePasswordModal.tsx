import { Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useI18n } from './i18n';
import { enterSession } from './sessionActions';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('shell.changePassword')} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm
        onCancel={onClose}
        onDone={(me) => {
          enterSession(me);
          onClose();
        }}
      />
    </Modal>
  );
}
