import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import { formatBytes } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { usePdfPreview } from './usePdfPreview';

const DEFAULT = '__default__';

/**
 * The test page checks Chinese fonts, rare characters and the printer's offset. It is generated as a
 * PDF, previewed here, then printed by the system dialog or saved.
 */
export function TestPrintPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useCall('settings.get', {});
  const [chosen, setPrinter] = useState<string>(DEFAULT);
  const [preview, showPreview] = usePdfPreview();
  const file = preview?.file ?? null;
  const url = preview?.url ?? null;
  const frame = useRef<HTMLIFrameElement>(null);
  const generate = useMutate('documents.testPage', { onSuccess: showPreview });

  const printers = settings.data?.printers ?? [];
  const defaultName = settings.data?.defaultPrinter ?? null;
  // A printer removed in settings (after it was chosen here) falls back to the default.
  const printer = chosen === DEFAULT || printers.some((p) => p.name === chosen) ? chosen : DEFAULT;

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
      <PageHeader title={t('nav.testPage')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Typography.Paragraph type="secondary">
            测试页包含中文字体、生僻字和偏移校准格。用套打纸打印后，量出校准格的偏移，在“单位设置 → 打印机”中填写。
          </Typography.Paragraph>
          <Form
            layout="inline"
            onFinish={() => {
              if (!generate.isPending) generate.mutate({ printer: printer === DEFAULT ? null : printer });
            }}
          >
            <Form.Item label="打印机" htmlFor="test-page-printer">
              <Select
                id="test-page-printer"
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 300 }}
                value={printer}
                onChange={setPrinter}
                loading={settings.isLoading}
                options={[
                  { value: DEFAULT, label: defaultName ? `默认打印机（${defaultName}）` : '不指定打印机（不做偏移）' },
                  ...printers.map((p) => ({ value: p.name, label: `${p.name}（水平 ${p.dxMm} 毫米，垂直 ${p.dyMm} 毫米）` })),
                ]}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<FilePdfOutlined />} loading={generate.isPending} autoFocus>
                生成
              </Button>
            </Form.Item>
            {file && url && (
              <Form.Item>
                <Space>
                  <Button icon={<DownloadOutlined />} href={url} download={file.fileName}>
                    保存 PDF
                  </Button>
                  <Button icon={<PrinterOutlined />} onClick={print}>
                    打印
                  </Button>
                </Space>
              </Form.Item>
            )}
          </Form>
          {settings.error && <Alert type="error" showIcon title={settings.error.message} style={{ marginTop: 12 }} />}
        </Card>
        <Card size="small" title={file ? `预览：${file.fileName}（${formatBytes(file.byteLength)}）` : '预览'}>
          {url ? (
            <iframe
              ref={frame}
              src={url}
              title="打印测试页预览"
              style={{ width: '100%', height: 'calc(100vh - 330px)', minHeight: 480, border: '1px solid #d9d9d9' }}
            />
          ) : (
            <Empty description="选择打印机后点“生成”" />
          )}
        </Card>
      </Space>
    </>
  );
}
