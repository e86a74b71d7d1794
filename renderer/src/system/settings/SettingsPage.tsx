import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import { printerProfileSchema, settingsSchema, type PrinterProfile, type Settings } from '../../app/contract';
import { parseInto, zodRule } from '../../app/formRules';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { refreshMe, refreshOfficeName } from '../../app/sessionActions';

/** What the form holds: like Settings, but emptied number boxes are null and "no default" is ''. */
interface SettingsForm extends Omit<Settings, 'defaultPrinter' | 'printers'> {
  printers: (Partial<PrinterProfile> | undefined)[];
  defaultPrinter: string;
}

const NO_DEFAULT = '';

// Each box checks itself as it changes (and so clears a server message once edited); the whole
// schema runs again on submit for the rules that span fields (default printer, duplicate names).
const field = settingsSchema.shape;
const printerField = printerProfileSchema.shape;
const rule = (schema: Parameters<typeof zodRule>[0]) => [zodRule(schema)];

const toForm = (s: Settings): SettingsForm => ({ ...s, defaultPrinter: s.defaultPrinter ?? NO_DEFAULT });

/** Back to the schema's shape: emptied boxes become "missing" so zod says 必须填写, not 格式不正确. */
function fromForm(v: SettingsForm): unknown {
  const num = (x: unknown) => (x === null ? undefined : x);
  return {
    ...v,
    idleLockMinutes: num(v.idleLockMinutes),
    lockoutThreshold: num(v.lockoutThreshold),
    lockoutMinutes: num(v.lockoutMinutes),
    dailyBackupHour: num(v.dailyBackupHour),
    backupRetentionDays: num(v.backupRetentionDays),
    printers: (v.printers ?? []).map((p) => ({ name: p?.name ?? '', dxMm: num(p?.dxMm ?? 0), dyMm: num(p?.dyMm ?? 0) })),
    defaultPrinter: v.defaultPrinter === NO_DEFAULT || v.defaultPrinter === undefined ? null : v.defaultPrinter,
  };
}

export function SettingsPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<SettingsForm>();
  const settings = useCall('settings.get', {});
  const [listError, setListError] = useState<string | null>(null);
  const printers = Form.useWatch('printers', form) ?? [];
  const dailyBackup = Form.useWatch('dailyBackup', form);

  const save = useMutate('settings.update', {
    form,
    success: '单位设置已保存',
    invalidates: ['settings.get'],
    onSuccess: (saved) => {
      form.setFieldsValue(toForm(saved));
      void refreshOfficeName();
      void refreshMe(); // the idle-lock time may have changed
    },
    onError: (e) => {
      if (e.field === 'printers') setListError(e.message);
    },
  });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toForm(settings.data));
  }, [settings.data, form]);

  if (settings.isLoading) return <Spin />;
  if (settings.error) return <Alert type="error" showIcon title={settings.error.message} />;

  const onFinish = (values: SettingsForm): void => {
    if (save.isPending) return;
    setListError(null);
    const parsed = parseInto(form, settingsSchema, fromForm(values), setListError);
    if (parsed) save.mutate(parsed);
  };

  const printerNames = printers.map((p) => p?.name?.trim()).filter((n): n is string => !!n);

  return (
    <>
      <PageHeader title={t('nav.settings')} />
      <Form<SettingsForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        // Any edit clears the list-wide message; field messages clear themselves.
        onValuesChange={() => setListError(null)}
        style={{ maxWidth: 920 }}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="单位信息" size="small">
            <Row gutter={16}>
              <Col span={14}>
                <Form.Item name="officeName" rules={rule(field.officeName)} label="单位名称" extra="显示在标题栏和打印的文书上">
                  <Input autoFocus maxLength={60} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item
                  name="divisionCode"
                  rules={rule(field.divisionCode)}
                  label="行政区划代码"
                  extra="6 位数字（GB/T 2260）"
                >
                  <Input maxLength={6} inputMode="numeric" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title="打印机" size="small">
            <Typography.Paragraph type="secondary">
              套打证书和表格时按打印机修正偏移：先打印“打印测试页”，量出校准格的偏移（毫米），填在这里。向右、向下为正。
            </Typography.Paragraph>
            <Form.List name="printers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map(({ key, name }) => (
                    <Row gutter={12} key={key} align="top" data-testid={`printer-row-${name}`}>
                      <Col span={10}>
                        <Form.Item name={[name, 'name']} rules={rule(printerField.name)} label={`打印机 ${name + 1} 名称`}>
                          <Input maxLength={60} placeholder="如：一号窗口 EPSON" />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item
                          name={[name, 'dxMm']}
                          rules={rule(printerField.dxMm)}
                          label={`打印机 ${name + 1} 水平偏移（毫米）`}
                        >
                          <InputNumber step={0.5} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item
                          name={[name, 'dyMm']}
                          rules={rule(printerField.dyMm)}
                          label={`打印机 ${name + 1} 垂直偏移（毫米）`}
                        >
                          <InputNumber step={0.5} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={4}>
                        <Form.Item label=" ">
                          <Button
                            icon={<DeleteOutlined />}
                            danger
                            onClick={() => remove(name)}
                            aria-label={`删除打印机 ${name + 1}`}
                          >
                            删除
                          </Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  {listError && <Alert type="error" showIcon title={listError} style={{ marginBottom: 12 }} role="alert" />}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', dxMm: 0, dyMm: 0 })}
                    disabled={fields.length >= 20}
                  >
                    添加打印机
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item
              name="defaultPrinter"
              rules={[{ validator: async () => undefined }]}
              label="默认打印机"
              style={{ marginTop: 16, maxWidth: 360 }}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: NO_DEFAULT, label: '（不设默认打印机）' },
                  ...printerNames.map((n) => ({ value: n, label: n })),
                ]}
              />
            </Form.Item>
          </Card>

          <Card title="安全" size="small">
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item
                  name="idleLockMinutes"
                  rules={rule(field.idleLockMinutes)}
                  label="空闲锁屏时间（分钟）"
                  extra="无键盘鼠标操作多久后自动锁屏，1–120"
                >
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name="lockoutThreshold"
                  rules={rule(field.lockoutThreshold)}
                  label="密码错误锁定次数"
                  extra="连续输错多少次锁定账户，3–10"
                >
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="lockoutMinutes" rules={rule(field.lockoutMinutes)} label="锁定时长（分钟）" extra="1–1440">
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title="自动备份" size="small">
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="dailyBackup" label="每日自动备份" valuePropName="checked">
                  <Switch checkedChildren="开启" unCheckedChildren="关闭" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name="dailyBackupHour"
                  rules={rule(field.dailyBackupHour)}
                  label="自动备份时间（时）"
                  extra="0–23 点，每天该小时内备份一次"
                >
                  <InputNumber disabled={dailyBackup === false} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name="backupRetentionDays"
                  rules={rule(field.backupRetentionDays)}
                  label="自动备份保留天数"
                  extra="超过天数的每日自动备份会被删除（始终保留最近 3 份），手动备份不受影响"
                >
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存设置
            </Button>
            <Button
              onClick={() => {
                // resetFields also clears the error messages under the fields.
                form.resetFields();
                if (settings.data) form.setFieldsValue(toForm(settings.data));
                setListError(null);
              }}
              disabled={save.isPending}
            >
              放弃修改
            </Button>
          </Space>
        </Space>
      </Form>
    </>
  );
}
