/**
 * A boot thread (started by boot-thread.js): runs its job's boots (campaign.ts, runBoots) and reports what it
 * saw. A thread the plugin started first works out its job, and says which.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { earlyJob, runBoots, type BootThreadData } from './campaign';

const data = workerData as BootThreadData;
const job = 'job' in data ? data.job : earlyJob(data.early);
if ('early' in data) parentPort!.postMessage({ job });
if (job)
  runBoots(job).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => {
      throw error;
    },
  );
