import { Alert } from 'antd';
import type { AuditVerifyResult } from '../../app/contract';

/** What audit.verify found: the whole chain intact, or where it first breaks. */
export function AuditVerifyOutcome({ result }: { result: unknown }) {
  const r = result as AuditVerifyResult | null;
  if (!r) return null;
  if (r.intact) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        title={`审计日志完整：已校验 ${r.checked} 条记录，未发现篡改或缺失。`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={`审计日志不完整：已校验 ${r.checked} 条记录`}
      description={
        r.firstBroken
          ? `第一条异常记录编号 ${r.firstBroken.id}：${r.firstBroken.reason}。该记录及其后的记录可能被修改或删除，请保留现场并报告。`
          : '校验未通过，但未能定位异常记录。'
      }
    />
  );
}
