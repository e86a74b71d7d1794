import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { jobImplementations, type JobKind } from './registry';

// Entry of a worker thread: runs one job against its own connection and reports back.
interface WorkerInput {
  kind: JobKind;
  params: unknown;
  databasePath: string;
  nativeBinding?: string;
}

const input = workerData as WorkerInput;
const port = parentPort!;
const impl = jobImplementations[input.kind];
let lastReport = 0;

async function main(): Promise<void> {
  const db = openDatabase(input.databasePath, { readonly: impl.readonly, nativeBinding: input.nativeBinding });
  try {
    // Awaited: a job may be asynchronous (an XLSX file is read asynchronously).
    const result = await impl.run(db, input.params, (done, total, message = '') => {
      // Throttle: the UI polls a few times a second; flooding the port only slows the job.
      const now = Date.now();
      if (now - lastReport > 100 || done === total) {
        lastReport = now;
        port.postMessage({ type: 'progress', done, total, message });
      }
    });
    port.postMessage({ type: 'result', result });
  } finally {
    db.close();
  }
}

main().catch((e: unknown) => {
  port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
});
