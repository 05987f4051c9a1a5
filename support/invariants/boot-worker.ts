/**
 * One worker thread of a campaign: runs its share of the boots (a range of fast-check's run
 * indices for the campaign's seed) and reports, for each invariant, the first boot that broke it.
 * fc.sample with `path` yields exactly the plans fc.assert would generate at those indices.
 */
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { BootRig } from './boot';
import { POPULATIONS, type Share, type ShareResult } from './campaign';
import { INVARIANTS } from './invariants';

/** Plans are generated a chunk at a time, so memory stays flat however many boots run. */
const CHUNK = 25_000;

async function runShare({ population, seed, from, count }: Share): Promise<ShareResult> {
  const rig = new BootRig();
  const broken: { invariant: number; boot: number; violation: string }[] = [];
  let longestBootMs = 0;
  try {
    for (let start = from; start < from + count; start += CHUNK) {
      const plans = fc.sample(POPULATIONS[population]!, { seed, path: String(start), numRuns: Math.min(CHUNK, from + count - start) });
      for (const [offset, plan] of plans.entries()) {
        const boot = await rig.run(plan);
        const stopped = boot.world.guard.failure;
        if (stopped) return { longestBootMs, broken, peakRssBytes: peakRss(), runaway: `${stopped.message}\n\n${boot.world.diagnosis()}` };
        longestBootMs = Math.max(longestBootMs, boot.world.clock.now - boot.world.poweredOn);
        INVARIANTS.forEach((invariant, index) => {
          if (broken.some((b) => b.invariant === index)) return;
          const violation = invariant.violation(boot);
          if (violation) broken.push({ invariant: index, boot: start + offset, violation });
        });
      }
    }
  } finally {
    rig.close();
  }
  return { longestBootMs, broken, peakRssBytes: peakRss() };
}

const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

runShare(workerData as Share).then(
  (result) => parentPort!.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
