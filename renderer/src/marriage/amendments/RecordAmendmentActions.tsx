import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { RegistrationView } from '../../../../main/marriage/contract';
import { IssueReplacementModal } from './IssueReplacementModal';
import { ProposeCorrectionModal } from './ProposeCorrectionModal';

/**
 * The record page's 补领 and 更正 buttons. A dissolved marriage gets no new marriage certificate,
 * so it offers the divorce certificate's replacement instead (the service checks it was issued).
 */
export function RecordAmendmentActions({ record }: { record: RegistrationView }) {
  const { message } = App.useApp();
  const [replacing, setReplacing] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const kind = record.status === 'registered' ? 'BJ' : 'BL';
  return (
    <>
      <Button icon={<FileAddOutlined />} onClick={() => setReplacing(true)} data-testid="issue-replacement">
        {kind === 'BJ' ? '补领结婚证' : '补领离婚证'}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)} data-testid="propose-correction">
        申请更正
      </Button>
      <IssueReplacementModal record={record} kind={kind} open={replacing} onClose={() => setReplacing(false)} />
      <ProposeCorrectionModal
        record={record}
        open={correcting}
        onClose={() => setCorrecting(false)}
        onDone={(c) => {
          setCorrecting(false);
          void message.success(`更正申请已提交（第 ${c.id} 号），待婚姻登记负责人审批`);
        }}
      />
    </>
  );
}
