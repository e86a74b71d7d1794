import { CameraOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { JOINT_PHOTO, formatBytes, mimeLabels, type AttachmentView } from '../../../../main/marriage/attachments/contract';
import { useCall, useMutate } from '../../app/api';
import { formatTime } from '../../app/format';
import { dataUrl, imageSize, readAsBase64 } from './files';

// 双方合影: imported from a file, kept with the record, printed in the certificate's photo box.
// The preview shows the photo the way the certificate will: cut to the box's 50 × 35 mm shape.

const BOX_RATIO = '50 / 35';

interface Chosen {
  file: File;
  base64: string;
  url: string;
  size: { width: number; height: number } | null;
}

/** What is wrong with a chosen file before sending it (the service checks again, by content). */
function earlyProblem(c: Chosen): string | null {
  if (c.file.size > JOINT_PHOTO.maxBytes)
    return `文件大小为 ${formatBytes(c.file.size)}，超过合影的上限 ${formatBytes(JOINT_PHOTO.maxBytes)}，请压缩后再导入`;
  if (!c.size) return '无法作为图像打开该文件：合影只接受 JPEG 或 PNG 图像';
  const short = Math.min(c.size.width, c.size.height);
  if (short < JOINT_PHOTO.minShortSidePx)
    return `照片分辨率过低（${c.size.width} × ${c.size.height} 像素）：短边至少需要 ${JOINT_PHOTO.minShortSidePx} 像素`;
  return null;
}

function PhotoBox({ src, width, alt, testId }: { src: string; width: number; alt: string; testId?: string }) {
  return (
    <img
      src={src}
      alt={alt}
      data-testid={testId}
      style={{ width, aspectRatio: BOX_RATIO, objectFit: 'cover', border: '1px solid #d9d9d9', display: 'block' }}
    />
  );
}

const describe = (p: AttachmentView): string =>
  `${mimeLabels[p.mimeType]}，${p.width} × ${p.height} 像素，${formatBytes(p.byteSize)}`;

/**
 * The record's joint photo with import / replace. `editable` is false for a dissolved marriage:
 * the photo stays visible, but no certificate will be printed with a new one.
 */
export function JointPhoto({ registrationId, editable = true }: { registrationId: number; editable?: boolean }) {
  const { message } = App.useApp();
  const state = useCall('marriage.photo.get', { registrationId });
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const current = state.data?.current ?? null;
  const history = state.data?.history ?? [];

  const save = useMutate('marriage.photo.set', {
    quiet: true, // the refusal is shown in the dialog, next to the photo it concerns
    invalidates: ['marriage.photo.get', 'marriage.history'],
    onSuccess: () => {
      setChosen(null);
      void message.success(current ? '合影已更换，原合影保留在历史中' : '合影已导入，打印结婚证时将印在照片框内');
    },
    onError: (e) => setRefusal(e.message),
  });

  // The chosen file's object URL lives as long as the dialog shows it.
  useEffect(() => () => void (chosen && URL.revokeObjectURL(chosen.url)), [chosen]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setRefusal(null);
    const url = URL.createObjectURL(file);
    const [base64, size] = await Promise.all([readAsBase64(file), imageSize(url)]);
    setChosen({ file, base64, url, size });
  };

  const early = chosen ? earlyProblem(chosen) : null;
  const verb = current ? '更换合影' : '导入合影';

  return (
    <Card
      size="small"
      title="双方合影"
      data-testid="joint-photo"
      extra={
        editable && (
          <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} data-testid="joint-photo-choose">
            {verb}…
          </Button>
        )
      }
    >
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        aria-label="选择合影文件"
        data-testid="joint-photo-input"
        hidden
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = ''; // choosing the same file again must trigger a change
        }}
      />
      {state.isLoading && <Spin />}
      {state.error && <Alert type="error" showIcon title={state.error.message} />}
      {state.data && !current && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            editable ? '尚未导入合影：请导入双方近期半身免冠合影（JPEG 或 PNG），否则结婚证照片框留空' : '该记录没有合影'
          }
        />
      )}
      {current && (
        <Flex gap={16} wrap align="flex-start">
          <PhotoBox src={dataUrl(current.mimeType, current.base64)} width={250} alt="当前合影" testId="joint-photo-current" />
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>{current.fileName}</Typography.Text>
            <Typography.Text type="secondary">{describe(current)}</Typography.Text>
            <Typography.Text type="secondary">
              {current.createdBy ?? '—'} 于 {formatTime(current.createdAt)} 导入
            </Typography.Text>
            <Typography.Text type="secondary">左图即结婚证照片框（50 × 35 毫米）内印出的范围。</Typography.Text>
            {history.length > 1 && (
              <Button
                type="link"
                icon={<HistoryOutlined />}
                style={{ paddingInline: 0 }}
                onClick={() => setShowHistory((v) => !v)}
                aria-expanded={showHistory}
              >
                历次合影（{history.length} 张）
              </Button>
            )}
          </Space>
        </Flex>
      )}
      {showHistory && (
        <List<AttachmentView>
          size="small"
          style={{ marginTop: 8 }}
          dataSource={history}
          data-testid="joint-photo-history"
          renderItem={(p) => (
            <List.Item>
              <Space wrap>
                {p.current ? <Tag color="green">当前</Tag> : <Tag>已更换</Tag>}
                <span>{p.fileName}</span>
                <Typography.Text type="secondary">
                  {describe(p)}；{p.createdBy ?? '—'} {formatTime(p.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}

      <Modal
        open={chosen !== null}
        title={verb}
        okText={current ? '更换为此照片' : '导入此照片'}
        cancelText="取消"
        onOk={() => {
          if (chosen && !save.isPending) save.mutate({ registrationId, fileName: chosen.file.name, base64: chosen.base64 });
        }}
        okButtonProps={{ loading: save.isPending, disabled: early !== null, autoFocus: true }}
        onCancel={() => setChosen(null)}
        destroyOnHidden
      >
        {chosen && (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {chosen.size && <PhotoBox src={chosen.url} width={300} alt="所选照片（按照片框裁切）" />}
            <div>
              <Typography.Text strong>{chosen.file.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {formatBytes(chosen.file.size)}
                {chosen.size ? `，${chosen.size.width} × ${chosen.size.height} 像素` : ''}
              </Typography.Text>
            </div>
            {chosen.size && <Typography.Text type="secondary">照片将等比缩放填满照片框，超出部分居中裁去。</Typography.Text>}
            {current && !early && (
              <Alert type="info" showIcon title="更换后结婚证使用新照片；原合影不会删除，仍保留在历史记录中。" />
            )}
            {(early ?? refusal) && <Alert type="error" showIcon title={early ?? refusal} data-testid="joint-photo-refusal" />}
          </Space>
        )}
      </Modal>
    </Card>
  );
}
