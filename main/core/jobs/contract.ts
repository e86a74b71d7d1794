import { z } from 'zod';
import { channel, returns, sessionAccess } from '../contract/define';
import type { AppError } from '../contract/result';

export interface JobView {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number; message: string };
  result: unknown;
  error: AppError | null;
  startedAt: string;
  finishedAt: string | null;
}

export const jobsContract = {
  'jobs.get': channel({
    input: z.object({ id: z.string().min(1).max(64).describe('任务编号') }).strict(),
    output: returns<JobView>(),
    access: sessionAccess,
    summary: '查询后台任务的进度与结果（仅限发起人）',
    mutates: false,
  }),
};
