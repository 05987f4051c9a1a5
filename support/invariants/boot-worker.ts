/** A worker thread of a campaign: runs its share of the boots (campaign.ts, runShare) and reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runShare, type Share } from './campaign';

runShare(workerData as Share).then(
  (result) => parentPort!.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
