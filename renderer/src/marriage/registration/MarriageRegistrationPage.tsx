import { AuditOutlined, CheckCircleOutlined, ClearOutlined, FileExclamationOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Modal,
  Result,
  Row,
  Space,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { localTodayIso } from '../../../../main/core/idnumber/dates';
import { normalizeDocumentNumber } from '../../../../main/core/idnumber/normalize';
import { applicationSchema, type CheckResult, type RefusalView, type RegistrationView } from '../../../../main/marriage/contract';
import { call, useMutate } from '../../app/api';
import { PdfDocuments } from '../../app/PdfDocuments';
import { ConfirmButton } from '../../app/ConfirmButton';
import { parseInto } from '../../app/formRules';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../app/session';
import { checkDocument, nationalityFromDocument, partyOriginLabels, partyTitle, provinceFromResidentId } from './derive';
import {
  clearDraft,
  emptyValues,
  loadDraft,
  saveDraft,
  toApplication,
  type ApplicationInput,
  type PartyValues,
  type RegistrationValues,
} from './draft';
import { MarriageRecordView } from './MarriageRecordPage';
import { PartyPanel } from './PartyPanel';
import { ReasonList } from './ReasonList';
import { JointPhoto } from '../attachments/JointPhoto';

// 结婚登记 at the counter: both parties side by side, ID number first, checks on F9, then either
// registration (certificate number allocated by the service) or a refusal kept on record.
// Keyboard: F9 / Ctrl+Enter 审查; Enter in 证件号码 reads the number and moves to 姓名; after a
// passing check the focus goes to 登记, whose dialog confirms with Enter and closes with Esc.

type Outcome = { kind: 'form' } | { kind: 'registered'; view: RegistrationView } | { kind: 'refused'; view: RefusalView };

export function MarriageRegistrationPage() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'form' });
  // A new key mounts a fresh form (next couple); the same key after a refusal re-reads the draft.
  const [couple, setCouple] = useState(1);

  const top = useRef<HTMLDivElement>(null);
  // Each outcome starts at the top of the page, whatever the form was scrolled to.
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
  }, [outcome]);

  const nextCouple = useCallback(() => {
    clearDraft();
    setCouple((c) => c + 1);
    setOutcome({ kind: 'form' });
  }, []);

  return (
    <div ref={top}>
      <PageHeader
        title="结婚登记"
        extra={
          <Space size={16}>
            <span data-testid="registration-date">
              登记日期：<Typography.Text strong>{localTodayIso()}</Typography.Text>（今天）
            </span>
            <Typography.Text type="secondary">F9 / Ctrl+Enter 审查</Typography.Text>
          </Space>
        }
      />
      {outcome.kind === 'form' && (
        <RegistrationForm
          key={couple}
          onRegistered={(view) => {
            clearDraft();
            setOutcome({ kind: 'registered', view });
          }}
          onRefused={(view) => setOutcome({ kind: 'refused', view })}
          onReset={nextCouple}
        />
      )}
      {outcome.kind === 'registered' && <Registered view={outcome.view} onNext={nextCouple} />}
      {outcome.kind === 'refused' && (
        <Refused view={outcome.view} onBack={() => setOutcome({ kind: 'form' })} onNext={nextCouple} />
      )}
    </div>
  );
}

interface Checked {
  application: ApplicationInput;
  result: CheckResult;
  /** Panel titles with names at the time of the check: 男方 张三. */
  partyNames: [string, string];
}

function RegistrationForm({
  onRegistered,
  onRefused,
  onReset,
}: {
  onRegistered: (view: RegistrationView) => void;
  onRefused: (view: RefusalView) => void;
  onReset: () => void;
}) {
  const { message } = App.useApp();
  const { me, phase } = useSession();
  const userId = me?.user.id ?? 0;
  const today = localTodayIso();
  const [form] = Form.useForm<RegistrationValues>();
  const [initial] = useState<RegistrationValues>(() => loadDraft(userId, localTodayIso()) ?? emptyValues());
  const restored = initial.parties.some((p) => p.documentNumber !== '' || p.name !== '');
  // The number each ID box held when the clerk last left it: its problems show from then on.
  const [committed, setCommitted] = useState<[string, string]>(() => [
    initial.parties[0].documentNumber,
    initial.parties[1].documentNumber,
  ]);
  // Which number last filled birth date, sex and province: tabbing through again must not undo a
  // correction the clerk made by hand (a household moved since the ID was issued).
  const filledFrom = useRef<[string, string]>([
    `${initial.parties[0].documentType}:${initial.parties[0].documentNumber}`,
    `${initial.parties[1].documentType}:${initial.parties[1].documentNumber}`,
  ]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [stale, setStale] = useState(false);
  const [confirming, setConfirming] = useState<'register' | 'refuse' | null>(null);
  const firstInput = useRef<InputRef>(null);
  const resultCard = useRef<HTMLDivElement>(null);
  const registerButton = useRef<HTMLButtonElement>(null);
  // After a check (once the buttons are enabled again): show the result; a passing one hands
  // the focus to 登记 so Enter, Enter registers.
  const focusAfterCheck = useRef(false);

  const persist = useCallback(
    () => saveDraft(userId, localTodayIso(), form.getFieldsValue(true) as RegistrationValues),
    [form, userId],
  );

  const check = useMutate('marriage.check', { form });
  const register = useMutate('marriage.register', {
    form,
    success: '结婚登记已完成',
    onSuccess: (view) => {
      setConfirming(null);
      onRegistered(view);
    },
    onError: () => {
      // The register may have changed since the check (another counter): check again first.
      setConfirming(null);
      setStale(true);
    },
  });
  const refuse = useMutate('marriage.refuse', {
    form,
    success: '不予办理结婚登记已记录',
    onSuccess: (view) => {
      setConfirming(null);
      onRefused(view);
    },
    onError: () => {
      setConfirming(null);
      setStale(true);
    },
  });
  const busy = check.isPending || register.isPending || refuse.isPending;

  /** Reads the document number as typed: normalises it and fills what a resident ID says. */
  const commitDocument = useCallback(
    (index: 0 | 1, then?: 'focusName') => {
      const p = form.getFieldValue(['parties', index]) as PartyValues;
      const raw = p.documentNumber ?? '';
      const number = normalizeDocumentNumber(raw);
      if (number !== raw) form.setFieldValue(['parties', index, 'documentNumber'], number);
      setCommitted((prev) => (index === 0 ? [number, prev[1]] : [prev[0], number]));
      const doc = checkDocument(p.documentType, number, localTodayIso());
      const key = `${p.documentType}:${number}`;
      if (doc?.ok && filledFrom.current[index] !== key) {
        filledFrom.current[index] = key;
        const fill: { name: (string | number)[]; value: unknown }[] = [];
        const at = (name: keyof PartyValues) => ['parties', index, name];
        if (doc.value.birthDate) fill.push({ name: at('birthDate'), value: doc.value.birthDate });
        if (doc.value.sex) fill.push({ name: at('sex'), value: doc.value.sex });
        const nationality = p.documentType === 'residentId' ? undefined : nationalityFromDocument(p.documentType, number);
        if (nationality && p.nationality === 'CHN') fill.push({ name: at('nationality'), value: nationality });
        const province = p.documentType === 'residentId' ? provinceFromResidentId(doc.value.number) : undefined;
        if (province && p.nationality === 'CHN') fill.push({ name: at('householdProvince'), value: province });
        if (fill.length > 0) {
          form.setFields(fill.map((f) => ({ ...f, errors: [] })) as unknown as Parameters<typeof form.setFields>[0]);
          setStale(true);
          persist();
        }
      }
      if (then === 'focusName') form.focusField(['parties', index, 'name']);
    },
    [form, persist],
  );

  const runCheck = async (): Promise<void> => {
    if (busy || confirming) return;
    commitDocument(0);
    commitDocument(1);
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) {
        form.scrollToField(first.name, { block: 'center' });
        form.focusField(first.name);
      }
      void message.error('请先补全标红的项目');
      return;
    }
    const values = form.getFieldsValue(true) as RegistrationValues;
    const application = toApplication(values, localTodayIso());
    if (!parseInto(form, applicationSchema, application, (m) => void message.error(m))) return;
    const sexes = values.parties.map((p) => p.sex);
    const partyNames = values.parties.map((p, i) => `${partyTitle(i as 0 | 1, sexes)} ${p.name.trim()}`) as [string, string];
    check.mutate(application, {
      onSuccess: (result) => {
        setChecked({ application, result, partyNames });
        setStale(false);
        focusAfterCheck.current = true;
      },
    });
  };

  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    const isCheck = e.key === 'F9' || ((e.ctrlKey || e.metaKey) && e.key === 'Enter');
    if (!isCheck || phase !== 'ready') return;
    e.preventDefault();
    void runCheck();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onShortcut(e);
    // Capture phase: pickers and selects stop keydown from bubbling while they have the focus.
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const current = checked && !stale ? checked : null;
  useEffect(() => {
    if (!focusAfterCheck.current || busy || !checked) return;
    focusAfterCheck.current = false;
    resultCard.current?.scrollIntoView({ block: 'nearest' });
    if (checked.result.canRegister) registerButton.current?.focus();
  }, [busy, checked]);
  const canRegister = current?.result.canRegister === true;
  const canRefuse = current !== null && !current.result.canRegister;

  return (
    <Form<RegistrationValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '96px' }}
      wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      labelWrap
      colon={false}
      requiredMark={false}
      initialValues={initial}
      onValuesChange={() => {
        persist();
        setStale(true);
      }}
      // No submit on Enter: the couple is registered only through 审查 and the confirmation.
      onFinish={() => undefined}
      data-testid="marriage-registration-form"
    >
      {restored && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title="已恢复本窗口上次未完成的录入"
          action={
            <ConfirmButton
              title="清空全部已录入的内容？"
              okText="清空"
              danger
              onConfirm={onReset}
              buttonProps={{ size: 'small' }}
            >
              清空重录
            </ConfirmButton>
          }
        />
      )}
      <Row gutter={16}>
        {([0, 1] as const).map((i) => (
          <Col span={12} key={i}>
            <PartyPanel
              index={i}
              today={today}
              committedNumber={committed[i]}
              onCommitDocument={commitDocument}
              firstInputRef={i === 0 ? firstInput : undefined}
            />
          </Col>
        ))}
      </Row>

      <div ref={resultCard} style={{ marginTop: 16, scrollMarginBottom: 88 }}>
        {checked && <CheckResultCard checked={checked} stale={stale} />}
      </div>

      <Card
        size="small"
        style={{ position: 'sticky', bottom: 0, marginTop: 16, zIndex: 2, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
      >
        <Flex gap={12} align="center" wrap>
          <Button
            type={canRegister ? 'default' : 'primary'}
            icon={<AuditOutlined />}
            loading={check.isPending}
            disabled={busy && !check.isPending}
            onClick={() => void runCheck()}
            data-testid="check"
          >
            审查（F9）
          </Button>
          <Button
            ref={registerButton}
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={!canRegister || busy}
            onClick={() => setConfirming('register')}
            data-testid="register"
          >
            登记
          </Button>
          <Button
            danger
            icon={<FileExclamationOutlined />}
            disabled={!canRefuse || busy}
            onClick={() => setConfirming('refuse')}
            data-testid="refuse"
          >
            出具不予办理通知
          </Button>
          <Typography.Text type="secondary" style={{ flex: 1 }}>
            {!checked
              ? '录入完毕后按 F9 审查；审查通过方可登记'
              : stale
                ? '资料已修改，请重新审查（F9）'
                : canRegister
                  ? '审查通过，可以登记'
                  : '审查未通过：请核对修改后重新审查，或出具不予办理通知'}
          </Typography.Text>
          <ConfirmButton
            title="清空全部已录入的内容？"
            okText="清空"
            danger
            onConfirm={onReset}
            buttonProps={{ icon: <ClearOutlined /> }}
          >
            清空
          </ConfirmButton>
        </Flex>
      </Card>

      {current && (
        <>
          <Modal
            title="确认办理结婚登记"
            open={confirming === 'register'}
            okText="登记"
            cancelText="取消"
            onOk={() => {
              if (!register.isPending) register.mutate(current.application);
            }}
            onCancel={() => {
              if (!register.isPending) setConfirming(null);
            }}
            keyboard={!register.isPending}
            confirmLoading={register.isPending}
            okButtonProps={{ autoFocus: true, 'data-testid': 'confirm-register' }}
            destroyOnHidden
            mask={{ closable: false }}
          >
            <Typography.Paragraph style={{ fontSize: 16 }}>
              {current.partyNames[0]}、{current.partyNames[1]}
            </Typography.Paragraph>
            <Typography.Paragraph>登记后将分配结婚证字号，登记记录不能删除。</Typography.Paragraph>
          </Modal>
          <Modal
            title="出具不予办理结婚登记通知"
            open={confirming === 'refuse'}
            okText="记录不予办理"
            cancelText="取消"
            okButtonProps={{ danger: true, 'data-testid': 'confirm-refuse' }}
            cancelButtonProps={{ autoFocus: true }}
            onOk={() => {
              if (!refuse.isPending) refuse.mutate(current.application);
            }}
            onCancel={() => {
              if (!refuse.isPending) setConfirming(null);
            }}
            keyboard={!refuse.isPending}
            confirmLoading={refuse.isPending}
            destroyOnHidden
            mask={{ closable: false }}
          >
            <Typography.Paragraph>
              将对 {current.partyNames[0]}、{current.partyNames[1]} 记录不予办理结婚登记，理由为审查得出的以下各项：
            </Typography.Paragraph>
            <ReasonList reasons={current.result.reasons} partyNames={current.partyNames} />
          </Modal>
        </>
      )}
    </Form>
  );
}

function CheckResultCard({ checked, stale }: { checked: Checked; stale: boolean }) {
  const { result, partyNames } = checked;
  return (
    <Card
      size="small"
      title={
        <Space>
          审查结果
          {result.canRegister ? (
            <Tag color="green">符合结婚登记条件</Tag>
          ) : (
            <Tag color="red">不予办理：{result.reasons.length} 项理由</Tag>
          )}
          {stale && <Tag color="orange">资料已修改，结果已过时</Tag>}
        </Space>
      }
      style={{ opacity: stale ? 0.6 : 1 }}
      data-testid="check-result"
    >
      <Descriptions
        size="small"
        column={4}
        style={{ marginBottom: result.reasons.length + result.notices.length > 0 ? 12 : 0 }}
        items={[
          { key: 'origin', label: '类别', children: partyOriginLabels[result.partyOrigin] },
          { key: 'cross', label: '跨省通办', children: result.crossProvince ? <Tag color="blue">是</Tag> : '否' },
          { key: 'age0', label: `${partyNames[0]} 年龄`, children: `${result.ages[0]} 周岁` },
          { key: 'age1', label: `${partyNames[1]} 年龄`, children: `${result.ages[1]} 周岁` },
        ]}
      />
      {result.reasons.length > 0 && <ReasonList reasons={result.reasons} partyNames={partyNames} />}
      {result.notices.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="提示"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}

function Registered({ view, onNext }: { view: RegistrationView; onNext: () => void }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Result
        status="success"
        title="结婚登记完成"
        subTitle={`${view.parties[0].name}、${view.parties[1].name} · 登记日期 ${view.registrationDate}`}
        style={{ background: '#fff', paddingBlock: 24 }}
        extra={
          <Space orientation="vertical" size={16} align="center">
            <div>
              <div>结婚证字号</div>
              <Typography.Text
                strong
                copyable
                style={{ fontSize: 32, fontFamily: 'Consolas, "Courier New", monospace', letterSpacing: 1 }}
                data-testid="certificate-number"
              >
                {view.certificateNumber}
              </Typography.Text>
            </div>
            <Space>
              <Button type="primary" size="large" icon={<UserAddOutlined />} autoFocus onClick={onNext} data-testid="next-couple">
                下一对
              </Button>
              <Link to={`/marriage/records/${view.id}`}>
                <Button size="large">查看登记记录</Button>
              </Link>
            </Space>
          </Space>
        }
      />
      <JointPhoto registrationId={view.id} />
      <PdfDocuments
        items={[
          {
            key: 'preview',
            label: '结婚证预览（样本）',
            generate: () => call('marriage.documents.certificate', { id: view.id, mode: 'preview', printer: null }),
          },
          {
            key: 'overlay',
            label: '结婚证套打',
            generate: () => call('marriage.documents.certificate', { id: view.id, mode: 'overlay', printer: null }),
          },
          { key: 'review', label: '审查处理表', generate: () => call('marriage.documents.reviewForm', { id: view.id }) },
          { key: 'declarations', label: '声明书', generate: () => call('marriage.documents.declarations', { id: view.id }) },
        ]}
      />
      <MarriageRecordView record={view} />
    </Space>
  );
}

function Refused({ view, onBack, onNext }: { view: RefusalView; onBack: () => void; onNext: () => void }) {
  const names: [string, string] = [view.names[0] ?? '当事人一', view.names[1] ?? '当事人二'];
  return (
    <Card data-testid="refusal-record">
      <Result
        status="warning"
        title="已记录不予办理结婚登记"
        subTitle={`${names.join('、')} · ${view.refusalDate}`}
        style={{ paddingBlock: 16 }}
      />
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'id',
            label: '不予办理记录编号',
            children: (
              <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="refusal-id">
                {view.id}
              </Typography.Text>
            ),
          },
          { key: 'date', label: '日期', children: view.refusalDate },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        不予办理的理由（共 {view.reasons.length} 项）
      </Typography.Title>
      <ReasonList reasons={view.reasons} partyNames={names} />
      <Flex justify="center" style={{ marginTop: 16 }}>
        <PdfDocuments
          items={[
            {
              key: 'notice',
              label: '不予办理结婚登记通知单',
              generate: () => call('marriage.documents.refusalNotice', { refusalId: view.id }),
            },
          ]}
        />
      </Flex>
      <Flex gap={12} justify="center" style={{ marginTop: 16 }}>
        <Button type="primary" size="large" icon={<UserAddOutlined />} autoFocus onClick={onNext} data-testid="next-couple">
          下一对
        </Button>
        <Button size="large" onClick={onBack}>
          返回修改本对资料
        </Button>
      </Flex>
    </Card>
  );
}
