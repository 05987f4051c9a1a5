/**
 * `npm start`, the main job: runs the whole specification (Cucumber's own options pass through,
 * e.g. `npm start -- --tags "@req:YES-4"`) and writes every report under reports/:
 *   cucumber.html, junit.xml, messages.ndjson       Cucumber's own (profile `default` in cucumber.js)
 *   allure-results/                                   allure-cucumberjs (support/reporting/)
 *   allure-report/ (static site), allure-single/index.html (one file, opens from disk)
 *   traceability.md, traceability.html              the matrix product signs off
 * then scans everything the run recorded for enrollment codes in clear (secret-scan.ts).
 *
 * Cucumber writes into a fresh folder beside the reports; the reports move into reports/ together,
 * and only when the run selected a scenario: every report there comes from one run, and a filter
 * that matches nothing leaves the previous reports as they were. Allure's history is the one thing
 * carried from one report to the next (its trend).
 * Exits non-zero when a scenario failed, a code leaked, a report could not be written or nothing
 * was selected; the last line printed says which.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { terminalSummary } from '../reporting/requirement-status';
import { writeMatrix } from './report-matrix';
import { scanReports } from './secret-scan';
import { readResults, type ScenarioResult } from './spec-check';

const ROOT = join(__dirname, '..', '..');
const REPORTS = join(ROOT, 'reports');
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
const REPORT_NAME = 'J100 auto provisioning: the specification';
const shown = (path: string): string => relative(process.cwd(), path) || '.';

/** What one run leaves in reports/; screenshots of an earlier run's reports (npm run check:browser) go with them. */
export const RUN_OUTPUTS = ['cucumber.html', 'junit.xml', 'messages.ndjson', 'allure-results', 'allure-report', 'allure-single', 'traceability.md', 'traceability.html'];
const STALE_WITH_A_NEW_RUN = ['browser-check'];

/** Wall-clock seconds of each phase, printed at the end (the report's own benchmark). */
const timings: [string, number][] = [];
function timed<T>(phase: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    timings.push([phase, (performance.now() - started) / 1000]);
  }
}

function runCucumber(cucumberArgs: readonly string[], runDir: string): number {
  // progress-bar needs a terminal; elsewhere (CI logs) the dots of `progress` read better than its fallback warning.
  const stdoutFormat = process.stdout.isTTY ? [] : ['--format', 'progress'];
  const run = spawnSync(bin('cucumber-js'), [...stdoutFormat, ...cucumberArgs], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, REPORTS_DIR: runDir } });
  if (run.error) throw run.error;
  return run.status ?? 1;
}

/** Why the Allure reports cannot be generated here, in one sentence; undefined when Java runs. */
function javaProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const javaHome = env['JAVA_HOME'];
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { env, stdio: 'ignore' });
  if (!probe.error && probe.status === 0) return undefined;
  const where = javaHome ? `JAVA_HOME=${javaHome} has no working bin/java` : "there is no 'java' on the PATH and JAVA_HOME is not set";
  return `Allure reports skipped: Allure needs Java 8 or later and ${where}; install a Java runtime (e.g. 'apt-get install -y openjdk-17-jre-headless', or Temurin 17) and run npm start again — the Cucumber reports, JUnit XML, message stream and traceability matrix are written all the same.`;
}

/** Generates one Allure report from results folders (several: the shards of one run). */
export function generateAllure(resultsDirs: readonly string[], output: string, args: readonly string[] = []): void {
  const run = spawnSync(bin('allure'), ['generate', ...resultsDirs, '--clean', '--name', REPORT_NAME, '-o', output, ...args], {
    cwd: ROOT,
    env: { ...process.env, ALLURE_NO_ANALYTICS: 'true' },
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) throw new Error(`allure generate ${args.join(' ')} failed: ${(run.error?.message ?? `${run.stdout}${run.stderr}`).trim().split('\n').slice(-3).join(' ')}`);
}

/** Moves the run's reports into reports/, replacing the previous run's. */
function publish(runDir: string): void {
  for (const name of [...RUN_OUTPUTS, ...STALE_WITH_A_NEW_RUN]) rmSync(join(REPORTS, name), { recursive: true, force: true });
  for (const name of RUN_OUTPUTS) if (existsSync(join(runDir, name))) renameSync(join(runDir, name), join(REPORTS, name));
}

/** Cucumber's options as typed, quoted where a shell would need it: `--tags "@req:NOPE"`. */
const asTyped = (args: readonly string[]): string => args.map((arg) => (/^[\w@:./=-]+$/.test(arg) ? arg : `"${arg}"`)).join(' ');

const named = (scenarios: readonly ScenarioResult[]): string =>
  `${scenarios
    .slice(0, 3)
    .map((s) => `"${s.name}" (${s.uri}, ${s.status.toLowerCase()})`)
    .join(', ')}${scenarios.length > 3 ? ` and ${scenarios.length - 3} more` : ''}`;

/** Runs, writes, scans; returns the exit code and the one line that says how it went. */
function run(cucumberArgs: readonly string[], runDir: string): { status: number; last: string } {
  const cucumberStatus = timed('Cucumber run (with every formatter)', () => runCucumber(cucumberArgs, runDir));
  const messages = join(runDir, 'messages.ndjson');
  if (!existsSync(messages)) {
    return { status: cucumberStatus || 1, last: 'npm start failed: Cucumber wrote no message stream (its error is above); the previous reports are left as they were.' };
  }
  const ran = readResults(readFileSync(messages, 'utf8')).scenarios.filter((s) => s.status !== 'NOT RUN');
  if (ran.length === 0) {
    // A hook before every scenario failed (a PHONE module that cannot be loaded, say): no filter is to blame.
    if (cucumberStatus !== 0) return { status: cucumberStatus, last: 'npm start failed before any scenario ran (its error is above); the previous reports are left as they were.' };
    const filter = cucumberArgs.length ? asTyped(cucumberArgs) : 'the features';
    return { status: cucumberStatus || 2, last: `No scenario matches ${filter}: nothing ran, and the previous reports are left as they were.` };
  }
  const problems: string[] = [];
  const failed = ran.filter((s) => s.status !== 'PASSED');
  if (failed.length) problems.push(`${failed.length} of ${ran.length} scenarios failed: ${named(failed)}`);
  else if (cucumberStatus !== 0) problems.push(`Cucumber exited with ${cucumberStatus} (its error is above)`);

  const noJava = javaProblem();
  let withHistory = false;
  if (noJava) console.warn(`\n${noJava}\n`);
  else {
    const history = join(REPORTS, 'allure-report', 'history');
    withHistory = existsSync(history);
    if (withHistory) cpSync(history, join(runDir, 'allure-results', 'history'), { recursive: true });
    try {
      timed('Allure static report', () => generateAllure([join(runDir, 'allure-results')], join(runDir, 'allure-report')));
      timed('Allure single-file report', () => generateAllure([join(runDir, 'allure-results')], join(runDir, 'allure-single'), ['--single-file']));
    } catch (error) {
      console.error((error as Error).message);
      problems.push((error as Error).message.split('\n')[0]!);
    }
  }

  // After Allure (the matrix may link to the run's Allure pages). Seam: report-matrix.ts computes each
  // requirement's status (covered, failing, not run, not covered) and names the filter.
  const matrix = timed('traceability matrix', () => writeMatrix(messages, runDir, cucumberArgs));

  const leaks = timed('secret scan', () => {
    try {
      return scanReports(runDir, true).map(({ where, code }) => `"${code}" in ${where}`);
    } catch (error) {
      return [`the scan could not run: ${(error as Error).message}`];
    }
  });
  if (leaks.length) problems.push(`secret scan: enrollment code ${leaks.slice(0, 2).join(', ')}${leaks.length > 2 ? ` and ${leaks.length - 2} more` : ''}`);

  publish(runDir);
  const written = RUN_OUTPUTS.filter((name) => existsSync(join(REPORTS, name))).map((name) => `  ${shown(join(REPORTS, name))}`);
  console.log(`\nReports of this run${noJava ? '' : withHistory ? " (Allure's trend carries the previous report's history)" : ' (first Allure report here: no trend yet)'}:\n${written.join('\n')}`);
  console.log(terminalSummary(matrix.report).join('\n'));
  const passed = ran.length - failed.length;
  const selection = cucumberArgs.length ? ` selected by ${asTyped(cucumberArgs)}` : '';
  if (problems.length) return { status: cucumberStatus || 1, last: `npm start failed: ${problems.join('; ')}.` };
  return { status: 0, last: `npm start: ${passed} of ${ran.length} scenarios${selection} passed; reports in ${shown(REPORTS)}/ (open ${shown(join(REPORTS, 'allure-single', 'index.html'))} or traceability.html).` };
}

function main(cucumberArgs: readonly string[]): number {
  const started = performance.now();
  // Inside reports/, so the reports move into place by renaming, all at once.
  mkdirSync(REPORTS, { recursive: true });
  const runDir = mkdtempSync(join(REPORTS, '.run-'));
  try {
    const { status, last } = run(cucumberArgs, runDir);
    timings.push(['npm start in all', (performance.now() - started) / 1000]);
    console.log(`Timings: ${timings.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(', ')}`);
    (status ? console.error : console.log)(`\n${last}`);
    return status;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
