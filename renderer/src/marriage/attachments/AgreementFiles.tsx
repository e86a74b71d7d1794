import { DownloadOutlined, EyeOutlined, FileAddOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { AGREEMENT_FILE, formatBytes, mimeLabels, type AttachmentView } from '../../../../main/marriage/attachments/contract';
import type { DivorceView } from '../../../../main/marriage/divorce/contract';
import { call, useCall, useReportError } from '../../app/api';
import { queryClient } from '../../app/queryClient';
import { formatTime } from '../../app/format';
import { usePdfPreview } from '../../system/testPage/usePdfPreview';
import { readAsBase64 } from './files';

// 离婚协议书扫描件: the signed agreement, scanned page by page or as one PDF, kept with the
// divorce application. Files are added one after another (each checked by the service from its
// content) and opened in a viewer; nothing is removed, like every paper in the file.

/** Uploads the chosen files in order; returns what was refused, file by file. */
async function upload(divorceId: number, files: File[]): Promise<{ added: number; refused: string[] }> {
  let added = 0;
  const refused: string[] = [];
  for (const file of files) {
    if (file.size > AGREEMENT_FILE.maxBytes) {
      refused.push(`「${file.name}」大小为 ${formatBytes(file.size)}，超过每份 ${formatBytes(AGREEMENT_FILE.maxBytes)} 的上限`);
      continue;
    }
    try {
      await call('marriage.divorce.agreement.attach', { divorceId, fileName: file.name, base64: await readAsBase64(file) });
      added++;
    } catch (e) {
      refused.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { added, refused };
}

export function AgreementFiles({ divorceId }: { divorceId: number }) {
  const { message } = App.useApp();
  const report = useReportError();
  const list = useCall('marriage.divorce.agreement.list', { divorceId });
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [preview, show] = usePdfPreview();
  const [viewing, setViewing] = useState(false);
  const [opening, setOpening] = useState<number | null>(null);

  const add = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    setBusy(true);
    setRefused([]);
    try {
      const r = await upload(divorceId, files);
      setRefused(r.refused);
      if (r.added > 0) void message.success(`已附加 ${r.added} 份扫描件`);
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: ['marriage.divorce.agreement.list'] });
      void queryClient.invalidateQueries({ queryKey: ['marriage.history'] });
    }
  };

  const open = async (f: AttachmentView) => {
    setOpening(f.id);
    try {
      const file = await call('marriage.divorce.agreement.get', { id: f.id });
      show({ fileName: file.fileName, mimeType: file.mimeType, base64: file.base64, byteLength: file.byteSize });
      setViewing(true);
    } catch (e) {
      report(e);
    } finally {
      setOpening(null);
    }
  };

  const files = list.data ?? [];
  return (
    <Card
      size="small"
      title={
        <span>
          <PaperClipOutlined /> 离婚协议书扫描件
        </span>
      }
      data-testid="agreement-files"
      extra={
        <Button
          icon={<FileAddOutlined />}
          loading={busy}
          onClick={() => input.current?.click()}
          data-testid="agreement-files-choose"
        >
          添加扫描件…
        </Button>
      }
    >
      <input
        ref={input}
        type="file"
        multiple
        accept="application/pdf,image/jpeg,image/png"
        aria-label="选择协议扫描件"
        data-testid="agreement-files-input"
        hidden
        onChange={(e) => {
          void add([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        请扫描双方签字的离婚协议书全部页面（PDF、JPEG 或 PNG，每份不超过 {formatBytes(AGREEMENT_FILE.maxBytes)}
        ），可一次选择多页。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused([]) }}
          style={{ marginBottom: 8 }}
          title={`${refused.length} 份文件未能附加`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {refused.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          }
          data-testid="agreement-files-refused"
        />
      )}
      <Table<AttachmentView>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        pagination={false}
        dataSource={files}
        locale={{ emptyText: '尚未附加扫描件' }}
        columns={[
          { title: '序号', key: 'n', width: 60, render: (_, __, i) => i + 1 },
          { title: '文件名', dataIndex: 'fileName' },
          {
            title: '类型与大小',
            key: 'type',
            render: (_, f) =>
              `${mimeLabels[f.mimeType]}${f.width ? `，${f.width} × ${f.height} 像素` : ''}，${formatBytes(f.byteSize)}`,
          },
          { title: '上传', key: 'by', render: (_, f) => `${f.createdBy ?? '—'} ${formatTime(f.createdAt)}` },
          {
            title: '操作',
            key: 'open',
            width: 90,
            render: (_, f) => (
              <Button size="small" icon={<EyeOutlined />} loading={opening === f.id} onClick={() => void open(f)}>
                打开
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={viewing && preview !== null}
        title={preview?.file.fileName}
        width="min(1100px, 94vw)"
        onCancel={() => setViewing(false)}
        footer={
          preview && (
            <Button icon={<DownloadOutlined />} href={preview.url} download={preview.file.fileName}>
              保存文件
            </Button>
          )
        }
      >
        {preview &&
          (preview.file.mimeType === 'application/pdf' ? (
            <iframe src={preview.url} title="扫描件" style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9' }} />
          ) : (
            <img
              src={preview.url}
              alt={preview.file.fileName}
              style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }}
            />
          ))}
      </Modal>
    </Card>
  );
}

/** A button for a work-list row: the application's scanned agreement in a dialog. */
export function AgreementFilesButton({ divorce }: { divorce: DivorceView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<PaperClipOutlined />} onClick={() => setOpen(true)} data-testid="agreement-files-open">
        协议扫描件
      </Button>
      <Modal
        open={open}
        title={`离婚协议书扫描件：${divorce.names.join('、')}`}
        width="min(960px, 94vw)"
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <AgreementFiles divorceId={divorce.id} />
        </Space>
      </Modal>
    </>
  );
}
