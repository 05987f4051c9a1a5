/**
 * Runs thousands of generated first boots and checks every invariant on each. One run serves all
 * invariant scenarios of a process: the boots are a function of (seed, count), so they are run once
 * and each scenario reads its own verdict. Threads take the boots a chunk of run indices at a time from a
 * shared counter, and each chunk is exactly the plans fc.assert would run at those indices, so the boots
 * are the same however many threads share them. A run's invariant scenarios find their boots already running,
 * in worker threads on the core the example scenarios leave idle: a BeforeAll hook starts the campaign the
 * selected scenarios ask for (startEarly), or takes over the thread the plugin started for it before Cucumber
 * loaded the support code (early-start-plugin.js). A campaign not started early runs when its scenario asks: in
 * this thread, or, from 50,000 boots, in worker threads alone, up to one per core. However a campaign ran, a
 * broken invariant is re-run alone in this thread with the same seed, so fast-check finds the same first
 * failing boot and shrinks it to the smallest one.
 *
 *   BOOTS=<n>         how many boots (the feature says 10000; the benchmark and nightly job ask for more)
 *   FC_SEED=<seed>    replays a run: the same boots, the same failure, the same counter-example
 *   BOOT_THREADS=<n>  threads running boots: 1 is this one, more are workers; set, it turns the early start off
 *                     (default: from 50,000 boots one worker per 25,000, at most one per core; below, one)
 */
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import { isMainThread, type Worker } from 'node:worker_threads';
import { campaignsAskedBy, type AskingPickle } from './asked';
import { anyFirstBoot, type BootPlan } from './boot-plan';
import { BootRig } from './boot';
import { eventLoopTurn } from '../world';
import { INVARIANTS, type Invariant } from './invariants';
import { bootsFromEnvironment, CAMPAIGN_LIMIT_MS, SettingRefused, wholeNumber } from './time-limit';

const { threadCpuMs } = require('./thread-cpu.js') as { threadCpuMs(): number | undefined };
const { PROCESS_SEED, mayStartEarly, realNow, startBootThread } = require('./boot-thread.js') as {
  PROCESS_SEED: number;
  mayStartEarly(): boolean;
  /** The epoch in real time, in every thread: Date is the virtual clock's while boots run. */
  realNow(): number;
  startBootThread(data: BootThreadData): BootThread;
};
const earlyStartPlugin = (): { takeEarlyThread(): EarlyThread | undefined } => require('./early-start-plugin.js');

/** The kinds of boot a worker thread can generate, by name (an arbitrary cannot cross threads). */
export const POPULATIONS: Readonly<Record<string, fc.Arbitrary<BootPlan>>> = { 'any first boot': anyFirstBoot };
/**
 * A worker thread compiles the whole suite again, in TurboFan, on top of its boots. Started before the
 * scenarios, it uses the core they leave idle; a campaign started when its scenario runs gets workers only
 * over tens of thousands of boots, since on 2 cores 10,000 boots ran as fast in this thread alone as in two
 * threads, with less CPU (measured with `node --trace-opt`).
 */
const BOOTS_PER_THREAD_AT_LEAST = 25_000;
/**
 * fast-check reaches run index n by skipping n random generators (0.3 to 0.5 µs each, measured on this
 * project's 2-core machine), so a chunk starting late costs more: chunks of a campaign shared between threads
 * grow with it, a fortieth of it, and hold at least this many boots. A campaign on one thread is one chunk: it
 * skips nothing. Plans are generated one at a time (eachPlan), so a chunk's size costs no memory.
 */
const CHUNK_AT_LEAST = 250;
/**
 * A thread takes a real turn of the event loop after this many boots, so that a phone's promise rejection nobody
 * handled fails the campaign within them (see ProvisioningWorld.start); a turn costs less than one boot (measured).
 */
const BOOTS_PER_TURN = 250;
/** Indices into a campaign's shared Int32Array. */
const NEXT_BOOT = 0;
const HALT = 1;
const HALTED = 1;

/** A campaign's boots as every thread running them sees it: chunks of fast-check's run indices for the seed, taken until none is left. */
export interface BootJob {
  readonly population: string;
  readonly seed: number;
  readonly boots: number;
  readonly chunk: number;
  /** Real time (ms since the epoch; Date is virtual during a boot) after which no thread starts another boot. */
  readonly stopAt: number;
  /**
   * Shared by every thread of the campaign (a SharedArrayBuffer): [NEXT_BOOT] the next run index to take,
   * [HALT] set once a thread stops early, so the others stop too.
   */
  readonly shared: Int32Array;
}

/** What a boot thread runs (boot-thread.js, boot-worker.ts): a campaign's job, or the campaign the plugin's pickles ask for. */
export type BootThreadData = { readonly job: BootJob } | { readonly early: EarlyStart };

/** What the plugin tells a boot thread it starts before the support code loads. */
export interface EarlyStart {
  /** The invariant scenarios of the run's feature files, parsed by the plugin. */
  readonly pickles: readonly AskingPickle[];
  /** The process's seed, unless FC_SEED sets one. */
  readonly seed: number;
}

/** A boot thread at work (boot-thread.js). */
export interface BootThread {
  readonly worker: Worker;
  /** An early thread's job, from its first message; undefined if its pickles ask for none it can run. */
  readonly job: Promise<BootJob | undefined>;
  /** What it saw, from its last message; rejected if it failed or ended without saying. */
  readonly result: Promise<ThreadResult>;
}

/** A boot thread the plugin started before the support code loaded (early-start-plugin.js). */
export interface EarlyThread extends BootThread {
  readonly startedAt: number;
}

/** What one thread saw of the boots it ran. */
export interface ThreadResult {
  readonly longestBootMs: number;
  /** The first boot (run index) that broke each invariant (index into INVARIANTS). */
  readonly broken: readonly { readonly invariant: number; readonly boot: number; readonly violation: string }[];
  readonly peakRssBytes: number;
  /** Real time (ms since the epoch) when the thread ran out of boots or stopped. */
  readonly finishedAt: number;
  /**
   * The CPU time the thread spent on the campaign: a worker's whole life, its loading of the suite's code included;
   * the test run's own thread, its boots. Undefined where the system does not tell (thread-cpu.js).
   */
  readonly cpuMs?: number;
  /** A boot whose phone the runaway guard had to stop, and its run index: the thread stopped there. */
  readonly runaway?: { readonly boot: number; readonly story: string };
  /** The thread reached the campaign's time limit before the boots ran out. */
  readonly outOfTime?: string;
}

export interface Campaign {
  /** The kind of boot the scenario speaks of (boot-plan.ts). */
  readonly population: fc.Arbitrary<BootPlan>;
  readonly boots: number;
  readonly seed: number;
}

export interface CampaignResult extends Campaign {
  /** Real time from the campaign's start to its last thread's end. */
  readonly tookMs: number;
  readonly threads: number;
  /** Which threads ran the boots, in words: "1 worker thread, started before the first scenario". */
  readonly threadsOn: string;
  /** The process's peak resident memory (worker threads included) at the end of the run. */
  readonly peakRssBytes: number;
  /** The most virtual time one boot needed. */
  readonly longestBootMs: number;
  /** The CPU time of its busiest thread (ThreadResult.cpuMs): these threads cannot run the campaign in less real time. */
  readonly busiestThreadCpuMs?: number;
  /** The first boot (run index) that broke each invariant that broke, and how. */
  readonly broken: ReadonlyMap<Invariant, { readonly boot: number; readonly violation: string }>;
  /** A boot whose phone the runaway guard had to stop (support/runaway-guard.ts): the campaign ended there. */
  readonly runaway?: string;
  /** The campaign reached its time limit (CAMPAIGN_LIMIT_MS) before its last boot. */
  readonly outOfTime?: string;
}

const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const LIMIT = `${CAMPAIGN_LIMIT_MS / 60_000} minutes of real time`;

const seedOf = (processSeed: number): number => (process.env['FC_SEED'] ? wholeNumber('FC_SEED', process.env['FC_SEED']) : processSeed);
/** The same for every invariant scenario of a run, so that they all check the same boots. */
const seed = seedOf(PROCESS_SEED);

export function campaignOf(population: fc.Arbitrary<BootPlan>, bootsInFeature: number): Campaign {
  return { population, boots: bootsFromEnvironment() ?? bootsInFeature, seed };
}

/** A campaign whose threads are at work: its job, and the worker threads it started. */
interface Launched {
  readonly campaign: Campaign;
  /** When its threads started, in words, if before its scenario asked: "started before the first scenario". */
  readonly startedWhen?: string;
  readonly startedAt: number;
  readonly job: BootJob;
  readonly workers: readonly Promise<ThreadResult>[];
}

/** By population name and boot count. */
const results = new Map<string, Promise<CampaignResult>>();
/** Campaigns started before their scenarios, not yet asked for. */
const unclaimed = new Map<string, Promise<Launched>>();

const populationName = ({ population }: Campaign): string => {
  const name = Object.keys(POPULATIONS).find((candidate) => POPULATIONS[candidate] === population);
  if (!name) throw new Error('A campaign runs a population listed in POPULATIONS (campaign.ts).');
  return name;
};
const keyOf = (campaign: Campaign): string => `${populationName(campaign)} × ${campaign.boots}`;

/** The campaign's result; it runs once per process, however many scenarios ask. */
export function run(campaign: Campaign): Promise<CampaignResult> {
  const key = keyOf(campaign);
  let result = results.get(key);
  if (!result) {
    const started = unclaimed.get(key);
    unclaimed.delete(key);
    const threads = threadCount(campaign.boots);
    // This thread never joins an early campaign: it would compile the boots' code a second time, for no shorter a run (measured).
    const here = !started && threads === 1;
    results.set(key, (result = started ? started.then((launched) => gather(launched, false)) : gather(launch(campaign, here ? 0 : threads), here)));
  }
  return result;
}

/**
 * Starts the campaign's worker threads now, before any scenario asks for it (a BeforeAll hook, once the run
 * knows it will run invariant scenarios), so that the boots use the core the example scenarios leave idle;
 * or claims the thread the plugin started before the support code loaded, if it runs this campaign.
 */
export function startEarly(campaign: Campaign): void {
  const key = keyOf(campaign);
  if (results.has(key) || unclaimed.has(key) || !mayStartEarly()) return;
  const early = earlyStartPlugin().takeEarlyThread();
  const launched = early ? takeOver(early, campaign) : Promise.resolve(launchBeforeFirstScenario(campaign));
  // An early campaign no scenario asks for must not fail the run on its own: its result is read only through gather.
  launched.then(({ workers }) => workers.forEach((worker) => worker.catch(() => undefined)), () => undefined);
  unclaimed.set(key, launched);
}

/** Stops the workers of early campaigns no scenario asked for (a run that stopped early): an AfterAll hook. */
export function stopUnclaimed(): void {
  // The workers end their current boot, see the flag and report to nobody.
  unclaimed.forEach((launched) => launched.then(({ job }) => Atomics.store(job.shared, HALT, HALTED), () => undefined));
  unclaimed.clear();
}

/**
 * The campaign's threads: the early thread, if it runs this very campaign (joined by as many more as the
 * campaign would start, threadCount); else, once it is ended, new ones.
 */
async function takeOver(early: EarlyThread, campaign: Campaign): Promise<Launched> {
  const job = await early.job.catch(() => undefined);
  if (!job || job.population !== populationName(campaign) || job.seed !== campaign.seed || job.boots !== campaign.boots) {
    await early.worker.terminate();
    return launchBeforeFirstScenario(campaign);
  }
  // Its scenario waits for it now: the run ends when its boots do.
  early.worker.ref();
  const others = Array.from({ length: threadCount(campaign.boots) - 1 }, () => inWorkerThread(job, campaign));
  const startedWhen = `${others.length ? 'the first ' : ''}started before the support code loaded`;
  return { campaign, startedWhen, startedAt: early.startedAt, job, workers: [resultOf(early, job, campaign), ...others] };
}

/** The job of a campaign starting now on `threads` threads: its chunk size, time limit and shared counter. */
function jobFor(campaign: Campaign, startedAt: number, threads: number): BootJob {
  const shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const chunk = threads === 1 ? campaign.boots : Math.max(CHUNK_AT_LEAST, Math.ceil(campaign.boots / 40));
  return { population: populationName(campaign), seed: campaign.seed, boots: campaign.boots, chunk, stopAt: startedAt + CAMPAIGN_LIMIT_MS, shared };
}

/**
 * In a boot thread the plugin started: the job for the first campaign its pickles ask for, with the
 * seed and BOOTS the campaign in the main thread will use; none if they ask for none, or BOOTS is refused (the
 * scenario then says so; a refused FC_SEED already stopped this module from loading).
 */
export function earlyJob({ pickles, seed: processSeed }: EarlyStart): BootJob | undefined {
  const asked = campaignsAskedBy(pickles)[0];
  const population = asked && POPULATIONS[asked.population];
  if (!asked || !population) return undefined;
  try {
    const boots = bootsFromEnvironment() ?? asked.bootsInFeature;
    // takeOver joins this thread with as many more as the campaign starts.
    return jobFor({ population, boots, seed: seedOf(processSeed) }, realNow(), threadCount(boots));
  } catch (error) {
    if (error instanceof SettingRefused) return undefined;
    throw error;
  }
}

/** All the campaign's worker threads, started now, from a BeforeAll hook. */
const launchBeforeFirstScenario = (campaign: Campaign): Launched => launch(campaign, threadCount(campaign.boots), 'started before the first scenario');

function launch(campaign: Campaign, workers: number, startedWhen?: string): Launched {
  const startedAt = realNow();
  // No workers: the test run's own thread runs the boots.
  const job = jobFor(campaign, startedAt, Math.max(workers, 1));
  return { campaign, startedWhen, startedAt, job, workers: Array.from({ length: workers }, () => inWorkerThread(job, campaign)) };
}

/** Runs the boots in this thread (if `here`), waits for the workers, and puts the threads' results together. */
async function gather({ campaign, startedWhen, startedAt, job, workers }: Launched, here: boolean): Promise<CampaignResult> {
  // All settled before anything is reported: no thread may go on running boots after the campaign's step.
  const settled = await Promise.allSettled([...(here ? [runBoots(job)] : []), ...workers]);
  const threads = settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
  const broken = new Map<Invariant, { boot: number; violation: string }>();
  threads
    .flatMap((thread) => thread.broken)
    .sort((a, b) => a.boot - b.boot)
    .forEach(({ invariant, boot, violation }) => broken.has(INVARIANTS[invariant]!) || broken.set(INVARIANTS[invariant]!, { boot, violation }));
  const inWorkers = `${workers.length} worker thread${workers.length === 1 ? '' : 's'}`;
  return {
    ...campaign,
    tookMs: Math.max(...threads.map((thread) => thread.finishedAt)) - startedAt,
    threads: threads.length,
    threadsOn: here ? "the test run's own thread" : startedWhen ? `${inWorkers}, ${startedWhen}` : inWorkers,
    peakRssBytes: Math.max(peakRss(), ...threads.map((thread) => thread.peakRssBytes)),
    longestBootMs: Math.max(...threads.map((thread) => thread.longestBootMs)),
    busiestThreadCpuMs: threads.some((thread) => thread.cpuMs === undefined) ? undefined : Math.max(...threads.map((thread) => thread.cpuMs!)),
    broken,
    // Of the runaways the threads met before they stopped, the one with the lowest run index.
    runaway: threads.flatMap((thread) => (thread.runaway ? [thread.runaway] : [])).sort((a, b) => a.boot - b.boot)[0]?.story,
    outOfTime: threads.find((thread) => thread.outOfTime)?.outOfTime,
  };
}

function threadCount(boots: number): number {
  if (process.env['BOOT_THREADS']) {
    const threads = wholeNumber('BOOT_THREADS', process.env['BOOT_THREADS']);
    if (threads < 1) throw new SettingRefused(`BOOT_THREADS must be at least 1, not ${threads}.`);
    return Math.min(threads, boots);
  }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(boots / BOOTS_PER_THREAD_AT_LEAST)));
}

/**
 * Runs chunks of the campaign's boots until none is left, and reports, for each invariant, the first boot
 * that broke it.
 */
export async function runBoots({ population, seed, boots, chunk, stopAt, shared }: BootJob): Promise<ThreadResult> {
  const cpuBefore = isMainThread ? threadCpuMs() : 0;
  const rig = new BootRig();
  const broken: { invariant: number; boot: number; violation: string }[] = [];
  let longestBootMs = 0;
  const cpuMs = (): number | undefined => {
    const now = threadCpuMs();
    return now === undefined || cpuBefore === undefined ? undefined : now - cpuBefore;
  };
  const result = (why: Pick<ThreadResult, 'runaway' | 'outOfTime'> = {}): ThreadResult => ({ longestBootMs, broken, peakRssBytes: peakRss(), finishedAt: realNow(), cpuMs: cpuMs(), ...why });
  const endEarly = (why: Pick<ThreadResult, 'runaway' | 'outOfTime'>): ThreadResult => {
    Atomics.store(shared, HALT, HALTED);
    return result(why);
  };
  let bootsSinceTurn = 0;
  /** Runs and checks the boot at run index `index`; what the thread reports if it must stop there. */
  const runBoot = async (plan: BootPlan, index: number): Promise<ThreadResult | undefined> => {
    // Another thread stopped early: the campaign reports why, and what this thread has not run does not count.
    if (Atomics.load(shared, HALT) === HALTED) return result();
    if (realNow() > stopAt) return endEarly({ outOfTime: `The campaign reached its limit of ${LIMIT} at boot ${index}.` });
    const boot = await rig.run(plan);
    const stopped = boot.world.guard.failure;
    if (stopped) return endEarly({ runaway: { boot: index, story: `${stopped.message}\n\n${boot.world.diagnosis()}` } });
    longestBootMs = Math.max(longestBootMs, boot.world.clock.now - boot.world.poweredOn);
    INVARIANTS.forEach((invariant, invariantIndex) => {
      if (broken.some((b) => b.invariant === invariantIndex)) return;
      const violation = invariant.violation(boot);
      if (violation) broken.push({ invariant: invariantIndex, boot: index, violation });
    });
    if (++bootsSinceTurn === BOOTS_PER_TURN) {
      bootsSinceTurn = 0;
      await eventLoopTurn();
    }
    return undefined;
  };
  try {
    // A thread's chunks come in increasing order, so the first boot it sees break an invariant is its earliest.
    for (let start = Atomics.add(shared, NEXT_BOOT, chunk); start < boots; start = Atomics.add(shared, NEXT_BOOT, chunk)) {
      const ended = await eachPlan(POPULATIONS[population]!, seed, start, Math.min(chunk, boots - start), runBoot);
      if (ended) return ended;
    }
    // The last boots' rejections too.
    await eventLoopTurn();
  } finally {
    rig.close();
  }
  return result();
}

/**
 * Hands `visit` the plans fc.assert generates at run indices `start` to `start + count - 1`, one at a time, until it
 * returns something, which it returns: fc.check with `path` walks fast-check's generators lazily, so a thread holds
 * one plan, not a chunk of them (25,000 plans weigh 48 MiB, measured, and a chunk's plans lived long enough to fill
 * the old generation).
 */
async function eachPlan<T>(population: fc.Arbitrary<BootPlan>, seed: number, start: number, count: number, visit: (plan: BootPlan, index: number) => Promise<T | undefined>): Promise<T | undefined> {
  let index = start;
  let stoppedWith: T | undefined;
  const details = await fc.check(
    fc.asyncProperty(population, async (plan) => {
      stoppedWith = await visit(plan, index++);
      return stoppedWith === undefined;
    }),
    { seed, path: String(start), numRuns: count, endOnFailure: true },
  );
  if (stoppedWith !== undefined) return stoppedWith;
  // Anything `visit` threw is the thread's failure.
  if (details.failed) throw details.errorInstance ?? new Error(fc.defaultReportMessage(details));
  // fast-check's global settings (fc.configureGlobal: a time limit, say) could end the walk early without a failure.
  if (index !== start + count) throw new Error(`fast-check ran ${index - start} of the ${count} boots from run index ${start}: a global setting (fc.configureGlobal) cut the walk short.`);
  return undefined;
}

function inWorkerThread(job: BootJob, campaign: Campaign): Promise<ThreadResult> {
  return resultOf(startBootThread({ job }), job, campaign);
}

/** What the boot thread saw; a failed thread halts the others. */
function resultOf(thread: BootThread, job: BootJob, campaign: Campaign): Promise<ThreadResult> {
  return thread.result.catch((error: unknown) => {
    Atomics.store(job.shared, HALT, HALTED);
    throw new Error(`A boot thread failed: ${error instanceof Error ? error.message : String(error)}\n\nReplay: ${replay(campaign)}`, { cause: error });
  });
}

/** What the campaign's `boots.json` attachment says, for the benchmark. */
export interface BootFigures {
  readonly boots: number;
  readonly seed: number;
  /** Which threads ran them, in words (CampaignResult.threadsOn). */
  readonly threads: string;
  readonly tookMs: number;
  readonly busiestThreadCpuMs?: number;
  readonly peakRssMiB: number;
}

export function figures(result: CampaignResult): BootFigures {
  const { boots, seed, threadsOn: threads, tookMs, busiestThreadCpuMs, peakRssBytes } = result;
  return { boots, seed, threads, tookMs: Math.round(tookMs), busiestThreadCpuMs: busiestThreadCpuMs === undefined ? undefined : Math.round(busiestThreadCpuMs), peakRssMiB: Math.round(peakRssBytes / 2 ** 20) };
}

export function summary(result: CampaignResult): string {
  const { boots, threads, tookMs, peakRssMiB } = figures(result);
  return [
    `${boots} boots in ${result.threads} thread(s) (${threads}), seed ${result.seed}, ${(tookMs / 1000).toFixed(2)} s of real time (${((tookMs / boots) * 1000).toFixed(0)} µs a boot); peak RSS ${peakRssMiB} MiB; the longest boot took ${result.longestBootMs / 1000} virtual seconds.`,
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
  const first = result.broken.get(invariant);
  if (!first) return;
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
        await eventLoopTurn();
        const violation = invariant.violation(boot);
        if (violation) throw new Error(`${violation}\n\n${boot.world.diagnosis()}`);
      }),
      // Up to the campaign's first failing boot: fast-check finds it there, at the same run index.
      { seed: result.seed, numRuns: first.boot + 1 },
    )
    .finally(() => rig.close());
  const report = fc.defaultReportMessage(details);
  const smallest = details.errorInstance instanceof Error ? details.errorInstance.message : '';
  if (!details.failed && outOfTime) {
    throw new Error(`Not every boot keeps the promise that ${invariant.promise}; re-running the boots to find the smallest that breaks it reached its limit of ${LIMIT} first. The campaign's first violation, at boot ${first.boot}:\n${first.violation}\n\nReplay: ${replay(result)}`);
  }
  const shrunk = outOfTime ? `The smallest boot that breaks it, as far as shrinking got in ${LIMIT}:` : 'The smallest boot that breaks it:';
  throw new Error(
    report
      ? `Not every boot keeps the promise that ${invariant.promise}.\n\n${report}\n\n${shrunk}\n${smallest}\n\nReplay: ${replay(result)}`
      : `The promise that ${invariant.promise} broke, but not again with the same seed: the boots are not deterministic.\n${first.violation}`,
  );
}
