/**
 * Runs thousands of generated first boots and checks every invariant on each. One run serves all
 * invariant scenarios of a process: the boots are a function of (seed, count), so they are run once
 * and each scenario reads its own verdict. A broken invariant is then re-run alone with the same
 * seed, so fast-check finds the same first failing boot and shrinks it to the smallest one.
 *
 *   BOOTS=<n>       how many boots (the feature says 10000; the benchmark asks for other counts)
 *   FC_SEED=<seed>  replays a run: the same boots, the same failure, the same counter-example
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import type { BootPlan } from './boot-plan';
import { runBoot } from './boot';
import { INVARIANTS, type Invariant } from './invariants';

export interface Campaign {
  /** The kind of boot the scenario speaks of (boot-plan.ts). */
  readonly population: fc.Arbitrary<BootPlan>;
  readonly boots: number;
  readonly seed: number;
}

export interface CampaignResult extends Campaign {
  readonly tookMs: number;
  /** The most virtual time one boot needed. */
  readonly longestBootMs: number;
  /** The first violation of each invariant that broke. */
  readonly broken: ReadonlyMap<Invariant, string>;
  /** A boot whose phone the runaway guard had to stop (support/runaway-guard.ts): the campaign ended there. */
  readonly runaway?: string;
}

const wholeNumber = (name: string, text: string): number => {
  if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be a whole number, not "${text}".`);
  return Number(text);
};

/** Chosen once per process, so that every invariant scenario of a run checks the same boots. */
const seed = process.env['FC_SEED'] ? wholeNumber('FC_SEED', process.env['FC_SEED']) : Math.floor(Math.random() * 0x7fffffff);

export function campaignOf(population: fc.Arbitrary<BootPlan>, bootsInFeature: number): Campaign {
  const boots = process.env['BOOTS'] ? wholeNumber('BOOTS', process.env['BOOTS']) : bootsInFeature;
  if (boots < 1) throw new Error(`BOOTS must be at least 1, not ${boots}.`);
  return { population, boots, seed };
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
  const broken = new Map<Invariant, string>();
  let longestBootMs = 0;
  let runaway: string | undefined;
  const started = performance.now();
  // A looping phone would make every later boot and every shrink loop too: the first one ends the campaign.
  const ended = await fc.check(
    fc.asyncProperty(campaign.population, async (plan) => {
      const boot = await runBoot(plan);
      const stopped = boot.world.guard.failure;
      if (stopped) throw new Error((runaway = `${stopped.message}\n\n${boot.world.diagnosis()}`));
      longestBootMs = Math.max(longestBootMs, boot.world.clock.now - boot.world.poweredOn);
      for (const invariant of INVARIANTS) {
        const violation = broken.has(invariant) ? undefined : invariant.violation(boot);
        if (violation) broken.set(invariant, violation);
      }
    }),
    { seed: campaign.seed, numRuns: campaign.boots, endOnFailure: true },
  );
  if (ended.failed && runaway === undefined) throw new Error(fc.defaultReportMessage(ended));
  return { ...campaign, tookMs: performance.now() - started, longestBootMs, broken, ...(runaway === undefined ? {} : { runaway }) };
}

export function summary(result: CampaignResult): string {
  return [
    `${result.boots} boots, seed ${result.seed}, ${(result.tookMs / 1000).toFixed(1)} s of real time; the longest boot took ${result.longestBootMs / 1000} virtual seconds.`,
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
  if (!result.broken.has(invariant)) return;
  const details = await fc.check(
    fc.asyncProperty(result.population, async (plan) => {
      const boot = await runBoot(plan);
      const violation = invariant.violation(boot);
      if (violation) throw new Error(`${violation}\n\n${boot.world.diagnosis()}`);
    }),
    { seed: result.seed, numRuns: result.boots },
  );
  const report = fc.defaultReportMessage(details);
  const smallest = details.errorInstance instanceof Error ? details.errorInstance.message : '';
  throw new Error(
    report
      ? `Not every boot keeps the promise that ${invariant.promise}.\n\n${report}\n\nThe smallest boot that breaks it:\n${smallest}\n\nReplay: ${replay(result)}`
      : `The promise that ${invariant.promise} broke, but not again with the same seed: the boots are not deterministic.\n${result.broken.get(invariant)}`,
  );
}
