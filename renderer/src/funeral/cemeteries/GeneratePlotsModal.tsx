import { Alert, AutoComplete, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import {
  defaultUrnCapacity,
  generatePlotsInput,
  plotLabel,
  type GenerateResult,
} from '../../../../main/funeral/cemeteries/contract';
import { plotTypeLabels, plotTypes, type PlotType } from '../../../../main/funeral/shared/forms';
import { useCall, useMutate } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { parseInto } from '../../app/formRules';
import { toFen, YuanField } from './common';

interface Values {
  sectionCode: string;
  rowFrom: number;
  rowTo: number;
  numberFrom: number;
  numberTo: number;
  plotType: PlotType;
  areaM2: number;
  urnCapacity: number;
  feeYuan: number;
}

/**
 * 批量生成墓位: a row × number range of one section, all of one type. The limit in force today for
 * the type is shown beside the area (the service checks it again); a range touching existing plots
 * is refused whole.
 */
export function GeneratePlotsModal({
  cemeteryId,
  sections,
  open,
  onClose,
  onDone,
}: {
  cemeteryId: number;
  sections: string[];
  open: boolean;
  onClose: () => void;
  onDone: (r: GenerateResult) => void;
}) {
  const [form] = Form.useForm<Values>();
  const limits = useCall('funeral.plotLimits.list', {}, { enabled: open });
  const generate = useMutate('funeral.plots.generate', {
    form,
    invalidates: ['funeral.cemeteries.get', 'funeral.cemeteries.list', 'funeral.plots.map'],
    onSuccess: onDone,
  });
  const v = Form.useWatch([], form) as Partial<Values> | undefined;
  const limit = limits.data?.find((l) => l.plotType === v?.plotType && l.inForce);
  const count =
    v?.rowFrom && v.rowTo && v.numberFrom && v.numberTo && v.rowTo >= v.rowFrom && v.numberTo >= v.numberFrom
      ? (v.rowTo - v.rowFrom + 1) * (v.numberTo - v.numberFrom + 1)
      : 0;

  const submit = (values: Values) => {
    const input = {
      cemeteryId,
      sectionCode: (values.sectionCode ?? '').trim(),
      rowFrom: values.rowFrom,
      rowTo: values.rowTo,
      numberFrom: values.numberFrom,
      numberTo: values.numberTo,
      plotType: values.plotType,
      areaM2: values.areaM2,
      urnCapacity: values.urnCapacity,
      feeFen: toFen(values.feeYuan),
    };
    const parsed = parseInto(form, generatePlotsInput, input);
    if (parsed) generate.mutate(parsed);
  };

  const num = (name: keyof Values, label: string, max: number, testId: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber<number> min={1} max={max} precision={0} style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );

  return (
    <FormModal<Values>
      title="批量生成墓位"
      open={open}
      form={form}
      pending={generate.isPending}
      okText={count > 0 ? `生成 ${count} 个墓位` : '生成墓位'}
      onClose={onClose}
      onSubmit={submit}
      initialValues={{ rowFrom: 1, numberFrom: 1, plotType: 'single', areaM2: 0.5, urnCapacity: 1, feeYuan: 0 }}
    >
      <Form.Item
        name="sectionCode"
        label="墓区"
        extra="如 A、B、松园；已有墓区时在其中追加（排号不能与已有墓位重叠）"
        rules={[{ required: true, whitespace: true, message: '请填写墓区' }]}
      >
        <AutoComplete autoFocus options={sections.map((s) => ({ value: s }))} placeholder="如 A" data-testid="generate-section" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={6}>{num('rowFrom', '起始排', 999, 'generate-row-from')}</Col>
        <Col span={6}>{num('rowTo', '终止排', 999, 'generate-row-to')}</Col>
        <Col span={6}>{num('numberFrom', '起始号', 9999, 'generate-number-from')}</Col>
        <Col span={6}>{num('numberTo', '终止号', 9999, 'generate-number-to')}</Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="plotType" label="墓位类型">
            <Select
              data-testid="generate-type"
              options={plotTypes.map((t) => ({ value: t, label: plotTypeLabels[t] }))}
              onChange={(t: PlotType) => form.setFieldValue('urnCapacity', defaultUrnCapacity[t])}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="areaM2"
            label="面积（平方米）"
            extra={
              limit && limit.maxAreaM2 !== null
                ? `现行上限 ${limit.maxAreaM2.toFixed(2)} m²（${limit.effectiveFrom} 起${limit.isSample ? '，示例值' : ''}）`
                : '该类型未设面积上限'
            }
            rules={[{ required: true, message: '请填写面积' }]}
          >
            <InputNumber<number>
              min={0.01}
              max={100}
              step={0.05}
              precision={2}
              style={{ width: '100%' }}
              data-testid="generate-area"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="urnCapacity" label="可安放骨灰（份）" rules={[{ required: true, message: '请填写容量' }]}>
            <InputNumber<number> min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="generate-capacity" />
          </Form.Item>
        </Col>
      </Row>
      <YuanField name="feeYuan" label="墓位费（元）" testId="generate-fee" />
      {count > 0 && v?.sectionCode && (
        <Alert
          type="info"
          showIcon
          title={
            <Typography.Text>
              将生成 <b>{count}</b> 个墓位：{plotLabel(v.sectionCode.trim(), v.rowFrom!, v.numberFrom!)} 至{' '}
              {plotLabel(v.sectionCode.trim(), v.rowTo!, v.numberTo!)}
            </Typography.Text>
          }
        />
      )}
    </FormModal>
  );
}
