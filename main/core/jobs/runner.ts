import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobView } from './contract';
import type { JobKind } from './registry';

interface Job extends JobView {
  ownerId: number;
  worker: Worker | null;
}

type Message =
  | { type: 'progress'; done: number; total: number; message: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string };

// Finished jobs are kept a while so a client polling late still gets the result.
const KEEP_FINISHED = 200;

/**
 * Runs long work on worker threads so the main process (Electron's UI loop or the HTTP bridge)
 * keeps answering. Clients poll `jobs.get` for progress; that works the same over IPC and HTTP.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly worker: { script: string; execArgv: string[] },
    private readonly databasePath: string,
    private readonly nativeBinding: string | undefined,
  ) {}

  start(kind: JobKind, params: unknown, ownerId: number, onDone?: (job: JobView) => void): string {
    const id = randomUUID();
    const job: Job = {
      id,
      kind,
      ownerId,
      state: 'running',
      progress: { done: 0, total: 0, message: '已开始' },
      result: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      worker: null,
    };
    this.jobs.set(id, job);
    const finish = (patch: Partial<JobView>): void => {
      if (job.state !== 'running') return;
      Object.assign(job, patch, { finishedAt: new Date().toISOString() });
      job.worker = null;
      this.prune();
      onDone?.(this.view(job));
    };
    const w = new Worker(this.worker.script, {
      execArgv: this.worker.execArgv,
      workerData: { kind, params, databasePath: this.databasePath, nativeBinding: this.nativeBinding },
    });
    job.worker = w;
    w.on('message', (m: Message) => {
      if (m.type === 'progress') job.progress = { done: m.done, total: m.total, message: m.message };
      else if (m.type === 'result') finish({ state: 'done', result: m.result });
      else finish({ state: 'failed', error: { code: 'INTERNAL', message: `后台任务失败：${m.message}` } });
    });
    w.on('error', (e) => finish({ state: 'failed', error: { code: 'INTERNAL', message: `后台任务失败：${e.message}` } }));
    w.on('exit', (code) => {
      if (code !== 0) finish({ state: 'failed', error: { code: 'INTERNAL', message: `后台任务异常退出（${code}）` } });
    });
    return id;
  }

  get(id: string): (JobView & { ownerId: number }) | undefined {
    const job = this.jobs.get(id);
    return job ? { ...this.view(job), ownerId: job.ownerId } : undefined;
  }

  /** Resolves when the job finishes (tests, and callers that must wait). */
  async wait(id: string, pollMs = 20): Promise<JobView> {
    for (;;) {
      const job = this.jobs.get(id);
      if (!job) throw new Error(`no job ${id}`);
      if (job.state !== 'running') return this.view(job);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /**
   * Stops every running job (the app is closing, or a restore replaces the database). They end as
   * failed without their follow-up (onDone): it would write to a database that is going away.
   */
  stopAll(): void {
    for (const job of this.jobs.values()) {
      if (job.state !== 'running') continue;
      Object.assign(job, {
        state: 'failed',
        error: { code: 'INTERNAL', message: '后台任务已中止（程序关闭或数据库已恢复）' },
        finishedAt: new Date().toISOString(),
      });
      void job.worker?.terminate();
      job.worker = null;
    }
  }

  private view(job: Job): JobView {
    const { id, kind, state, progress, result, error, startedAt, finishedAt } = job;
    return { id, kind, state, progress: { ...progress }, result, error, startedAt, finishedAt };
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}
