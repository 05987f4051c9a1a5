/**
 * `npm run bench`: what the specification costs in real time, against Cucumber's own floor: the same
 * features with every step a no-op of the same expression and arity, next to the real parameter
 * types (support/tools/bench/floor.ts). Floor and full runs alternate within each round, so both
 * meet the same load; every ratio is taken within a round, and the medians over the rounds reported.
 *   1. example scenarios (not @invariant): full / floor, and the suite's own cost per scenario
 *   2. the whole suite: full / floor, the dry run beside it, and its invariant scenarios' time (the test run's
 *      own thread waiting for the boots); both also in CPU time, all threads together: wall time here varies
 *      by a sixth from minute to minute
 *   3. the boots: the 10,000 boots' real time (inside the full run) against the whole suite's floor, and the same
 *      boots (the same FC_SEED) alone, with --profile invariants, against the same floor
 *   1-3 also with the least real time their CPU time allows (LeastFigure, bench/readme.ts)
 *   4. campaigns: peak RSS at 10,000 boots (the highest of the full runs) and at BENCH_CAMPAIGN boots, each run
 *      as the nightly job runs it (default 100000,1000000: the nightly million takes a minute or two;
 *      BENCH_CAMPAIGN=100000 for a quicker look)
 * Writes reports/bench.json and the README's generated block (checked by `npm run check:bench`).
 * Environment: BENCH_REPEATS (rounds, default 5). Speed is measured here, never asserted by a test.
 */
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildFloor } from './bench/floor';
import { cucumber, median, ROOT, timed, CUCUMBER, type Timed } from './bench/measure';
import { BENCH_FILE, writeReadmeBlock, type Bench, type CampaignFigure, type CpuFigure, type LeastFigure } from './bench/readme';
import type { BootFigures } from '../invariants/campaign';
import { seedForRuns } from './campaign-seed';
import { parseMessages, resultsOf, type ResultEnvelope } from './spec-check';

const REPEATS = Math.max(1, Number(process.env['BENCH_REPEATS'] ?? 5));
const CAMPAIGNS = (process.env['BENCH_CAMPAIGN'] ?? '100000,1000000').split(',').filter(Boolean).map(Number);
const EXAMPLES = 'not @invariant';
const FEATURES = 'features';

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
/** The median over the rounds, rounded for the report. */
const med = (values: readonly number[], digits = 2): number => round(median(values), digits);
const load = (): number => round(loadavg()[0]!, 2);

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** The parts of a run's message stream the bench reads: how the scenarios ended, and the attachments. */
interface Envelope extends ResultEnvelope {
  readonly attachment?: { readonly fileName?: string; readonly body: string };
}

const readStream = (stream: string): Envelope[] => parseMessages<Envelope>(readFileSync(stream, 'utf8'));

/** The campaign's own figures, from the `boots.json` attachment of the run's message stream. */
function bootFigures(envelopes: readonly Envelope[], stream: string): BootFigures {
  const figures = envelopes.find(({ attachment }) => attachment?.fileName === 'boots.json')?.attachment;
  if (!figures) throw new Error(`No campaign figures (boots.json) in ${stream}.`);
  return JSON.parse(figures.body) as BootFigures;
}

/**
 * The run's invariant scenarios' time, each from its start to its finish, added up, from the run's message
 * stream. The first waits for the campaign and the others read its result: with the boots in a worker thread
 * (the bench's case), the test run's own thread spends that time waiting for them, so it tells how far the
 * boots, not the example scenarios, set the whole suite's pace.
 */
function invariantScenariosMs(envelopes: readonly Envelope[], stream: string): number {
  const invariant = resultsOf(envelopes).scenarios.filter((s) => s.tags.includes('@invariant') && s.status !== 'NOT RUN');
  if (invariant.length === 0) throw new Error(`No @invariant scenario in ${stream}: the bench cannot tell how long the run waited for the boots.`);
  return invariant.reduce((total, s) => total + s.ms, 0);
}

function scenarios(run: Timed): number {
  return Number(/(\d+) scenarios? \(/.exec(run.tail)?.[1] ?? 0);
}

function checked(name: string, run: Timed): Timed {
  if (!run.ok) throw new Error(`${name} failed:\n${run.tail}`);
  return run;
}

function measure(scratch: string): Bench {
  const loadAtStart = load();
  log('building the no-op floor from the dry run');
  const floor = buildFloor(scratch, [FEATURES]);
  const config = relative(ROOT, floor.config);
  const floorRun = (tags?: string, format: string[] = []): Timed =>
    timed(CUCUMBER, ['--config', config, ...(tags ? ['--tags', tags] : []), ...format.flatMap((f) => ['--format', f]), FEATURES]);
  const stream = join(scratch, 'messages.ndjson');

  const rows: Bench['rounds'][number][] = [];
  let exampleCount = 0;
  let wholeCount = 0;
  for (let i = 0; i < REPEATS; i++) {
    const loadBefore = load();
    log(`round ${i + 1} of ${REPEATS} (load ${loadBefore})`);
    const examplesFloor = checked('examples, floor', floorRun(EXAMPLES));
    const examplesFull = checked('examples, full run', cucumber([FEATURES], false, { tags: EXAMPLES }));
    // The whole suite writes a message stream on both sides: the full run's carries the boots' own figures.
    const wholeFloor = checked('whole suite, floor', floorRun(undefined, [`message:${stream}`]));
    // The same boots in the whole suite and alone.
    const env = { ...process.env, FC_SEED: seedForRuns() };
    const wholeFull = checked('whole suite, full run', cucumber([FEATURES], false, { env, format: [`message:${stream}`] }));
    const envelopes = readStream(stream);
    const boots = bootFigures(envelopes, stream);
    const invariantMs = invariantScenariosMs(envelopes, stream);
    // The same boots with no example scenarios beside them, as npm run test:invariants runs them.
    checked('boots alone', timed(CUCUMBER, ['--profile', 'invariants', '--format', `message:${stream}`], { env }));
    const bootsAlone = bootFigures(readStream(stream), stream);
    if (bootsAlone.boots !== boots.boots || bootsAlone.seed !== boots.seed || bootsAlone.threads !== boots.threads) {
      const ran = (figures: BootFigures): string => `${figures.boots} boots of seed ${figures.seed} in ${figures.threads}`;
      throw new Error(`Alone, the campaign ran ${ran(bootsAlone)}; in the whole suite ${ran(boots)}: the comparison needs the same boots on the same threads.`);
    }
    // The same formatters as the floor it is compared with.
    const dryRun = checked('whole suite, dry run', cucumber([FEATURES], true, { format: [`message:${join(scratch, 'dry-run-messages.ndjson')}`] }));
    exampleCount = scenarios(examplesFull);
    wholeCount = scenarios(wholeFull);
    rows.push({
      load: loadBefore,
      examplesFloorMs: round(examplesFloor.ms),
      examplesFullMs: round(examplesFull.ms),
      wholeFloorMs: round(wholeFloor.ms),
      wholeFullMs: round(wholeFull.ms),
      examplesFloorCpuMs: round(examplesFloor.cpuMs),
      examplesFullCpuMs: round(examplesFull.cpuMs),
      wholeFloorCpuMs: round(wholeFloor.cpuMs),
      wholeFullCpuMs: round(wholeFull.cpuMs),
      examplesFloorMainCpuMs: mainThreadCpu(examplesFloor),
      examplesFullMainCpuMs: mainThreadCpu(examplesFull),
      wholeFloorMainCpuMs: mainThreadCpu(wholeFloor),
      wholeFullMainCpuMs: mainThreadCpu(wholeFull),
      bootsCpuMs: boots.busiestThreadCpuMs ?? null,
      bootsAloneCpuMs: bootsAlone.busiestThreadCpuMs ?? null,
      dryRunMs: round(dryRun.ms),
      bootsMs: round(boots.tookMs),
      bootsAloneMs: round(bootsAlone.tookMs),
      invariantScenariosMs: round(invariantMs),
      boots: boots.boots,
      bootThreads: boots.threads,
      bootsPeakRssMiB: boots.peakRssMiB,
    });
  }

  const campaigns: CampaignFigure[] = [];
  const last = rows.at(-1)!;
  campaigns.push({ boots: last.boots, within: 'the whole suite, the highest of its rounds', threads: last.bootThreads, tookMs: last.bootsMs, peakRssMiB: Math.max(...rows.map((r) => r.bootsPeakRssMiB)), load: last.load });
  for (const boots of CAMPAIGNS) {
    const loadBefore = load();
    log(`campaign of ${boots} boots (load ${loadBefore})`);
    // As the nightly job runs them (npm run test:invariants), the plugin's early thread included.
    checked(`${boots} boots`, timed(CUCUMBER, ['--profile', 'invariants', '--format', `message:${stream}`], { env: { ...process.env, BOOTS: String(boots) } }));
    const figures = bootFigures(readStream(stream), stream);
    campaigns.push({ boots, within: 'npm run test:invariants', threads: figures.threads, tookMs: round(figures.tookMs), peakRssMiB: figures.peakRssMiB, load: loadBefore });
  }

  const cpu = cpus();
  // The cores this process may use, which a CPU affinity limit can make fewer than the machine has.
  const cores = availableParallelism();
  return {
    date: new Date().toISOString(),
    machine: { cpu: cpu[0]?.model.trim() ?? 'unknown', cores, memoryGiB: round(totalmem() / 2 ** 30), os: `${type()} ${release()}`, node: process.version },
    load: { atStart: loadAtStart, atEnd: load(), perRound: rows.map((r) => r.load) },
    repeats: REPEATS,
    floor: { how: 'the dry run\'s stepDefinition and testCase messages: each expression registered with a no-op of the same arity, next to the real parameter types', stepDefinitions: floor.stepDefinitions, parameterTypeFiles: floor.parameterTypeFiles },
    examples: {
      scenarios: exampleCount,
      floorMs: med(rows.map((r) => r.examplesFloorMs), 0),
      fullMs: med(rows.map((r) => r.examplesFullMs), 0),
      ratio: med(rows.map((r) => r.examplesFullMs / r.examplesFloorMs)),
      ownMsPerScenario: med(rows.map((r) => (r.examplesFullMs - r.examplesFloorMs) / exampleCount), 3),
      cpu: cpuFigures(rows.map((r) => [r.examplesFloorCpuMs, r.examplesFullCpuMs, r.examplesFloorMainCpuMs, r.examplesFullMainCpuMs])),
      least: leastFigure(rows.map((r) => ({ floorMs: r.examplesFloorMs, spreadMs: r.examplesFullCpuMs / cores, threadsCpuMs: [r.examplesFullMainCpuMs] }))),
      target: 1.25,
    },
    whole: {
      scenarios: wholeCount,
      floorMs: med(rows.map((r) => r.wholeFloorMs), 0),
      fullMs: med(rows.map((r) => r.wholeFullMs), 0),
      dryRunMs: med(rows.map((r) => r.dryRunMs), 0),
      ratio: med(rows.map((r) => r.wholeFullMs / r.wholeFloorMs)),
      dryRunOverFloor: med(rows.map((r) => r.dryRunMs / r.wholeFloorMs)),
      invariantScenariosMs: med(rows.map((r) => r.invariantScenariosMs), 0),
      cpu: cpuFigures(rows.map((r) => [r.wholeFloorCpuMs, r.wholeFullCpuMs, r.wholeFloorMainCpuMs, r.wholeFullMainCpuMs])),
      least: leastFigure(rows.map((r) => ({ floorMs: r.wholeFloorMs, spreadMs: r.wholeFullCpuMs / cores, threadsCpuMs: [r.wholeFullMainCpuMs, r.bootsCpuMs] }))),
      target: 2,
    },
    boots: {
      boots: last.boots,
      threads: last.bootThreads,
      ms: med(rows.map((r) => r.bootsMs), 0),
      msPerBoot: med(rows.map((r) => r.bootsMs / r.boots), 3),
      overWholeFloor: med(rows.map((r) => r.bootsMs / r.wholeFloorMs)),
      aloneMs: med(rows.map((r) => r.bootsAloneMs), 0),
      aloneOverWholeFloor: med(rows.map((r) => r.bootsAloneMs / r.wholeFloorMs)),
      least: leastFigure(rows.map((r) => ({ floorMs: r.wholeFloorMs, threadsCpuMs: [r.bootsCpuMs] }))),
      aloneCpuMs: measuredMedian(rows.map((r) => r.bootsAloneCpuMs)),
      target: 1,
    },
    campaigns,
    rounds: rows,
  };
}

/** The median of figures each round measured; null if a round could not. */
function measuredMedian(values: readonly (number | null)[]): number | null {
  return values.includes(null) ? null : med(values as number[], 0);
}

/**
 * The least real time each round's CPU time allowed (LeastFigure): the CPU time of the threads that count
 * (`threadsCpuMs`), and the process's over the cores (`spreadMs`, where given), the longer; medians, and ratios to the
 * floor taken within each round. Null if a round could not tell a thread's CPU time.
 */
function leastFigure(rounds: readonly { floorMs: number; spreadMs?: number; threadsCpuMs: readonly (number | null)[] }[]): LeastFigure | null {
  if (rounds.some((r) => r.threadsCpuMs.includes(null))) return null;
  const least = rounds.map((r) => Math.max(r.spreadMs ?? 0, ...(r.threadsCpuMs as number[])));
  const spread = rounds.map((r) => r.spreadMs);
  return {
    ms: med(least, 0),
    ratio: med(least.map((ms, i) => ms / rounds[i]!.floorMs)),
    spreadRatio: spread.includes(undefined) ? null : med(spread.map((ms, i) => ms! / rounds[i]!.floorMs)),
  };
}

const mainThreadCpu = (run: Timed): number | null => (run.mainThreadCpuMs === undefined ? null : round(run.mainThreadCpuMs));

/** CPU time of floor and full run, and their ratio taken within each round; the same for the test run's own thread. */
function cpuFigures(rounds: readonly (readonly [floor: number, full: number, floorMainThread: number | null, fullMainThread: number | null])[]): CpuFigure {
  const floorMainThreadMs = measuredMedian(rounds.map(([, , floor]) => floor));
  const fullMainThreadMs = measuredMedian(rounds.map(([, , , full]) => full));
  return {
    floorMs: med(rounds.map(([floor]) => floor), 0),
    fullMs: med(rounds.map(([, full]) => full), 0),
    ratio: med(rounds.map(([floor, full]) => full / floor)),
    mainThread: floorMainThreadMs === null || fullMainThreadMs === null ? null : { floorMs: floorMainThreadMs, fullMs: fullMainThreadMs },
  };
}

function main(): void {
  const scratch = mkdtempSync(join(tmpdir(), 'j100-bench-'));
  try {
    const bench = measure(scratch);
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, BENCH_FILE), `${JSON.stringify(bench, null, 2)}\n`);
    console.log(writeReadmeBlock(bench));
    console.log(`\nWritten: ${BENCH_FILE} and the README's generated block (between the bench markers).`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
