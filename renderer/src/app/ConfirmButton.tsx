import { Button, Popconfirm, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

/**
 * A button that asks first (Popconfirm), operable by keyboard: Enter opens it with focus inside,
 * Enter/Tab+Enter confirms, Esc cancels, and focus returns to the button afterwards.
 */
export function ConfirmButton({
  title,
  description,
  okText,
  danger,
  onConfirm,
  children,
  buttonProps,
}: {
  title: ReactNode;
  description?: ReactNode;
  okText: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown> | void;
  children: ReactNode;
  buttonProps?: ButtonProps & { 'data-testid'?: string };
}) {
  const button = useRef<HTMLButtonElement>(null);
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText}
      okButtonProps={{ danger, autoFocus: !danger }}
      // For a harmful action the safe choice (取消) holds the focus.
      cancelButtonProps={{ autoFocus: danger }}
      onConfirm={onConfirm}
      onOpenChange={(open) => {
        if (!open) window.setTimeout(() => button.current?.focus(), 0);
      }}
    >
      <Button ref={button} danger={danger} {...buttonProps}>
        {children}
      </Button>
    </Popconfirm>
  );
}
