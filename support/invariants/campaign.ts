/**
 * Runs thousands of generated first boots and checks every invariant on each. One run serves all
 * invariant scenarios of a process: the boots are a function of (seed, count), so they are run once
 * and each scenario reads its own verdict. They run in this thread, whose code the example scenarios have
 * already compiled; a large campaign shares them out by run index over worker threads, up to one per core,
 * each with a heap limit. Each share runs exactly the plans fc.assert would run at those indices. A
 * broken invariant is then re-run alone in this thread with the same seed, so fast-check finds the
 * same first failing boot and shrinks it to the smallest one.
 *
 *   BOOTS=<n>         how many boots (the feature says 10000; the benchmark and nightly job ask for more)
 *   FC_SEED=<seed>    replays a run: the same boots, the same failure, the same counter-example
 *   BOOT_THREADS=<n>  threads running boots: 1 is this one, more are workers (default: one per 25,000 boots, at most one per core)
 */
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { anyFirstBoot, type BootPlan } from './boot-plan';
import { BootRig } from './boot';
import { INVARIANTS, type Invariant } from './invariants';
import { bootsFromEnvironment, CAMPAIGN_LIMIT_MS, wholeNumber } from './time-limit';

/** The kinds of boot a worker thread can generate, by name (an arbitrary cannot cross threads). */
export const POPULATIONS: Readonly<Record<string, fc.Arbitrary<BootPlan>>> = { 'any first boot': anyFirstBoot };
/**
 * A thread holds one chunk of plans and one boot at a time (about 70 MB of heap at most): the limit keeps
 * V8 from letting garbage pile up over a million boots, and turns a leak into a crash instead of a full machine.
 * Only a worker thread can have its own limit: that is why a large campaign runs in workers alone.
 */
const THREAD_HEAP_MB = 256;
/**
 * A worker thread compiles the whole suite again, in TurboFan (measured: about 300 functions, 2 s of a second
 * core, for its first 5,000 boots), while this thread's code is already compiled by the scenarios run before.
 * Workers outweigh that only over tens of thousands of boots (measured on 2 cores: 10,000 boots as fast in this
 * thread alone as in two threads, with a third less CPU).
 */
const BOOTS_PER_THREAD_AT_LEAST = 25_000;
/** Plans are generated a chunk at a time, so memory stays bounded however many boots run. */
const CHUNK = 25_000;

/** One thread's part of a campaign: run indices from..from+count-1 of fast-check's runs for the seed. */
export interface Share {
  readonly population: string;
  readonly seed: number;
  readonly from: number;
  readonly count: number;
  /** Real time (ms since the epoch; Date is virtual during a boot) after which the share runs no further boot. */
  readonly stopAt: number;
  /** Shared by every thread of the campaign (a SharedArrayBuffer): set once a share stops early, so the others stop too. */
  readonly halt: Int32Array;
}

export interface ShareResult {
  readonly longestBootMs: number;
  /** The first boot (run index) that broke each invariant (index into INVARIANTS). */
  readonly broken: readonly { readonly invariant: number; readonly boot: number; readonly violation: string }[];
  readonly peakRssBytes: number;
  /** A boot whose phone the runaway guard had to stop: the thread ended its share there. */
  readonly runaway?: string;
  /** The share reached the campaign's time limit before its last boot. */
  readonly outOfTime?: string;
}

export interface Campaign {
  /** The kind of boot the scenario speaks of (boot-plan.ts). */
  readonly population: fc.Arbitrary<BootPlan>;
  readonly boots: number;
  readonly seed: number;
}

export interface CampaignResult extends Campaign {
  readonly tookMs: number;
  readonly threads: number;
  /** The process's peak resident memory (worker threads included) at the end of the run. */
  readonly peakRssBytes: number;
  /** The most virtual time one boot needed. */
  readonly longestBootMs: number;
  /** The first violation of each invariant that broke. */
  readonly broken: ReadonlyMap<Invariant, string>;
  /** A boot whose phone the runaway guard had to stop (support/runaway-guard.ts): the campaign ended there. */
  readonly runaway?: string;
  /** The campaign reached its time limit (CAMPAIGN_LIMIT_MS) before its last boot. */
  readonly outOfTime?: string;
}

const HALTED = 1;
/** The epoch in real time, in every thread: Date is the virtual clock's while boots run. */
const realNow = (): number => performance.timeOrigin + performance.now();
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/** Chosen once per process, so that every invariant scenario of a run checks the same boots. */
const seed = process.env['FC_SEED'] ? wholeNumber('FC_SEED', process.env['FC_SEED']) : Math.floor(Math.random() * 0x7fffffff);

export function campaignOf(population: fc.Arbitrary<BootPlan>, bootsInFeature: number): Campaign {
  return { population, boots: bootsFromEnvironment() ?? bootsInFeature, seed };
}

const runs = new WeakMap<fc.Arbitrary<BootPlan>, Map<number, Promise<CampaignResult>>>();

export function run(campaign: Campaign): Promise<CampaignResult> {
  const byCount = runs.get(campaign.population) ?? new Map<number, Promise<CampaignResult>>();
  runs.set(campaign.population, byCount);
  let result = byCount.get(campaign.boots);
  if (!result) byCount.set(campaign.boots, (result = runAll(campaign)));
  return result;
}

async function runAll(campaign: Campaign): Promise<CampaignResult> {
  const started = performance.now();
  const population = Object.keys(POPULATIONS).find((name) => POPULATIONS[name] === campaign.population);
  if (!population) throw new Error('A campaign runs a population listed in POPULATIONS (campaign.ts).');
  const threads = threadCount(campaign.boots);
  const halt = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const stopAt = realNow() + CAMPAIGN_LIMIT_MS;
  const shares = Array.from({ length: threads }, (_, i): Share => {
    const from = Math.floor((campaign.boots * i) / threads);
    return { population, seed: campaign.seed, from, count: Math.floor((campaign.boots * (i + 1)) / threads) - from, stopAt, halt };
  });
  // A failed worker halts the others.
  const inWorker = (share: Share): Promise<ShareResult> =>
    inWorkerThread(share).catch((error: unknown) => {
      Atomics.store(halt, 0, HALTED);
      throw new Error(`A boot thread failed: ${error instanceof Error ? error.message : String(error)}\n\nReplay: ${replay(campaign)}`, { cause: error });
    });
  // All settled before anything is reported: no share may go on running boots after the campaign's step.
  const settled = await Promise.allSettled(threads === 1 ? [runShare(shares[0]!)] : shares.map(inWorker));
  const results = settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
  const broken = new Map<Invariant, string>();
  results
    .flatMap((result) => result.broken)
    .sort((a, b) => a.boot - b.boot)
    .forEach(({ invariant, violation }) => broken.has(INVARIANTS[invariant]!) || broken.set(INVARIANTS[invariant]!, violation));
  return {
    ...campaign,
    tookMs: performance.now() - started,
    threads,
    peakRssBytes: Math.max(peakRss(), ...results.map((r) => r.peakRssBytes)),
    longestBootMs: Math.max(...results.map((r) => r.longestBootMs)),
    broken,
    // The first share, in run-index order, that stopped early: a looping phone would make every later boot loop too.
    runaway: results.find((result) => result.runaway)?.runaway,
    outOfTime: results.find((result) => result.outOfTime)?.outOfTime,
  };
}

function threadCount(boots: number): number {
  if (process.env['BOOT_THREADS']) {
    const threads = wholeNumber('BOOT_THREADS', process.env['BOOT_THREADS']);
    if (threads < 1) throw new Error(`BOOT_THREADS must be at least 1, not ${threads}.`);
    return Math.min(threads, boots);
  }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(boots / BOOTS_PER_THREAD_AT_LEAST)));
}

/**
 * A boot thread compiles the suite's TypeScript (and a PHONE module) with swc, as ts-node does here
 * (`"swc": true`, no type checking), but without ts-node, which loads all of TypeScript to read the
 * tsconfig: most of a thread's start-up. Source maps are inline, so stack traces name .ts lines.
 */
const THREAD_BOOTSTRAP = `
  const { transformSync } = require('@swc/core');
  const { readFileSync } = require('node:fs');
  process.setSourceMapsEnabled(true);
  const options = (filename) => ({ filename, sourceMaps: 'inline', module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } } });
  require.extensions['.ts'] = (module, filename) => module._compile(transformSync(readFileSync(filename, 'utf8'), options(filename)).code, filename);
  require(${JSON.stringify(require.resolve('./boot-worker'))});
`;

/**
 * Runs one share and reports, for each invariant, the first boot that broke it. fc.sample with
 * `path` yields exactly the plans fc.assert would generate at those run indices.
 */
export async function runShare({ population, seed, from, count, stopAt, halt }: Share): Promise<ShareResult> {
  const rig = new BootRig();
  const broken: { invariant: number; boot: number; violation: string }[] = [];
  let longestBootMs = 0;
  const result = (why: Pick<ShareResult, 'runaway' | 'outOfTime'> = {}): ShareResult => ({ longestBootMs, broken, peakRssBytes: peakRss(), ...why });
  const endEarly = (why: Pick<ShareResult, 'runaway' | 'outOfTime'>): ShareResult => {
    Atomics.store(halt, 0, HALTED);
    return result(why);
  };
  try {
    for (let start = from; start < from + count; start += CHUNK) {
      const plans = fc.sample(POPULATIONS[population]!, { seed, path: String(start), numRuns: Math.min(CHUNK, from + count - start) });
      for (const [offset, plan] of plans.entries()) {
        // Another share stopped early: the campaign reports why, and what this share has not run does not count.
        if (Atomics.load(halt, 0) === HALTED) return result();
        if (realNow() > stopAt) return endEarly({ outOfTime: `The campaign reached its limit of ${CAMPAIGN_LIMIT_MS / 60_000} minutes of real time at boot ${start + offset}.` });
        const boot = await rig.run(plan);
        const stopped = boot.world.guard.failure;
        if (stopped) return endEarly({ runaway: `${stopped.message}\n\n${boot.world.diagnosis()}` });
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
  return result();
}

function inWorkerThread(share: Share): Promise<ShareResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_BOOTSTRAP, { eval: true, workerData: share, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (exitCode) => exitCode === 0 || reject(new Error(`A boot thread stopped with exit code ${exitCode}.`)));
  });
}

export function summary(result: CampaignResult): string {
  return [
    `${result.boots} boots in ${result.threads} thread(s), seed ${result.seed}, ${(result.tookMs / 1000).toFixed(2)} s of real time (${((result.tookMs / result.boots) * 1000).toFixed(0)} µs a boot); peak RSS ${Math.round(result.peakRssBytes / 2 ** 20)} MiB; the longest boot took ${result.longestBootMs / 1000} virtual seconds.`,
    `Replay: ${replay(result)}`,
  ].join('\n');
}

const replay = ({ seed: s, boots }: Campaign): string => `FC_SEED=${s} BOOTS=${boots} npm run test:invariants`;

/**
 * Fails with fast-check's report when the invariant broke: the seed, the smallest boot that breaks
 * it (shrunk), what the phone did in that boot, and the command that replays the run.
 */
export async function expectHolds(result: CampaignResult, invariant: Invariant): Promise<void> {
  if (result.runaway) throw new Error(`A boot had to be stopped, so no boot could show that ${invariant.promise}:\n${result.runaway}\n\nReplay: ${replay(result)}`);
  if (result.outOfTime) throw new Error(`Not every boot ran, so they cannot show that ${invariant.promise}: ${result.outOfTime}\n\nReplay: ${replay(result)}`);
  if (!result.broken.has(invariant)) return;
  const rig = new BootRig();
  // The re-run and its shrinking get the campaign's time limit too: past it, every boot left passes untried, so fast-check stops.
  const stopAt = realNow() + CAMPAIGN_LIMIT_MS;
  let outOfTime = false;
  const details = await fc
    .check(
      fc.asyncProperty(result.population, async (plan) => {
        if (realNow() > stopAt) {
          outOfTime = true;
          return;
        }
        const boot = await rig.run(plan);
        const violation = invariant.violation(boot);
        if (violation) throw new Error(`${violation}\n\n${boot.world.diagnosis()}`);
      }),
      { seed: result.seed, numRuns: result.boots },
    )
    .finally(() => rig.close());
  const report = fc.defaultReportMessage(details);
  const smallest = details.errorInstance instanceof Error ? details.errorInstance.message : '';
  const limit = `${CAMPAIGN_LIMIT_MS / 60_000} minutes of real time`;
  if (!details.failed && outOfTime) {
    throw new Error(`Not every boot keeps the promise that ${invariant.promise}; re-running the boots to find the smallest that breaks it reached its limit of ${limit} first. The campaign's first violation:\n${result.broken.get(invariant)}\n\nReplay: ${replay(result)}`);
  }
  const shrunk = outOfTime ? `The smallest boot that breaks it, as far as shrinking got in ${limit}:` : 'The smallest boot that breaks it:';
  throw new Error(
    report
      ? `Not every boot keeps the promise that ${invariant.promise}.\n\n${report}\n\n${shrunk}\n${smallest}\n\nReplay: ${replay(result)}`
      : `The promise that ${invariant.promise} broke, but not again with the same seed: the boots are not deterministic.\n${result.broken.get(invariant)}`,
  );
}
