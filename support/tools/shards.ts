/**
 * One run split across machines and put back together: Cucumber's own `--shard INDEX/TOTAL` gives
 * each machine every TOTAL-th scenario; the shards' Allure results make one Allure report and their
 * message streams one stream, hence one traceability matrix.
 *   shards merge <out dir> <shard reports dir>...   what CI's merge job runs over the shards' reports/
 *   shards check [total]                            npm run test:shards: the whole suite once unsharded
 *       and once in `total` shards (default 3); the merged report and matrix must equal the unsharded
 *       run's: the same scenarios, each run by exactly one shard, with the same statuses.
 * Exits 1 naming every difference.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedForRuns } from './campaign-seed';
import { buildMatrix, renderHtml, renderMarkdown } from './report-matrix';
import { generateAllure } from './report';
import { parseMessages, readResults } from './spec-check';

const ROOT = join(__dirname, '..', '..');

interface Envelope {
  readonly pickle?: { readonly id: string; readonly uri: string; readonly location?: { readonly line: number; readonly column?: number } };
  readonly testCase?: { readonly pickleId: string };
  readonly testRunStarted?: unknown;
  readonly testRunFinished?: { readonly success: boolean; readonly timestamp: { readonly seconds: number; readonly nanos: number } };
  readonly [kind: string]: unknown;
}

/** Written once per run, the same in every shard: the merged stream takes them from the first. */
const ONCE_PER_RUN = ['meta', 'source', 'gherkinDocument', 'testRunStarted'];
const pickleKey = ({ uri, location }: NonNullable<Envelope['pickle']>): string => `${uri}:${location?.line}:${location?.column ?? 0}`;

/**
 * One message stream from the shards' streams: each scenario's pickle from the shard that ran it
 * (the first shard's for a scenario none ran), in the features' order, then every shard's results
 * and one testRunFinished that succeeds when every shard did.
 */
export function mergeMessageStreams(streams: readonly string[]): string {
  const shards = streams.map((ndjson) => parseMessages<Envelope>(ndjson));
  const ranIn = new Map<string, NonNullable<Envelope['pickle']>>();
  for (const envelopes of shards) {
    const pickles = new Map(envelopes.filter((e) => e.pickle).map((e) => [e.pickle!.id, e.pickle!]));
    for (const { testCase } of envelopes) if (testCase) ranIn.set(pickleKey(pickles.get(testCase.pickleId)!), pickles.get(testCase.pickleId)!);
  }
  const kind = (envelope: Envelope): string => Object.keys(envelope)[0]!;
  const [first = []] = shards;
  const merged: Envelope[] = [
    ...first.filter((e) => ONCE_PER_RUN.includes(kind(e)) && !e.testRunStarted),
    ...first.filter((e) => e.pickle).map((e) => ({ pickle: ranIn.get(pickleKey(e.pickle!)) ?? e.pickle! })),
    ...shards.flatMap((envelopes) => envelopes.filter((e) => ['parameterType', 'stepDefinition', 'hook', 'undefinedParameterType'].includes(kind(e)))),
    ...first.filter((e) => e.testRunStarted),
    ...shards.flatMap((envelopes) => envelopes.filter((e) => !ONCE_PER_RUN.includes(kind(e)) && !e.pickle && !e.testRunFinished && !['parameterType', 'stepDefinition', 'hook', 'undefinedParameterType'].includes(kind(e)))),
  ];
  const finished = shards.map((envelopes) => envelopes.find((e) => e.testRunFinished)?.testRunFinished);
  const last = finished.filter((f) => f !== undefined).sort((a, b) => a.timestamp.seconds - b.timestamp.seconds || a.timestamp.nanos - b.timestamp.nanos).at(-1);
  if (last) merged.push({ testRunFinished: { ...last, success: finished.every((f) => f?.success) } });
  return merged.map((envelope) => JSON.stringify(envelope)).join('\n') + '\n';
}

/**
 * The shards' reports made one: messages.ndjson, the traceability matrix, the Allure report (static
 * and single file). An Allure report already in `out` (e.g. restored from CI's cache) lends its
 * history, so the merged report carries the trend on.
 */
export function mergeShards(out: string, shardDirs: readonly string[]): void {
  const missing = shardDirs.filter((dir) => !existsSync(join(dir, 'messages.ndjson')) || !existsSync(join(dir, 'allure-results')));
  if (missing.length) throw new Error(`not a shard's reports (messages.ndjson and allure-results/ expected): ${missing.join(', ')}`);
  mkdirSync(out, { recursive: true });
  const ndjson = mergeMessageStreams(shardDirs.map((dir) => readFileSync(join(dir, 'messages.ndjson'), 'utf8')));
  writeFileSync(join(out, 'messages.ndjson'), ndjson);
  const matrix = buildMatrix(ndjson);
  writeFileSync(join(out, 'traceability.md'), renderMarkdown(matrix));
  writeFileSync(join(out, 'traceability.html'), renderHtml(matrix));
  const results = shardDirs.map((dir) => join(dir, 'allure-results'));
  const history = join(out, 'allure-report', 'history');
  if (existsSync(history)) cpSync(history, join(results[0]!, 'history'), { recursive: true });
  generateAllure(results, join(out, 'allure-report'));
  generateAllure(results, join(out, 'allure-single'), ['--single-file']);
}

// --- npm run test:shards --------------------------------------------------------------------------

/** Cucumber's default profile (every formatter) into `dir`, as npm start runs it. */
function cucumber(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'cucumber-js'), ['--format', 'summary', ...args], { cwd: ROOT, env: { ...env, REPORTS_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** historyId → status of every Allure result in the folders. */
function allureStatuses(dirs: readonly string[]): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('-result.json'))) {
      const { historyId, status, name } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { historyId: string; status: string; name: string };
      if (statuses.has(historyId)) statuses.set(historyId, `${statuses.get(historyId)} and again (${name})`);
      else statuses.set(historyId, status);
    }
  }
  return statuses;
}

const statistic = (report: string): string => JSON.stringify((JSON.parse(readFileSync(join(report, 'widgets', 'summary.json'), 'utf8')) as { statistic: unknown }).statistic);

function differences(what: string, expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])];
  return keys
    .filter((key) => expected.get(key) !== actual.get(key))
    .slice(0, 10)
    .map((key) => `${what} ${key}: ${expected.get(key) ?? 'absent'} unsharded, ${actual.get(key) ?? 'absent'} merged`);
}

async function check(total: number): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'shards-'));
  // The invariants' generated boots must be the same in every run.
  const env = { ...process.env, FC_SEED: seedForRuns() };
  const started = performance.now();
  const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(`Shard check: the suite unsharded, then in ${total} shards side by side (FC_SEED=${env.FC_SEED}; everything in ${scratch})`);
  const whole = join(scratch, 'unsharded');
  const wholeStatus = await cucumber(whole, [], env);
  const shardDirs = Array.from({ length: total }, (_, i) => join(scratch, `shard-${i + 1}`));
  const shardStatuses = await Promise.all(shardDirs.map((dir, i) => cucumber(dir, ['--shard', `${i + 1}/${total}`], env)));
  console.log(`  ran: unsharded exit ${wholeStatus}, shards exit ${shardStatuses.join(', ')} (${seconds()})`);
  const merged = join(scratch, 'merged');
  mergeShards(merged, shardDirs);
  generateAllure([join(whole, 'allure-results')], join(whole, 'allure-report'));

  const problems: string[] = [];
  const wholeRun = readResults(readFileSync(join(whole, 'messages.ndjson'), 'utf8')).scenarios;
  const mergedRun = readResults(readFileSync(join(merged, 'messages.ndjson'), 'utf8')).scenarios;
  const byScenario = (scenarios: typeof wholeRun): Map<string, string> => new Map(scenarios.map((s) => [`"${s.name}" (${s.uri})`, s.status]));
  problems.push(...differences('scenario', byScenario(wholeRun), byScenario(mergedRun)));
  const perShard = shardDirs.map((dir) => readResults(readFileSync(join(dir, 'messages.ndjson'), 'utf8')).scenarios.filter((s) => s.status !== 'NOT RUN').length);
  if (perShard.reduce((a, b) => a + b, 0) !== wholeRun.length || perShard.some((n) => n === 0)) problems.push(`the shards ran ${perShard.join(' + ')} scenarios; the suite has ${wholeRun.length}`);
  const matrixOf = (ndjson: string): string => renderMarkdown(buildMatrix(readFileSync(ndjson, 'utf8'), undefined, 'the same moment'));
  if (matrixOf(join(whole, 'messages.ndjson')) !== matrixOf(join(merged, 'messages.ndjson'))) problems.push('the merged traceability matrix differs from the unsharded run\'s');
  problems.push(...differences('Allure result', allureStatuses([join(whole, 'allure-results')]), allureStatuses(shardDirs.map((dir) => join(dir, 'allure-results')))));
  if (statistic(join(whole, 'allure-report')) !== statistic(join(merged, 'allure-report'))) {
    problems.push(`Allure's summary: ${statistic(join(merged, 'allure-report'))} merged, ${statistic(join(whole, 'allure-report'))} unsharded`);
  }
  if ((wholeStatus === 0) !== shardStatuses.every((s) => s === 0)) problems.push(`the unsharded run exited ${wholeStatus}, the shards ${shardStatuses.join(', ')}`);

  const passed = mergedRun.filter((s) => s.status === 'PASSED').length;
  if (problems.length) {
    console.error(`Shard check failed (${seconds()}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log(
    `Shard check: ${total} shards ran ${perShard.join(' + ')} = ${wholeRun.length} scenarios, each once; merged, ${passed} of ${mergedRun.length} passed, ` +
      `and the message stream, the traceability matrix and Allure's results and summary ${statistic(join(merged, 'allure-report'))} equal the unsharded run's (${seconds()}).`,
  );
  return 0;
}

if (require.main === module) {
  const [mode, ...args] = process.argv.slice(2);
  const usage = 'usage: shards merge <out dir> <shard reports dir>... | shards check [total]';
  const work: Promise<number> =
    mode === 'merge' && args.length >= 2
      ? Promise.resolve().then(() => {
          mergeShards(args[0]!, args.slice(1));
          console.log(`Merged ${args.length - 1} shards into ${args[0]}: messages.ndjson, traceability.md/.html, allure-report/, allure-single/.`);
          return 0;
        })
      : mode === 'check' && (!args[0] || /^[2-9]$/.test(args[0]))
        ? check(Number(args[0] ?? 3))
        : Promise.resolve().then(() => {
            console.error(usage);
            return 2;
          });
  work.then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`shards ${mode ?? ''} failed: ${error.message}`);
      process.exit(1);
    },
  );
}
