import { Alert, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { JobView } from '../../app/contract';
import type { ApiError } from '../../app/errors';

/**
 * Progress of a running job, then its outcome. `renderResult` turns the job's result (typed per
 * job kind by the caller) into what the person needs to read.
 */
export function JobProgress({
  job,
  error,
  label,
  renderResult,
}: {
  job: JobView | undefined;
  error: ApiError | null;
  label: string;
  renderResult: (result: unknown) => ReactNode;
}) {
  if (error && !job) return <Alert type="error" showIcon title={error.message} />;
  if (!job) return <Progress percent={0} status="active" aria-label={label} />;
  const { done, total, message } = job.progress;
  const percent = job.state === 'done' ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  const status = job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active';
  return (
    <div data-testid="job-progress" aria-live="polite">
      <Progress percent={percent} status={status} aria-label={label} />
      {job.state === 'running' && <Typography.Text type="secondary">{message || '正在处理…'}</Typography.Text>}
      {job.state === 'failed' && (
        <Alert type="error" showIcon title={job.error?.message ?? '任务失败'} style={{ marginTop: 8 }} />
      )}
      {job.state === 'done' && <div style={{ marginTop: 8 }}>{renderResult(job.result)}</div>}
    </div>
  );
}
