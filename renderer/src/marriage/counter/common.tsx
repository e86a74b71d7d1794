import { PrinterOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Tag } from 'antd';
import { useRef } from 'react';
import {
  counterServiceLabels,
  counterServices,
  ticketStatusLabels,
  type CounterService,
  type FileOutput,
  type TicketStatus,
} from '../../app/contract';

// Pieces the counter screens share: the office's date, labels, the ticket preview.

/** Today at the registry (China, UTC+8), as the service counts days. */
export function officeToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Wall-clock time at the registry for an ISO instant: '09:05'. */
export const officeClock = (iso: string | null): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16) : '—';

export const serviceOptions = counterServices.map((s) => ({ value: s, label: counterServiceLabels[s] }));

export const serviceLabel = (s: CounterService): string => counterServiceLabels[s];

const statusColors: Record<TicketStatus, string> = {
  waiting: 'blue',
  called: 'orange',
  serving: 'green',
  done: 'default',
  noShow: 'red',
  transferred: 'purple',
};

export function TicketStatusTag({ status, transferredTo }: { status: TicketStatus; transferredTo?: number | null }) {
  return (
    <Tag color={statusColors[status]}>
      {ticketStatusLabels[status]}
      {status === 'transferred' && transferredTo ? ` → ${transferredTo} 号窗口` : ''}
    </Tag>
  );
}

/** A generated PDF in a dialog: preview, print (system dialog), save. */
export function PdfModal({ preview, onClose }: { preview: { file: FileOutput; url: string } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const frame = useRef<HTMLIFrameElement>(null);
  const print = (): void => {
    try {
      frame.current?.contentWindow?.focus();
      frame.current?.contentWindow?.print();
    } catch {
      void message.error('无法直接打印，请先“保存 PDF”，再用 PDF 阅读器打印');
    }
  };
  return (
    <Modal
      open={preview !== null}
      title={preview ? `打印预览：${preview.file.fileName}` : ''}
      onCancel={onClose}
      width={420}
      destroyOnHidden
      footer={
        <Space>
          {preview && (
            <Button icon={<DownloadOutlined />} href={preview.url} download={preview.file.fileName}>
              保存 PDF
            </Button>
          )}
          <Button type="primary" icon={<PrinterOutlined />} onClick={print} autoFocus>
            打印
          </Button>
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      {preview && (
        <iframe
          ref={frame}
          src={preview.url}
          title="排队小票预览"
          style={{ width: '100%', height: 520, border: '1px solid #d9d9d9' }}
        />
      )}
    </Modal>
  );
}
