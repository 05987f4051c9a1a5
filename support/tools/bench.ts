/**
 * `npm run bench`: what the specification costs in real time, against Cucumber's own floor.
 *   1. the whole suite: Cucumber --dry-run (load, parse, match) vs the full run
 *   2. marginal real time per scenario: generated suites of 100 and 1,000 scenarios
 *   3. virtual time: real time per boot spanning 10 virtual minutes vs 1 virtual second
 *   4. tsc --noEmit, Allure generation, the mutation run, npm test
 * Writes reports/bench.json and prints a Markdown table (the README's "Speed" section).
 * Environment: BENCH_REPEATS (default 5), BENCH_SKIP_MUTATE=1 skips the mutation run (minutes).
 * Speed is measured here, never asserted by a test: targets are reported, and do not fail the run.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeneratedSuite, VIRTUAL_SPANS, type VirtualSpan } from './bench/generated-suites';
import { cucumber, interleaved, median, npm, ROOT, timed, type Timed } from './bench/measure';

const REPEATS = Math.max(1, Number(process.env['BENCH_REPEATS'] ?? 5));
/** Slow commands (seconds each) are repeated fewer times. */
const SLOW_REPEATS = Math.min(REPEATS, 3);
const MARGINAL_SIZES = [100, 1000] as const;
const BOOTS_PER_SPAN = 500;

interface Samples {
  readonly medianMs: number;
  readonly samplesMs: readonly number[];
}

interface Target {
  readonly target: string;
  readonly met: boolean;
}

type Unavailable = { readonly available: false; readonly reason: string };

const samples = (values: readonly number[]): Samples => ({ medianMs: round(median(values)), samplesMs: values.map(round) });
const round = (ms: number, digits = 1): number => Number(ms.toFixed(digits));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const target = (met: boolean, text: string): Target => ({ target: text, met });
/** A figure derived from two measures of the same round (taken moments apart, under the same load), median over the rounds. */
const perRound = (a: readonly number[], b: readonly number[], derive: (a: number, b: number) => number): number => median(a.map((value, i) => derive(value, b[i]!)));

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** What ts-node/register does in this project (the `requireModule` of every Cucumber profile). */
function tsNodeMode(): { swc: boolean; typeChecks: boolean } {
  const probe = spawnSync(
    process.execPath,
    ['-e', "require('ts-node/register'); const o = process[Symbol.for('ts-node.register.instance')].options; console.log(JSON.stringify({ swc: !!o.swc, typeChecks: !o.swc && !o.transpileOnly }))"],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (probe.status !== 0) throw new Error(`ts-node/register does not load: ${probe.stderr}`);
  return JSON.parse(probe.stdout) as { swc: boolean; typeChecks: boolean };
}

// --- 1. the whole suite against Cucumber's floor -------------------------------------------

/** The @invariant feature runs tens of thousands of boots outside Cucumber's steps: its real time is its own figure. */
const EXAMPLES_ONLY = 'not @invariant';

function suiteAgainstFloor(tags?: string) {
  const features = [join(ROOT, 'features')];
  let scenarios = 0;
  const runs = interleaved(REPEATS, {
    dryRun: () => cucumber(features, true, tags ? { tags } : {}),
    full: () => {
      const run = cucumber(features, false, tags ? { tags } : {});
      scenarios = Number(/(\d+) scenarios? \(/.exec(run.tail)?.[1] ?? 0);
      return run;
    },
  });
  const ratio = perRound(runs.full, runs.dryRun, (full, dry) => full / dry);
  return {
    ...(tags ? { tags } : {}),
    scenarios,
    dryRun: samples(runs.dryRun),
    fullRun: samples(runs.full),
    ratio: round(ratio, 2),
    ...target(ratio <= 1.25, 'full ≤ 1.25 × dry-run'),
  };
}

/** The same dry run with a ts-node that type-checks as it loads: what swc saves on every run. */
function typeCheckingLoad(scratch: string) {
  const typeChecking = join(scratch, 'tsconfig.type-checking.json');
  writeFileSync(
    typeChecking,
    JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions: { typeRoots: [join(ROOT, 'node_modules', '@types')] }, 'ts-node': { swc: false, transpileOnly: false } }),
  );
  const runs = interleaved(SLOW_REPEATS, { dryRun: () => cucumber([join(ROOT, 'features')], true, { env: { ...process.env, TS_NODE_PROJECT: typeChecking } }) });
  return samples(runs.dryRun);
}

// --- 2. marginal cost per scenario ----------------------------------------------------------

function marginal(suite: GeneratedSuite) {
  const [small, large] = MARGINAL_SIZES;
  const folders = { small: suite.mix(small), large: suite.mix(large) };
  const runs = interleaved(REPEATS, {
    dryRunSmall: () => cucumber([folders.small], true),
    fullSmall: () => cucumber([folders.small], false),
    dryRunLarge: () => cucumber([folders.large], true),
    fullLarge: () => cucumber([folders.large], false),
  });
  const perScenario = (smallMs: number[], largeMs: number[]): number => perRound(largeMs, smallMs, (l, s) => (l - s) / (large - small));
  const full = perScenario(runs.fullSmall, runs.fullLarge);
  const dryRun = perScenario(runs.dryRunSmall, runs.dryRunLarge);
  return {
    scenarios: [small, large],
    mix: 'Yes/DES provisioning, No/DHCP SSON, no answer/LLDP 29 s into the search, in turn (support/tools/bench/generated-suites.ts)',
    runs: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, samples(values as number[])])),
    msPerScenario: round(full, 3),
    dryRunMsPerScenario: round(dryRun, 3),
    executionMsPerScenario: round(full - dryRun, 3),
    ...target(full <= 1, '≤ 1 ms per added scenario'),
  };
}

// --- 3. virtual time costs no real time -----------------------------------------------------

function virtualTime(suite: GeneratedSuite) {
  const spans = Object.keys(VIRTUAL_SPANS) as VirtualSpan[];
  const folders = Object.fromEntries(spans.map((span) => [span, suite.span(span, BOOTS_PER_SPAN)])) as Record<VirtualSpan, string>;
  const tasks: Record<string, () => Timed> = {};
  for (const span of spans) {
    tasks[`${span} dry-run`] = () => cucumber([folders[span]], true);
    tasks[`${span} full`] = () => cucumber([folders[span]], false);
  }
  const runs = interleaved(REPEATS, tasks);
  /** The load, parse and match of the same files is subtracted: what is left is running the boots. */
  const perBootByRound = (span: VirtualSpan): number[] => runs[`${span} full`]!.map((full, i) => (full - runs[`${span} dry-run`]![i]!) / BOOTS_PER_SPAN);
  const perBoot = (span: VirtualSpan): number => median(perBootByRound(span));
  const describe = (span: VirtualSpan) => ({
    steps: VIRTUAL_SPANS[span].steps,
    fullRun: samples(runs[`${span} full`]!),
    dryRun: samples(runs[`${span} dry-run`]!),
    realMsPerBoot: round(perBoot(span), 3),
  });
  const boots = Object.fromEntries(spans.map((span) => [span, describe(span)])) as Record<VirtualSpan, ReturnType<typeof describe>>;
  const ratio = perRound(perBootByRound('10 virtual minutes'), perBootByRound('1 virtual second'), (long, short) => long / short);
  return {
    bootsPerRun: BOOTS_PER_SPAN,
    boots,
    ratio: round(ratio, 2),
    ...target(ratio <= 1.2, '10 virtual minutes ≤ 1.2 × 1 virtual second, real time per boot'),
  };
}

// --- 4. the other jobs ----------------------------------------------------------------------

function packageScripts(): Record<string, string> {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

function typeCheck() {
  const runs = interleaved(SLOW_REPEATS, { tsc: () => timed(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit']) });
  return { command: 'tsc --noEmit', ...samples(runs.tsc) };
}

function allure(scratch: string) {
  const cli = join(ROOT, 'node_modules', '.bin', 'allure');
  if (!existsSync(cli)) return unavailable('node_modules/.bin/allure is missing');
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) return unavailable('Allure needs Java and there is none on the PATH');
  if (!packageScripts()['start']?.includes('report')) return unavailable('npm start does not write the reports (no Allure results to generate from)');
  log('npm start (every report, Allure results among them)');
  const pipeline = npm(['start']);
  const results = join(ROOT, 'reports', 'allure-results');
  const count = existsSync(results) ? readdirSync(results).filter((file) => file.endsWith('-result.json')).length : 0;
  if (count === 0) return unavailable(`npm start wrote no Allure results to reports/allure-results:\n${pipeline.tail}`);
  const env = { ...process.env, ALLURE_NO_ANALYTICS: 'true' };
  const generate = (extra: string[]) => () => timed(cli, ['generate', results, '--clean', '-o', join(scratch, `allure${extra.join('')}`), ...extra], { env });
  log(`allure generate, ${count} results`);
  const runs = interleaved(SLOW_REPEATS, { static: generate([]), singleFile: generate(['--single-file']) });
  const slowest = Math.max(median(runs.static), median(runs.singleFile));
  return {
    available: true as const,
    results: count,
    command: 'allure generate reports/allure-results --clean [--single-file] (as npm start runs it)',
    staticReport: samples(runs.static),
    singleFile: samples(runs.singleFile),
    npmStart: { ms: round(pipeline.ms), ok: pipeline.ok },
    ...target(slowest <= 8000, 'each Allure generation ≤ 8 s'),
  };
}

function mutation() {
  if (process.env['BENCH_SKIP_MUTATE'] === '1') return unavailable('skipped: BENCH_SKIP_MUTATE=1');
  if (!packageScripts()['mutate']) return unavailable('package.json has no "mutate" script');
  log('npm run mutate (once; minutes)');
  const run = npm(['run', 'mutate']);
  const score = /All files\s*\|\s*([\d.]+)/.exec(run.tail)?.[1];
  return { available: true as const, command: 'npm run mutate', ms: round(run.ms), ok: run.ok, ...(score ? { mutationScore: Number(score) } : {}), ...(run.ok ? {} : { output: run.tail }) };
}

function npmTest() {
  const runs: number[] = [];
  let failure: string | undefined;
  for (let i = 0; i < SLOW_REPEATS && !failure; i++) {
    const run = npm(['test']);
    if (run.ok) runs.push(run.ms);
    else failure = run.tail;
  }
  if (failure) return { ok: false as const, output: failure };
  return { ok: true as const, ...samples(runs), ...target(median(runs) <= 30_000, 'npm test ≤ 30 s') };
}

function unavailable(reason: string): Unavailable {
  log(`not available: ${reason.split('\n')[0]}`);
  return { available: false, reason };
}

// --- report ----------------------------------------------------------------------------------

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    /** Other work on the machine shows here: the medians are only as quiet as the machine was. */
    loadAverageAtEnd: loadavg().map((value) => round(value, 2)),
  };
}

type Bench = ReturnType<typeof measureAll>;

function table(bench: Bench): string {
  const { suite, examples, marginalCost, virtual, typeCheck: tsc, allureReport, mutationRun, npmTest: test } = bench;
  const yes = (met: boolean): string => (met ? 'yes' : '**no**');
  const { '10 virtual minutes': long, '1 virtual second': short } = virtual.boots;
  const rows: string[][] = [
    [`Whole suite (${suite.scenarios} scenarios): Cucumber --dry-run → full run`, `${seconds(suite.dryRun.medianMs)} → ${seconds(suite.fullRun.medianMs)}: **× ${suite.ratio}**`, '≤ × 1.25', yes(suite.met)],
    [`Example scenarios only (${examples.scenarios}, ${EXAMPLES_ONLY}): dry-run → full run`, `${seconds(examples.dryRun.medianMs)} → ${seconds(examples.fullRun.medianMs)}: **× ${examples.ratio}**`, '≤ × 1.25', yes(examples.met)],
    [`What the ${suite.scenarios - examples.scenarios} @invariant scenarios add (their boots run inside steps)`, seconds(suite.fullRun.medianMs - examples.fullRun.medianMs), '', ''],
    [`Marginal real time per scenario, ${marginalCost.scenarios.join(' → ')} generated`, `**${marginalCost.msPerScenario} ms** (of which Cucumber's load/parse/match ${marginalCost.dryRunMsPerScenario} ms)`, '≤ 1 ms', yes(marginalCost.met)],
    ['Real time per boot: 10 virtual minutes vs 1 virtual second', `${long.realMsPerBoot} ms vs ${short.realMsPerBoot} ms: **× ${virtual.ratio}**`, '≤ × 1.2', yes(virtual.met)],
    ['Type check (tsc --noEmit)', seconds(tsc.medianMs), 'once, in npm test', ''],
    ['Loading with a type-checking ts-node instead of swc (dry-run)', `${seconds(bench.dryRunTypeCheckingTsNode.medianMs)} (swc: ${seconds(suite.dryRun.medianMs)})`, 'not used', ''],
    allureReport.available
      ? ['Allure generation (static / single file)', `${seconds(allureReport.staticReport.medianMs)} / ${seconds(allureReport.singleFile.medianMs)} (${allureReport.results} results; npm start in all ${seconds(allureReport.npmStart.ms)})`, '≤ 8 s', yes(allureReport.met)]
      : ['Allure generation', `not available: ${allureReport.reason.split('\n')[0]}`, '≤ 8 s', ''],
    mutationRun.available
      ? ['Mutation run (npm run mutate, once)', `${seconds(mutationRun.ms)}${mutationRun.ok ? '' : ' (exited with failure)'}${mutationRun.mutationScore !== undefined ? `, score ${mutationRun.mutationScore} %` : ''}`, '', '']
      : ['Mutation run', `not available: ${mutationRun.reason}`, '', ''],
    test.ok ? ['npm test, end to end', seconds(test.medianMs), '≤ 30 s', yes(test.met)] : ['npm test, end to end', 'failed (see reports/bench.json)', '≤ 30 s', '**no**'],
  ];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(['Measure', 'Median', 'Target', 'Met']), line(['---', '---', '---', '---']), ...rows.map(line)].join('\n');
}

function measureAll(scratch: string, suite: GeneratedSuite) {
  const loadAverageAtStart = loadavg().map((value) => round(value, 2));
  const tsNode = tsNodeMode();
  log(`ts-node/register: swc ${tsNode.swc}, type-checks ${tsNode.typeChecks}`);
  log(`whole suite, ${REPEATS} rounds`);
  const wholeSuite = suiteAgainstFloor();
  log(`example scenarios (${EXAMPLES_ONLY}), ${REPEATS} rounds`);
  const examples = suiteAgainstFloor(EXAMPLES_ONLY);
  log('dry run with a type-checking ts-node');
  const dryRunTypeCheckingTsNode = typeCheckingLoad(scratch);
  log(`marginal cost, ${REPEATS} rounds`);
  const marginalCost = marginal(suite);
  log(`virtual time, ${REPEATS} rounds of ${BOOTS_PER_SPAN} boots`);
  const virtual = virtualTime(suite);
  log('tsc --noEmit');
  const typeCheckFigures = typeCheck();
  const allureReport = allure(scratch);
  const mutationRun = mutation();
  log('npm test');
  const test = npmTest();
  return {
    date: new Date().toISOString(),
    machine: { ...machine(), loadAverageAtStart },
    repeats: REPEATS,
    tsNode,
    suite: wholeSuite,
    examples,
    dryRunTypeCheckingTsNode,
    marginalCost,
    virtual,
    typeCheck: typeCheckFigures,
    allureReport,
    mutationRun,
    npmTest: test,
  };
}

function main(): void {
  const scratch = mkdtempSync(join(tmpdir(), 'j100-bench-scratch-'));
  const suite = new GeneratedSuite();
  try {
    const bench = measureAll(scratch, suite);
    const markdown = table(bench);
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports', 'bench.json'), `${JSON.stringify({ ...bench, table: markdown }, null, 2)}\n`);
    const { machine: m } = bench;
    console.log(`\nBenchmark of ${bench.date.slice(0, 10)} on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end; medians of ${REPEATS} rounds (slow commands ${SLOW_REPEATS}), ratios taken within each round.\n`);
    console.log(markdown);
    console.log('\nWritten: reports/bench.json');
  } finally {
    suite.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
