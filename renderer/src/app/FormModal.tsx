import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

/**
 * A dialog whose OK button is the form's submit button, so Enter in any field submits, Esc
 * closes, and the OK button shows "busy" while the call runs (no second submit).
 */
export function FormModal<T extends object>({
  title,
  open,
  form,
  pending,
  okText,
  danger,
  okDisabled,
  initialValues,
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode;
  open: boolean;
  form: FormInstance<T>;
  pending: boolean;
  okText: string;
  danger?: boolean;
  okDisabled?: boolean;
  initialValues?: Partial<T>;
  onSubmit: (values: T) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ htmlType: 'submit', loading: pending, danger, disabled: okDisabled }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<T>
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={initialValues}
          onFinish={(values) => {
            if (!pending) onSubmit(values);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
