/**
 * Checks the specification as product and QA rely on it.
 *   static            the features against the catalogue, before anything runs
 *   results <ndjson>  a run's message stream: every ID has a passing scenario, no step definition is unused
 * Exits 1 with the list of problems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { allIds, loadCatalogue, requirementIdsOf } from '../catalogue';

const ROOT = join(__dirname, '..', '..');
const FEATURES = join(ROOT, 'features');
/** Words that belong to the implementation, not to the business (see README, "How we write features"). */
const IMPLEMENTATION_WORDS = /\b(socket|websocket|tick|mock|stub|stubbed|click|timer|fake|world|json|http request)s?\b/i;

interface ParsedFeature {
  readonly uri: string;
  readonly document: GherkinDocument;
  readonly pickles: readonly Pickle[];
}

export function readFeatures(): ParsedFeature[] {
  return readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.feature'))
    .sort()
    .map((file) => {
      const uri = relative(ROOT, join(FEATURES, file));
      const newId = IdGenerator.incrementing();
      const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(readFileSync(join(ROOT, uri), 'utf8'));
      return { uri, document: { ...document, uri }, pickles: compile({ ...document, uri }, uri, newId) };
    });
}

function staticProblems(): string[] {
  const catalogue = loadCatalogue();
  const ids = new Set(allIds(catalogue));
  const assumptionIds = new Set(catalogue.assumptions.map((a) => a.id));
  const covered = new Set<string>();
  const problems: string[] = [];

  for (const { uri, document, pickles } of readFeatures()) {
    const names = new Set<string>();
    for (const pickle of pickles) {
      const where = `${uri}: "${pickle.name}"`;
      const tagged = requirementIdsOf(pickle.tags);
      const isAssumption = pickle.tags.some((t) => t.name === '@assumption');
      if (tagged.length === 0) problems.push(`${where} has no @req: tag`);
      for (const id of tagged) {
        if (!ids.has(id)) problems.push(`${where} names @req:${id}, which is not in the catalogue`);
        covered.add(id);
      }
      if (tagged.some((id) => assumptionIds.has(id)) !== isAssumption) {
        problems.push(`${where}: a scenario is tagged @assumption exactly when it covers an ASSUME- ID`);
      }
      if (names.has(pickle.name)) problems.push(`${where} is the name of another scenario in the same feature`);
      names.add(pickle.name);
      for (const step of pickle.steps) {
        const word = IMPLEMENTATION_WORDS.exec(step.text);
        if (word) problems.push(`${where}: the step "${step.text}" uses the implementation word "${word[0]}"`);
      }
    }
    const scenarios = (document.feature?.children ?? []).flatMap((child) => [child.scenario, ...(child.rule?.children ?? []).map((c) => c.scenario)]);
    for (const scenario of scenarios) {
      for (const examples of scenario?.examples ?? []) {
        if (!examples.name.trim()) problems.push(`${uri}:${examples.location.line}: the Examples table of "${scenario!.name}" needs a name that says what its rows have in common`);
      }
    }
    for (const child of document.feature?.children ?? []) {
      const rule = child.rule;
      if (!rule) continue;
      const ruleIds = requirementIdsOf(rule.tags);
      if (ruleIds.length !== 1 || !rule.name.startsWith(`${ruleIds[0]} — `)) {
        problems.push(`${uri}: the Rule "${rule.name}" must carry one @req: tag and start with that ID and " — "`);
      }
      if (rule.tags.some((t) => t.name === '@assumption') && !rule.description.trim()) {
        problems.push(`${uri}: the assumption Rule "${rule.name}" must say why, in its description`);
      }
    }
  }
  for (const id of ids) if (!covered.has(id)) problems.push(`${id} has no scenario`);
  return problems;
}

/** The parts of Cucumber's message stream this check reads. */
interface Envelope {
  readonly pickle?: { readonly id: string; readonly uri: string; readonly name: string; readonly tags: readonly { readonly name: string }[] };
  readonly stepDefinition?: { readonly id: string; readonly pattern: { readonly source: string } };
  readonly testCase?: { readonly id: string; readonly pickleId: string; readonly testSteps: readonly { readonly stepDefinitionIds?: readonly string[] }[] };
  readonly testCaseStarted?: { readonly id: string; readonly testCaseId: string };
  readonly testStepFinished?: { readonly testCaseStartedId: string; readonly testStepResult: { readonly status: string } };
}

const STATUS_RANK = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED', 'UNKNOWN'];
const worse = (a: string, b: string): string => (STATUS_RANK.indexOf(b) > STATUS_RANK.indexOf(a) ? b : a);

export interface ScenarioResult {
  readonly name: string;
  readonly uri: string;
  readonly ids: readonly string[];
  readonly status: string;
}

/** Cucumber's message stream: one JSON envelope a line; `T` names the parts the caller reads. */
export const parseMessages = <T>(ndjson: string): T[] => ndjson.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);

export function readResults(ndjson: string): { scenarios: ScenarioResult[]; unusedStepDefinitions: string[] } {
  const envelopes = parseMessages<Envelope>(ndjson);
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const pickleOfTestCase = new Map<string, string>();
  const testCaseOfStart = new Map<string, string>();
  const status = new Map<string, string>();
  const stepDefinitions = new Map<string, string>();
  const usedStepDefinitions = new Set<string>();
  for (const { pickle, stepDefinition, testCase, testCaseStarted, testStepFinished } of envelopes) {
    if (pickle) pickles.set(pickle.id, pickle);
    if (stepDefinition) stepDefinitions.set(stepDefinition.id, stepDefinition.pattern.source);
    if (testCase) {
      pickleOfTestCase.set(testCase.id, testCase.pickleId);
      testCase.testSteps.forEach((step) => step.stepDefinitionIds?.forEach((id) => usedStepDefinitions.add(id)));
    }
    if (testCaseStarted) testCaseOfStart.set(testCaseStarted.id, testCaseStarted.testCaseId);
    if (testStepFinished) {
      const pickleId = pickleOfTestCase.get(testCaseOfStart.get(testStepFinished.testCaseStartedId)!)!;
      status.set(pickleId, worse(status.get(pickleId) ?? 'PASSED', testStepFinished.testStepResult.status));
    }
  }
  const scenarios = [...pickles.values()].map((pickle) => ({
    name: pickle.name,
    uri: pickle.uri,
    ids: requirementIdsOf(pickle.tags),
    status: status.get(pickle.id) ?? 'NOT RUN',
  }));
  const unusedStepDefinitions = [...stepDefinitions].filter(([id]) => !usedStepDefinitions.has(id)).map(([, pattern]) => pattern);
  return { scenarios, unusedStepDefinitions };
}

function resultProblems(ndjsonPath: string): string[] {
  const { scenarios, unusedStepDefinitions } = readResults(readFileSync(ndjsonPath, 'utf8'));
  const problems = unusedStepDefinitions.map((pattern) => `the step definition "${pattern}" is used by no scenario`);
  for (const id of allIds(loadCatalogue())) {
    const mine = scenarios.filter((s) => s.ids.includes(id));
    if (!mine.some((s) => s.status === 'PASSED')) {
      problems.push(`${id} is not covered: no passing scenario (${mine.map((s) => `"${s.name}" ${s.status}`).join(', ') || 'none ran'})`);
    }
  }
  return problems;
}

if (require.main === module) {
  const [mode, file] = process.argv.slice(2);
  const problems = mode === 'static' ? staticProblems() : mode === 'results' && file ? resultProblems(file) : [`usage: spec-check static | results <messages.ndjson>`];
  if (problems.length) {
    console.error(`Specification check (${mode}) failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Specification check (${mode}): every requirement and assumption is traced${mode === 'results' ? ', covered by a passing scenario, and every step definition is used' : ''}.`);
}
