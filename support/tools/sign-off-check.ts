/**
 * `npm run check:sign-offs` (part of npm test):
 *   1. every record in features/sign-offs.json is well formed (never: "product has not signed yet");
 *   2. the sign-off round trip works, on a temporary copy of the features and catalogue with a
 *      stand-in source document, never on the real records: sign YES-4, reword one of its steps
 *      (the matrix says "changed since sign-off" and what changed), undo (signed off again);
 *      likewise a reworded text, a changed source line, an added scenario; bad input changes nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../catalogue';
import { requirementStatuses } from '../reporting/requirement-status';
import { loadRecords, readProject, recordProblems, ROOT, signOffsPath, signOffStates, parseFeature, type SignOffState } from '../reporting/sign-offs';
import { runAsProgram, type Cli } from './cli';
import { renderHtml, renderMarkdown, type Matrix } from './report-matrix';
import { describeState, main as signOffCommand } from './sign-off';

const ID = 'YES-4';
const SIGNER = 'Product Owner';

class RoundTrip {
  readonly root = mkdtempSync(join(tmpdir(), 'sign-off-check-'));
  readonly source = join(this.root, 'source.txt');
  readonly env = { ...process.env, SOURCE_DOCUMENT: this.source };
  readonly output: string[] = [];

  constructor() {
    mkdirSync(join(this.root, 'features'));
    for (const file of readdirSync(join(ROOT, 'features')).filter((f) => f.endsWith('.feature') || f === 'requirements.json')) {
      copyFileSync(join(ROOT, 'features', file), join(this.root, 'features', file));
    }
    writeFileSync(this.source, Array.from({ length: 40 }, (_, i) => `stand-in source line ${i + 1}`).join('\n'));
  }

  run(...argv: string[]): number {
    return signOffCommand(argv, this.root, this.env, (line) => this.output.push(line), (line) => this.output.push(line));
  }

  state(): SignOffState {
    return signOffStates(readProject(this.root, this.env)).get(ID)!;
  }

  matrix(): Matrix {
    const report = requirementStatuses([], { project: readProject(this.root, this.env) });
    return { generatedAt: 'check', report, allure: { site: new Map(), single: new Map() }, scenarioCount: 0, passedCount: 0 };
  }

  records(): string {
    try {
      return readFileSync(signOffsPath(this.root), 'utf8');
    } catch {
      return '(no records file)';
    }
  }

  /** Edits a file of the copy, checks, and puts the file back as it was. */
  withEdit(file: string, edit: (text: string) => string, check: () => void): void {
    const path = join(this.root, file);
    const original = readFileSync(path, 'utf8');
    const edited = edit(original);
    if (edited === original) throw new Error(`the edit of ${file} changed nothing`);
    writeFileSync(path, edited);
    try {
      check();
    } finally {
      writeFileSync(path, original);
    }
  }

  /** The feature file and line of a step of the ID's first product-layer scenario. */
  productStep(): { file: string; line: number; text: string } {
    for (const file of readdirSync(join(this.root, 'features')).filter((f) => f.endsWith('.feature')).sort()) {
      const { feature } = parseFeature(readFileSync(join(this.root, 'features', file), 'utf8'), file);
      for (const child of feature?.children ?? []) {
        const inRule = child.rule?.tags.some((t) => t.name === `@req:${ID}`);
        for (const scenario of [child.scenario, ...(child.rule?.children ?? []).map((c) => c.scenario)]) {
          if (scenario && (inRule || scenario.tags.some((t) => t.name === `@req:${ID}`)) && scenario.steps[0]) {
            return { file: `features/${file}`, line: scenario.steps[0].location.line, text: scenario.steps[0].text };
          }
        }
      }
    }
    throw new Error(`${ID} has no product-layer scenario in features/*.feature: nothing to reword`);
  }
}

/** Notes a problem unless `ok`. */
type Expect = (ok: boolean, what: string) => void;

function summaryRowOf(markdown: string): string {
  return markdown.split('\n').find((line) => line.startsWith(`| [${ID}]`)) ?? '(no summary row)';
}

function roundTrip(expect: Expect): string {
  const trip = new RoundTrip();
  try {
    expect(trip.run('YES-44', '--by', SIGNER) === 1 && trip.records() === '(no records file)', 'signing an unknown ID must fail and record nothing');
    expect(trip.run(ID) === 1 && trip.records() === '(no records file)', 'signing without --by must fail and record nothing');
    expect(trip.state().state === 'awaiting', `${ID} must await sign-off before anyone signed`);

    expect(trip.run(ID, '--by', SIGNER) === 0, `npm run sign-off -- ${ID} --by "${SIGNER}" must succeed: ${trip.output.join(' ')}`);
    const signed = trip.records();
    expect(trip.state().state === 'signed off', `${ID} must be signed off right after signing`);
    expect(summaryRowOf(renderMarkdown(trip.matrix())).includes(`signed off by ${SIGNER}`), `the matrix must show ${ID} signed off by ${SIGNER}`);
    expect(trip.run(ID, '--by', '  ') === 1 && trip.records() === signed, 'a blank --by must fail and leave the records as they were');

    const step = trip.productStep();
    trip.withEdit(step.file, (text) => text.split('\n').map((line, i) => (i + 1 === step.line ? `${line} at once` : line)).join('\n'), () => {
      const state = trip.state();
      expect(
        state.state === 'changed since sign-off' && state.changes.some((c) => c.startsWith('scenario reworded') && c.includes(`${step.text} at once`)),
        `a reworded step must make ${ID} "changed since sign-off" naming the step (got ${JSON.stringify(state)})`,
      );
      const matrix = trip.matrix();
      expect(summaryRowOf(renderMarkdown(matrix)).includes('CHANGED since sign-off'), `the matrix's summary must show ${ID} CHANGED since sign-off`);
      expect(renderHtml(matrix).includes('scenario reworded'), 'the HTML matrix must say what changed');
    });
    expect(trip.state().state === 'signed off', `undoing the step's change must restore "signed off"`);
    expect(summaryRowOf(renderMarkdown(trip.matrix())).includes(`signed off by ${SIGNER}`), `the matrix must show ${ID} signed off again after the undo`);

    trip.withEdit(step.file, (text) => `${text.trimEnd()}\n\n  @req:${ID}\n  Scenario: an extra scenario for the check\n    Given the phone boots for the first time\n`, () => {
      const state = trip.state();
      expect(state.state === 'changed since sign-off' && state.changes.includes('scenario added: "an extra scenario for the check"'), `an added scenario must be named (got ${JSON.stringify(state)})`);
    });
    const catalogue = loadCatalogue(join(trip.root, 'features', 'requirements.json'));
    const summary = catalogue.requirements.find((r) => r.id === ID)!.summary;
    trip.withEdit('features/requirements.json', (text) => text.replace(JSON.stringify(summary), JSON.stringify(`${summary} Reworded.`)), () => {
      const state = trip.state();
      expect(state.state === 'changed since sign-off' && state.changes.includes('text reworded: summary'), `a reworded summary must be named (got ${JSON.stringify(state)})`);
    });
    const line = Number(catalogue.requirements.find((r) => r.id === ID)!.source.lines.split('-')[0]);
    trip.withEdit('source.txt', (text) => text.replace(`stand-in source line ${line}\n`, `stand-in source line ${line}, amended\n`), () => {
      const state = trip.state();
      expect(state.state === 'changed since sign-off' && state.changes.includes(`source line ${line} changed`), `a changed source line must be named (got ${JSON.stringify(state)})`);
    });
    expect(trip.state().state === 'signed off', 'every undo must restore "signed off"');

    trip.withEdit('features/sign-offs.json', (text) => text.replace(JSON.stringify(summary), JSON.stringify(`${summary} Reworded.`)), () => {
      expect(recordProblems(trip.root, catalogue).some((p) => p.includes('fingerprint does not match')), 'a record edited by hand must be reported as malformed');
      expect(trip.run('CODE-2', '--by', SIGNER) === 1, 'signing must refuse to write into a malformed records file');
    });
    return `signed ${ID}, reworded a step ("changed since sign-off"), undid it ("signed off"); text, source line, added scenario, bad input and a hand-edited record checked in ${trip.root}`;
  } finally {
    rmSync(trip.root, { recursive: true, force: true });
  }
}

export const cli: Cli = () => {
  const problems = recordProblems(ROOT, loadCatalogue());
  let done = '';
  try {
    done = roundTrip((ok, what) => void (ok || problems.push(what)));
  } catch (error) {
    problems.push(`the round trip could not run: ${(error as Error).message}`);
  }
  if (problems.length) {
    console.error(`Sign-off check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  // Not a failure: product reads the change and signs again (the matrix says the same).
  for (const [id, state] of signOffStates(readProject())) if (state.state !== 'awaiting' && state.state !== 'signed off') console.log(`Note: ${id} ${describeState(state)}`);
  console.log(`Sign-off check: ${loadRecords().length} record(s) in features/sign-offs.json well formed; ${done.replace(/ in \/.*$/, '')}.`);
  return 0;
};

runAsProgram(module, cli, 'The sign-off check');
