/**
 * `npm start`, the main job: runs the whole specification (Cucumber's own options pass through,
 * e.g. `npm start -- --tags "@req:YES-4"`) and writes every report under reports/:
 *   cucumber.html, junit.xml, messages.ndjson       Cucumber's own (profile `default` in cucumber.js)
 *   allure-results/                                   allure-cucumberjs (support/reporting/)
 *   allure-report/ (static site), allure-single/index.html (one file, opens from disk)
 *   traceability.md, traceability.html              the matrix product signs off
 * then scans everything the run recorded for enrollment codes in clear (secret-scan.ts).
 * Exits non-zero when a scenario failed or a code leaked, after writing every report it can.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { terminalSummary } from '../reporting/requirement-status';
import { writeMatrix } from './report-matrix';
import { scanReports } from './secret-scan';

const ROOT = join(__dirname, '..', '..');
const REPORTS = join(ROOT, 'reports');
const at = (name: string): string => join(REPORTS, name);
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
const REPORT_NAME = 'J100 auto provisioning: the specification';
const shown = (path: string): string => relative(process.cwd(), path) || '.';

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

/** Outputs of the previous run go, except the Allure report, whose history the next one carries on. */
function clearPreviousRun(): void {
  for (const name of ['allure-results', 'allure-single', 'cucumber.html', 'junit.xml', 'messages.ndjson', 'traceability.md', 'traceability.html']) {
    rmSync(at(name), { recursive: true, force: true });
  }
  mkdirSync(at('allure-results'), { recursive: true });
}

function runCucumber(cucumberArgs: readonly string[]): number {
  // progress-bar needs a terminal; elsewhere (CI logs) the dots of `progress` read better than its fallback warning.
  const stdoutFormat = process.stdout.isTTY ? [] : ['--format', 'progress'];
  const run = spawnSync(bin('cucumber-js'), [...stdoutFormat, ...cucumberArgs], { cwd: ROOT, stdio: 'inherit' });
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

/** The previous report's history makes the next report's trend. */
function carryHistory(): boolean {
  const history = join(at('allure-report'), 'history');
  if (!existsSync(history)) return false;
  cpSync(history, join(at('allure-results'), 'history'), { recursive: true });
  return true;
}

/** A report of an earlier run must not pass for this one; its history stays for the next trend. */
function dropStaleAllureReport(): void {
  if (!existsSync(at('allure-report'))) return;
  for (const entry of readdirSync(at('allure-report'))) if (entry !== 'history') rmSync(join(at('allure-report'), entry), { recursive: true, force: true });
}

function generateAllure(args: readonly string[], output: string): void {
  const run = spawnSync(bin('allure'), ['generate', at('allure-results'), '--clean', '--name', REPORT_NAME, '-o', output, ...args], {
    cwd: ROOT,
    env: { ...process.env, ALLURE_NO_ANALYTICS: 'true' },
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) throw new Error(`allure generate ${args.join(' ')} failed:\n${run.error?.message ?? ''}${run.stdout}${run.stderr}`);
}

function main(cucumberArgs: readonly string[]): number {
  const started = performance.now();
  timed('clear the previous run', clearPreviousRun);
  const cucumberStatus = timed('Cucumber run (with every formatter)', () => runCucumber(cucumberArgs));
  if (!existsSync(at('messages.ndjson'))) {
    console.error('Cucumber wrote no reports/messages.ndjson (see its error above): no report can be written.');
    return cucumberStatus || 1;
  }
  let problems = 0;
  const written = [at('cucumber.html'), at('junit.xml'), at('messages.ndjson'), at('allure-results')];

  const noJava = javaProblem();
  if (noJava) {
    console.warn(`\n${noJava}\n`);
    dropStaleAllureReport();
  } else {
    const withHistory = carryHistory();
    try {
      timed('Allure static report', () => generateAllure([], at('allure-report')));
      timed('Allure single-file report', () => generateAllure(['--single-file'], at('allure-single')));
      written.push(`${at('allure-report')}/index.html${withHistory ? ' (with the previous run\'s history)' : ' (first run: no history yet)'}`, join(at('allure-single'), 'index.html'));
    } catch (error) {
      console.error((error as Error).message);
      problems++;
    }
  }

  // After Allure, so every scenario of the matrix links to its Allure page.
  const matrix = timed('traceability matrix', () => writeMatrix(at('messages.ndjson'), REPORTS, cucumberArgs));
  written.push(at('traceability.md'), at('traceability.html'));

  const clean = timed('secret scan', () => {
    try {
      return scanReports(REPORTS, true);
    } catch (error) {
      console.error(`Secret scan failed: ${(error as Error).message}`);
      return false;
    }
  });
  if (!clean) problems++;

  timings.push(['npm start in all', (performance.now() - started) / 1000]);
  console.log(`\nReports (${matrix.passedCount} of ${matrix.scenarioCount} scenarios passed):\n${written.map((path) => `  ${shown(path)}`).join('\n')}`);
  console.log(terminalSummary(matrix.report).join('\n'));
  console.log(`Timings: ${timings.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(', ')}`);
  return cucumberStatus || (problems ? 1 : 0);
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
