import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import { usePdfPreview } from '../system/testPage/usePdfPreview';
import type { FileOutput } from './contract';
import { useReportError } from './api';

export interface PdfDocumentItem {
  key: string;
  label: string;
  /** Generates the file (each generation is audited as a print by the service). */
  generate: () => Promise<FileOutput>;
}

/**
 * A row of document buttons: each generates its PDF, shows it in a preview dialog, and offers
 * save and print from there — the same preview / save / print path as the test page.
 */
export function PdfDocuments({ items }: { items: PdfDocumentItem[] }) {
  const { message } = App.useApp();
  const report = useReportError();
  const [preview, show] = usePdfPreview();
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  const run = async (item: PdfDocumentItem): Promise<void> => {
    if (busy) return;
    setBusy(item.key);
    try {
      show(await item.generate());
      setOpen(true);
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };

  const print = (): void => {
    const w = frame.current?.contentWindow;
    if (!w) return;
    try {
      w.focus();
      w.print();
    } catch {
      void message.error('无法直接打印，请先“保存 PDF”，再用 PDF 阅读器打印');
    }
  };

  return (
    <>
      <Space wrap>
        {items.map((item) => (
          <Button key={item.key} icon={<FilePdfOutlined />} loading={busy === item.key} onClick={() => void run(item)}>
            {item.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={open && preview !== null}
        title={preview?.file.fileName}
        width="min(1100px, 94vw)"
        onCancel={() => setOpen(false)}
        footer={
          preview && (
            <Space>
              <Button icon={<DownloadOutlined />} href={preview.url} download={preview.file.fileName}>
                保存 PDF
              </Button>
              <Button type="primary" icon={<PrinterOutlined />} onClick={print}>
                打印
              </Button>
            </Space>
          )
        }
      >
        {preview && (
          <iframe
            ref={frame}
            src={preview.url}
            title="文书预览"
            style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9' }}
          />
        )}
      </Modal>
    </>
  );
}
