/**
 * A boot thread (started by boot-thread.js): first tells the thread that started it which job it runs, then
 * runs that job's boots (campaign.ts, runBoots) and reports what it saw.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { earlyJob, runBoots, type BootThreadData } from './campaign';

const data = workerData as BootThreadData;
const job = 'job' in data ? data.job : earlyJob(data.early);
parentPort!.postMessage({ job });
if (job)
  runBoots(job).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => {
      throw error;
    },
  );
