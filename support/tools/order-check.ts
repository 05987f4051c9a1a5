/**
 * The suite is deterministic and its scenarios isolated: run in the defined order, in three random
 * orders and on two parallel workers, every scenario ends the same way.
 *   npm run test:order [-- <seed> <seed> <seed>]   (random seeds unless given; all printed)
 * Each run is its own process (the `test` profile, its message stream written to a temporary file,
 * never over reports/messages.ndjson); all share one FC_SEED, so the invariants check the same boots.
 * Exits 1 when any run ends differently from the serial one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedForRuns } from './campaign-seed';
import { readResults, type ScenarioResult } from './spec-check';

export interface SuiteRun {
  readonly label: string;
  readonly order?: `random:${number}`;
  readonly parallel?: number;
  /** A tag expression narrowing the run, as `--tags` would. */
  readonly tags?: string;
  readonly env?: Readonly<Record<string, string>>;
}

export interface SuiteOutcome {
  readonly run: SuiteRun;
  readonly passed: boolean;
  readonly seconds: number;
  readonly scenarios: readonly ScenarioResult[];
  /** The run took longer than the limit it was given and was killed. */
  readonly timedOut: boolean;
  /** What Cucumber printed, for when the outcome needs explaining. */
  readonly output: string;
}

const ONCE = '--run-suite-once';

/** Runs the whole suite in a child process, as `cucumber-js --profile test` would, writing its messages to `messages`. */
export function runSuite(run: SuiteRun, messages: string, limitMs?: number): SuiteOutcome {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register', __filename, ONCE, JSON.stringify({ run, messages })], {
    env: { ...process.env, ...run.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(limitMs === undefined ? {} : { timeout: limitMs, killSignal: 'SIGKILL' as const }),
  });
  const seconds = (performance.now() - started) / 1000;
  const output = `${child.stdout}${child.stderr}`;
  let scenarios: ScenarioResult[] = [];
  try {
    scenarios = readResults(readFileSync(messages, 'utf8')).scenarios;
  } catch {
    // No message stream: the run broke before Cucumber wrote one; the output says why.
  }
  return { run, passed: child.status === 0, seconds, scenarios, timedOut: child.signal === 'SIGKILL', output };
}

async function runOnce({ run, messages }: { run: SuiteRun; messages: string }): Promise<boolean> {
  const { loadConfiguration, runCucumber } = await import('@cucumber/cucumber/api');
  const provided = {
    ...(run.order ? { order: run.order } : {}),
    ...(run.parallel ? { parallel: run.parallel } : {}),
    ...(run.tags ? { tags: run.tags } : {}),
    // The invariants' early thread only where the run may have invariant scenarios to give it (support/invariants/early-start-plugin.js).
    pluginOptions: { invariants: { startBeforeSupportCode: !run.tags && !run.parallel } },
  };
  const { runConfiguration } = await loadConfiguration({ profiles: ['test'], provided });
  const { success } = await runCucumber({ ...runConfiguration, formats: { ...runConfiguration.formats, stdout: 'summary', files: { [messages]: 'message' } } });
  return success;
}

const key = (s: ScenarioResult): string => `${s.uri}: ${s.name}`;
const outcomes = (scenarios: readonly ScenarioResult[]): Map<string, string> => new Map(scenarios.map((s) => [key(s), s.status]));

/** How `other` ended differently from `reference`, scenario by scenario. */
function differences(reference: readonly ScenarioResult[], other: readonly ScenarioResult[]): string[] {
  const expected = outcomes(reference);
  const actual = outcomes(other);
  const names = new Set([...expected.keys(), ...actual.keys()]);
  return [...names].filter((n) => expected.get(n) !== actual.get(n)).map((n) => `${n}: ${expected.get(n) ?? 'not run'} serially, ${actual.get(n) ?? 'not run'} here`);
}

function main(seedArguments: readonly string[]): number {
  if (seedArguments.some((seed) => !/^\d+$/.test(seed))) {
    console.error('usage: npm run test:order [-- <seed> ...]   (seeds are whole numbers)');
    return 2;
  }
  const seeds = seedArguments.length ? seedArguments : [1, 2, 3].map(() => String(Math.floor(Math.random() * 1_000_000)));
  const env = { FC_SEED: seedForRuns() };
  const runs: SuiteRun[] = [
    { label: 'serial, defined order', env },
    ...seeds.map((seed): SuiteRun => ({ label: `random order ${seed}`, order: `random:${Number(seed)}`, env })),
    { label: 'parallel, 2 workers', parallel: 2, env },
  ];
  const directory = mkdtempSync(join(tmpdir(), 'order-check-'));
  console.log(`Invariant boots use FC_SEED=${env.FC_SEED}; message streams in ${directory}`);
  const [serial, ...others] = runs.map((run, i) => {
    const outcome = runSuite(run, join(directory, `run-${i}.ndjson`));
    const passedCount = outcome.scenarios.filter((s) => s.status === 'PASSED').length;
    console.log(`${run.label.padEnd(24)} ${outcome.seconds.toFixed(1).padStart(5)} s  ${passedCount}/${outcome.scenarios.length} scenarios passed`);
    return outcome;
  });
  const problems: string[] = [];
  if (!serial || serial.scenarios.length === 0) problems.push(`The serial run produced no results:\n${serial?.output ?? ''}`);
  for (const outcome of others) {
    const changed = differences(serial?.scenarios ?? [], outcome.scenarios);
    if (changed.length) problems.push(`${outcome.run.label} ended differently:\n  ${changed.join('\n  ')}\n${outcome.output.slice(-4000)}`);
  }
  if (problems.length) {
    console.error(`Order check failed: the suite's results depend on order or sharing.\n${problems.join('\n')}`);
    return 1;
  }
  console.log(`Order check: all ${runs.length} runs ended the same way (${serial!.scenarios.length} scenarios${serial!.passed ? ', all passed' : ', but the serial run failed'}).`);
  return serial!.passed ? 0 : 1;
}

if (require.main === module) {
  const [mode, argument] = process.argv.slice(2);
  if (mode === ONCE) {
    runOnce(JSON.parse(argument!) as { run: SuiteRun; messages: string }).then(
      (success) => process.exit(success ? 0 : 1),
      (error: unknown) => {
        console.error(error);
        process.exit(2);
      },
    );
  } else {
    process.exitCode = main(process.argv.slice(2));
  }
}
