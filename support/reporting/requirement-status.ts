/**
 * One status per requirement and decision, computed once for every reader: the matrix
 * (report-matrix.ts), the terminal summary of `npm start` and Allure's stories (allure-reporter.js).
 *   covered      every scenario of it that ran passed
 *   failing      a scenario of it failed (or was undefined, pending, ambiguous)
 *   not run      it has scenarios, but the run's filter left them all out
 *   not covered  no scenario names it at all
 * and its sign-off: awaiting, signed off, or changed since sign-off (sign-offs.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { compile } from '@cucumber/gherkin';
import { IdGenerator, type Envelope, type GherkinDocument } from '@cucumber/messages';
import { requirementIdsOf, type Assumption, type Catalogue } from '../catalogue';
import { liveEntries, parseFeature, readProject, signOffStates, type Project, type SignOffState } from './sign-offs';

export type RunStatus = 'covered' | 'failing' | 'not run' | 'not covered';
export type Kind = 'requirement' | 'product decision' | 'engineering decision';
export type Layer = 'product' | 'conformance' | 'invariants';

export interface ScenarioRun {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly layer: Layer;
  readonly ids: readonly string[];
  /** Cucumber's worst step status, or NOT RUN when the filter left the scenario out. */
  readonly status: string;
  /** The first line of the first failure's message, for a failed scenario. */
  readonly failure?: string;
  /** An outline row as sorted `name=value` pairs, which tell its runs apart (Allure's parameters). */
  readonly example: readonly string[];
}

export interface RequirementStatus {
  readonly id: string;
  readonly kind: Kind;
  readonly run: RunStatus;
  readonly scenarios: readonly ScenarioRun[];
  readonly signOff: SignOffState;
}

export interface StatusReport {
  readonly catalogue: Catalogue;
  /** The filter the run was given, in the words it was given (e.g. `--tags "@req:YES-4"`); undefined for the whole specification. */
  readonly filter: string | undefined;
  readonly known: number;
  readonly selected: number;
  readonly passed: number;
  readonly statuses: ReadonlyMap<string, RequirementStatus>;
}

const passed = (s: ScenarioRun): boolean => s.status === 'PASSED';
const ran = (s: ScenarioRun): boolean => s.status !== 'NOT RUN' && s.status !== 'SKIPPED';
export const failed = (s: ScenarioRun): boolean => ran(s) && !passed(s);

export const layerOf = (uri: string): Layer => (uri.startsWith('features/invariants/') ? 'invariants' : /^features\/[^/]+$/.test(uri) ? 'product' : 'conformance');

export const kindOf = (catalogue: Catalogue, id: string): Kind =>
  catalogue.requirements.some((r) => r.id === id)
    ? 'requirement'
    : (catalogue.assumptions.find((a) => a.id === id) as (Assumption & { audience?: string }) | undefined)?.audience === 'engineering'
      ? 'engineering decision'
      : 'product decision';

const STATUS_RANK = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED', 'UNKNOWN'];
const worse = (a: string, b: string): string => (STATUS_RANK.indexOf(b) > STATUS_RANK.indexOf(a) ? b : a);

/** Every scenario of a run's message stream: the selected ones with their outcome, the others NOT RUN. */
export function readRun(envelopes: readonly Envelope[]): ScenarioRun[] {
  // By file and line, not by AST node ID: the shards of one run (shards.ts) number their nodes apart.
  const rows = new Map<string, string[]>();
  const index = ({ uri, feature }: GherkinDocument): void => {
    for (const child of feature?.children ?? []) {
      for (const scenario of [child.scenario, ...(child.rule?.children ?? []).map((c) => c.scenario)]) {
        for (const examples of scenario?.examples ?? []) {
          const names = examples.tableHeader?.cells.map((c) => c.value) ?? [];
          for (const row of examples.tableBody) rows.set(`${uri}:${row.location.line}`, row.cells.map((c, i) => `${names[i]}=${c.value}`).sort());
        }
      }
    }
  };
  const pickles: NonNullable<Envelope['pickle']>[] = [];
  const pickleOfTestCase = new Map<string, string>();
  const pickleOfStart = new Map<string, string>();
  const outcome = new Map<string, { status: string; failure?: string }>();
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument) index(envelope.gherkinDocument);
    if (envelope.pickle) pickles.push(envelope.pickle);
    if (envelope.testCase) pickleOfTestCase.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) {
      const pickleId = pickleOfTestCase.get(envelope.testCaseStarted.testCaseId)!;
      pickleOfStart.set(envelope.testCaseStarted.id, pickleId);
      outcome.set(pickleId, { status: 'PASSED' }); // a retried attempt starts afresh: the last one counts
    }
    if (envelope.testStepFinished) {
      const pickleId = pickleOfStart.get(envelope.testStepFinished.testCaseStartedId)!;
      const { status, message } = envelope.testStepFinished.testStepResult;
      const before = outcome.get(pickleId)!;
      const failure = before.failure ?? (status !== 'PASSED' && status !== 'SKIPPED' ? (message?.split('\n')[0] ?? `${status.toLowerCase()} step`) : undefined);
      outcome.set(pickleId, { status: worse(before.status, status), ...(failure ? { failure: failure.slice(0, 240) } : {}) });
    }
  }
  return pickles.map((pickle) => {
    const line = pickle.location?.line ?? 0;
    const result = outcome.get(pickle.id);
    return {
      name: pickle.name,
      uri: pickle.uri,
      line,
      layer: layerOf(pickle.uri),
      ids: requirementIdsOf(pickle.tags),
      status: result?.status ?? 'NOT RUN',
      ...(result?.failure && result.status !== 'PASSED' ? { failure: result.failure } : {}),
      example: pickle.astNodeIds.length > 1 ? (rows.get(`${pickle.uri}:${line}`) ?? []) : [],
    };
  });
}

/** Scenarios a run never saw (a path filter leaves whole files out): read from the feature files, NOT RUN. */
function unseenScenarios(root: string, seen: readonly ScenarioRun[]): ScenarioRun[] {
  const seenUris = new Set(seen.map((s) => s.uri));
  const features = join(root, 'features');
  return readdirSync(features, { recursive: true, encoding: 'utf8' })
    .map((file) => `features/${file.split(sep).join('/')}`)
    .filter((uri) => uri.endsWith('.feature') && !seenUris.has(uri))
    .flatMap((uri) => {
      const document = parseFeature(readFileSync(join(root, uri), 'utf8'), uri);
      return compile(document, uri, IdGenerator.incrementing()).map((pickle) => {
        const { line } = pickle.location ?? { line: 0 };
        return { name: pickle.name, uri, line, layer: layerOf(uri), ids: requirementIdsOf(pickle.tags), status: 'NOT RUN', example: [] };
      });
    });
}

export function runStatusOf(scenarios: readonly ScenarioRun[]): RunStatus {
  if (!scenarios.length) return 'not covered';
  if (scenarios.some(failed)) return 'failing';
  return scenarios.some(ran) ? 'covered' : 'not run';
}

export interface StatusOptions {
  readonly filter?: string | undefined;
  readonly project?: Project;
}

export function requirementStatuses(envelopes: readonly Envelope[], options: StatusOptions = {}): StatusReport {
  const project = options.project ?? readProject();
  const { catalogue } = project;
  const inRun = readRun(envelopes);
  const scenarios = [...inRun, ...unseenScenarios(project.root, inRun)];
  const signOffs = signOffStates(project);
  const statuses = new Map<string, RequirementStatus>();
  for (const { id } of liveEntries(catalogue)) {
    const mine = scenarios.filter((s) => s.ids.includes(id));
    statuses.set(id, { id, kind: kindOf(catalogue, id), run: runStatusOf(mine), scenarios: mine, signOff: signOffs.get(id)! });
  }
  const selected = inRun.filter(ran);
  return { catalogue, filter: options.filter, known: scenarios.length, selected: selected.length, passed: selected.filter(passed).length, statuses };
}

/** Cucumber's options that are not filters but take a value: their value is no feature path. */
const TAKES_A_VALUE = /^(--format|-f|--format-options|--parallel|--retry|--retry-tag-filter|--require|-r|--import|-i|--require-module|--world-parameters|--order|--language|--i18n-keywords|--plugin|--plugin-options)$/;

/** The filter in the words it was given (`--tags`, `--name`, `--shard`, `--profile`, feature paths); undefined for the whole specification. */
export function filterOf(cucumberArgs: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < cucumberArgs.length; i++) {
    const arg = cucumberArgs[i]!;
    const [option, inline] = arg.split(/=(.*)/s);
    if (/^(--tags|-t|--name|--shard|--profile|-p)$/.test(option!)) words.push(`${option} "${inline ?? cucumberArgs[++i] ?? ''}"`);
    else if (TAKES_A_VALUE.test(arg)) i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words.length ? words.join(' ') : undefined;
}

export const byKind = (report: StatusReport, kind: Kind): RequirementStatus[] => [...report.statuses.values()].filter((s) => s.kind === kind);

/** Failing first, then the rest in catalogue order: what product must look at comes first. */
export const failingFirst = (statuses: readonly RequirementStatus[]): RequirementStatus[] => [
  ...statuses.filter((s) => s.run === 'failing'),
  ...statuses.filter((s) => s.run !== 'failing'),
];

const count = (statuses: readonly RequirementStatus[], run: RunStatus): number => statuses.filter((s) => s.run === run).length;

export function countsLine(statuses: readonly RequirementStatus[]): string {
  return (['covered', 'failing', 'not run', 'not covered'] as const)
    .map((run) => `${count(statuses, run)} ${run}`)
    .join(', ');
}

export function scopeLine(report: StatusReport): string {
  const passedLine = `${report.passed} of ${report.selected} scenarios passed.`;
  // A filter that leaves nothing out is the whole specification, whatever it was called.
  return report.selected < report.known
    ? `Filtered run (${report.filter ?? 'chosen by a profile'}): ${passedLine} The filter selected ${report.selected} of ${report.known} scenarios; the others are "not run", not failed.`
    : `Whole specification: ${passedLine}`;
}

/** The lines `npm start` prints at the end: failing first, then counts, then what changed since sign-off. */
export function terminalSummary(report: StatusReport): string[] {
  const all = [...report.statuses.values()];
  const failing = all.filter((s) => s.run === 'failing');
  const changed = all.filter((s) => s.signOff.state === 'changed since sign-off');
  const signed = all.filter((s) => s.signOff.state === 'signed off').length;
  return [
    scopeLine(report),
    ...failing.map((s) => `FAILING ${s.id}: ${s.scenarios.filter(failed).map((f) => `"${f.name}" (${f.uri}:${f.line})`).join(', ')}`),
    `Requirements: ${countsLine(byKind(report, 'requirement'))}. Product decisions: ${countsLine(byKind(report, 'product decision'))}. Engineering decisions: ${countsLine(byKind(report, 'engineering decision'))}.`,
    ...changed.map((s) => `CHANGED SINCE SIGN-OFF ${s.id}: ${s.signOff.state === 'changed since sign-off' ? s.signOff.changes.join('; ') : ''}`),
    `Sign-off: ${signed} signed off, ${changed.length} changed since sign-off, ${all.length - signed - changed.length} awaiting (npm run sign-off -- <ID> --by "<name>").`,
  ];
}
