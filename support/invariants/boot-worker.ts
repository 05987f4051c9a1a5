/** A worker thread of a campaign: runs boots of the campaign's job (campaign.ts, runBoots) and reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runBoots, type BootJob } from './campaign';

runBoots(workerData as BootJob).then(
  (result) => parentPort!.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
