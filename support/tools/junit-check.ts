/**
 * JUnit XML as CI test tabs read it (Jenkins' junit plugin, GitLab, Azure DevOps, GitHub test
 * reporters): the structure they share, checked with a real XML parser (sax), not a schema file we
 * could not ship. Public JUnit schemas (Ant's, Jenkins' junit-10.xsd) disagree on attributes
 * Cucumber leaves out (hostname, id, package); what every reader relies on is checked here:
 *   - one <testsuite> (or <testsuites> of them) with name, and tests/failures/errors/skipped equal
 *     to what its test cases hold, time a decimal number;
 *   - each <testcase> a classname, a readable name (one line, at most 200 characters), unique in
 *     its class, a decimal time, and at most one of <failure>, <error>, <skipped>;
 *   - each <failure> and <error> a type and a one-line message (the detail goes in the body).
 *   junit-check [<junit.xml> ...] [--gaps]
 *     <junit.xml>              check a file
 *     --gaps                   run undefined, pending and ambiguous steps through the reporter and check
 *                              that each failure says so ("undefined step: When …", type UndefinedStep)
 * Exits 1 naming every problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAsProgram, type Cli } from './cli';

interface SaxTag {
  readonly name: string;
  readonly attributes: Record<string, string>;
}
interface SaxParser {
  onopentag: (tag: SaxTag) => void;
  onclosetag: (name: string) => void;
  onerror: (error: Error) => void;
  line: number;
  write(xml: string): { close(): void };
}
const sax = require('sax') as { parser(strict: true): SaxParser };

const ROOT = join(__dirname, '..', '..');
const LONGEST_NAME = 200;
const DECIMAL = /^\d+(\.\d+)?$/;
const OUTCOMES = ['failure', 'error', 'skipped'];

interface Suite {
  readonly attributes: Record<string, string>;
  readonly line: number;
  cases: number;
  readonly outcomes: Record<string, number>;
}

export interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly outcomes: SaxTag[];
}

/** The problems of one JUnit XML document, and its test cases. */
export function checkJunit(xml: string): { problems: string[]; testCases: TestCase[] } {
  const problems: string[] = [];
  const testCases: TestCase[] = [];
  const suites: Suite[] = [];
  const names = new Set<string>();
  const open: string[] = [];
  let testCase: TestCase | undefined;
  const parser = sax.parser(true);
  const at = (): string => `line ${parser.line + 1}`;
  parser.onerror = (error) => {
    problems.push(`not well-formed XML: ${error.message.split('\n')[0]}`);
    throw error;
  };
  parser.onopentag = ({ name, attributes }) => {
    const parent = open.at(-1);
    open.push(name);
    if (name === 'testsuites') {
      if (parent) problems.push(`${at()}: <testsuites> must be the root`);
    } else if (name === 'testsuite') {
      if (parent && parent !== 'testsuites') problems.push(`${at()}: <testsuite> inside <${parent}>`);
      if (!attributes['name']) problems.push(`${at()}: <testsuite> has no name`);
      for (const count of ['tests', 'failures', 'errors', 'skipped']) if (!/^\d+$/.test(attributes[count] ?? '')) problems.push(`${at()}: <testsuite> ${count}="${attributes[count] ?? ''}" is not a count`);
      if (attributes['time'] !== undefined && !DECIMAL.test(attributes['time'])) problems.push(`${at()}: <testsuite> time="${attributes['time']}" is not a decimal number`);
      suites.push({ attributes, line: parser.line + 1, cases: 0, outcomes: { failure: 0, error: 0, skipped: 0 } });
    } else if (name === 'testcase') {
      if (parent !== 'testsuite') problems.push(`${at()}: <testcase> inside <${parent ?? 'nothing'}>`);
      const { classname = '', name: caseName = '', time } = attributes;
      if (!classname) problems.push(`${at()}: a <testcase> has no classname`);
      if (!caseName) problems.push(`${at()}: a <testcase> has no name`);
      if (/\n/.test(caseName) || caseName.length > LONGEST_NAME) problems.push(`${at()}: the test case name "${caseName.slice(0, 80)}…" is not one readable line (${caseName.length} characters, at most ${LONGEST_NAME})`);
      const key = `${classname} / ${caseName}`;
      if (names.has(key)) problems.push(`${at()}: two test cases are named "${key}" (CI would merge them)`);
      names.add(key);
      if (time === undefined || !DECIMAL.test(time)) problems.push(`${at()}: "${caseName}" time="${time ?? ''}" is not a decimal number`);
      testCase = { classname, name: caseName, outcomes: [] };
      testCases.push(testCase);
      const suite = suites.at(-1);
      if (suite) suite.cases++;
    } else if (OUTCOMES.includes(name)) {
      if (parent !== 'testcase' || !testCase) problems.push(`${at()}: <${name}> outside a test case`);
      else {
        testCase.outcomes.push({ name, attributes });
        if (testCase.outcomes.length > 1) problems.push(`${at()}: "${testCase.name}" has more than one of <failure>, <error>, <skipped>`);
        const suite = suites.at(-1);
        if (suite) suite.outcomes[name]!++;
        if (name !== 'skipped') {
          if (!attributes['type']) problems.push(`${at()}: the <${name}> of "${testCase.name}" has no type`);
          const message = attributes['message'] ?? '';
          if (!message.trim()) problems.push(`${at()}: the <${name}> of "${testCase.name}" has no message`);
          if (message.includes('\n')) problems.push(`${at()}: the <${name}> message of "${testCase.name}" spans ${message.split('\n').length} lines (one line; the detail goes in the body)`);
        }
      }
    } else if (!['system-out', 'system-err', 'properties', 'property'].includes(name)) {
      problems.push(`${at()}: unknown element <${name}>`);
    }
  };
  parser.onclosetag = (name) => {
    open.pop();
    if (name === 'testcase') testCase = undefined;
  };
  try {
    parser.write(xml).close();
  } catch {
    return { problems, testCases };
  }
  if (suites.length === 0) problems.push('no <testsuite>');
  for (const suite of suites) {
    const expected: Record<string, number> = { tests: suite.cases, failures: suite.outcomes['failure']!, errors: suite.outcomes['error']!, skipped: suite.outcomes['skipped']! };
    for (const [count, value] of Object.entries(expected)) {
      if (Number(suite.attributes[count]) !== value) problems.push(`line ${suite.line}: <testsuite> says ${count}="${suite.attributes[count]}", its test cases hold ${value}`);
    }
  }
  return { problems, testCases };
}

const GAP_FEATURE = `Feature: Specification gaps
  Rule: GAP-1 — rules whose steps are not written yet
    Scenario: a step without a definition
      When a step that no step definition matches runs
    Scenario: a pending step
      When a step that is still pending runs
    Scenario: an ambiguous step
      When a step defined twice runs
`;
const GAP_STEPS = `const { When } = require('@cucumber/cucumber');
When('a step that is still pending runs', () => 'pending');
When('a step defined twice runs', () => undefined);
When(/^a step defined twice runs$/, () => undefined);
`;
/** Each gap's test case, and the type and message its failure must carry. */
const GAPS: [string, string, string][] = [
  ['GAP-1: a step without a definition', 'UndefinedStep', 'undefined step: When a step that no step definition matches runs'],
  ['GAP-1: a pending step', 'PendingStep', 'pending step: When a step that is still pending runs'],
  ['GAP-1: an ambiguous step', 'AmbiguousStep', 'ambiguous step: When a step defined twice runs'],
];

/** The reporter on undefined, pending and ambiguous steps: each failure must say so, in one line, with a type. */
function gapProblems(): string[] {
  // Inside the project, so the step file finds @cucumber/cucumber; reports/ is git-ignored.
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'reports', '.junit-check-'));
  try {
    writeFileSync(join(dir, 'gaps.feature'), GAP_FEATURE);
    writeFileSync(join(dir, 'gaps.steps.js'), GAP_STEPS);
    const junit = join(dir, 'junit.xml');
    const args = ['--profile', 'bench', '--require', join(dir, 'gaps.steps.js'), '--format', `./support/reporting/junit-reporter.js:${junit}`, join(dir, 'gaps.feature')];
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'cucumber-js'), args, { cwd: ROOT, encoding: 'utf8' });
    if (run.status === 0) return ['a run with undefined, pending and ambiguous steps passed (strict mode is off?)'];
    if (!existsSync(junit)) return [`Cucumber wrote no JUnit XML:\n${run.stdout}${run.stderr}`];
    const { problems, testCases } = checkJunit(readFileSync(junit, 'utf8'));
    for (const [name, type, message] of GAPS) {
      const failure = testCases.find((testCase) => testCase.name === name)?.outcomes[0]?.attributes;
      if (!failure) problems.push(`no failing test case named "${name}"`);
      else if (failure['type'] !== type || failure['message'] !== message) {
        problems.push(`"${name}" fails with type="${failure['type'] ?? ''}" message="${failure['message'] ?? ''}", expected ${type} and "${message}"`);
      }
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const cli: Cli = (args) => {
  if (args.length === 0) {
    console.error('usage: junit-check [<junit.xml> ...] [--gaps]');
    return 2;
  }
  let failed = false;
  for (const argument of args) {
    const gaps = argument === '--gaps';
    const missing = !gaps && !existsSync(argument);
    const { problems, testCases } = gaps
      ? { problems: gapProblems(), testCases: [] }
      : missing
        ? { problems: [`${argument} is missing: run the suite first (npm test writes reports/test/junit.xml, npm start reports/junit.xml)`], testCases: [] }
        : checkJunit(readFileSync(argument, 'utf8'));
    if (problems.length) {
      failed = true;
      console.error(`JUnit check failed (${gaps ? 'an undefined step' : argument}):\n${problems.slice(0, 20).map((p) => `  - ${p}`).join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    } else {
      console.log(gaps ? 'JUnit check: undefined, pending and ambiguous steps fail with a type (UndefinedStep, PendingStep, AmbiguousStep) and the message "<kind> step: <step>".' : `JUnit check: ${argument} holds ${testCases.length} test cases, in the structure CI test tabs read.`);
    }
  }
  return failed ? 1 : 0;
};

runAsProgram(module, cli, 'The JUnit check');
