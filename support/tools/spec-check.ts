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
import { allIds, loadCatalogue, productIds, requirementIdsOf, type Catalogue } from '../catalogue';
import { runAsProgram, type Cli } from './cli';

const ROOT = join(__dirname, '..', '..');
const FEATURES = join(ROOT, 'features');
/** Words that belong to the implementation, not to the business (see README, "How we write features"). */
const IMPLEMENTATION_WORDS = /\b(socket|websocket|tick|mock|stub|stubbed|click|timer|fake|world|json|http request)s?\b/i;

/** The question's title: the one text of the phone the product layer may quote (PROMPT-1). */
const QUESTION = 'Do you want to activate Auto Provisioning now';

/**
 * The layers (README, "Two layers"): features/*.feature is product's specification,
 * features/conformance/ QA's detail, features/invariants/ the properties over generated boots.
 */
export const PRODUCT_LAYER = {
  tag: '@product',
  maxSteps: 5,
  scenarios: { min: 40, max: 70 },
  /** Scenarios each source clause needs in the product layer: the branch and its boundary or counter-case. */
  perSourceClause: 2,
  perProductDecision: 1,
} as const;

/** QA's layer: a scenario reaches its prompt by a route Given (support/routes.ts), so its own steps stay few. gplint's scenario-size does not see scenarios inside a Rule. */
export const CONFORMANCE_MAX_STEPS = 6;

export const isProductLayer = (uri: string): boolean => /^features\/[^/]+\.feature$/.test(uri);

/** The longest scenario each layer allows, counting the Background (the invariants' scenarios are not bounded). */
const MAX_STEPS: Readonly<Record<string, number>> = { '@product': PRODUCT_LAYER.maxSteps, '@conformance': CONFORMANCE_MAX_STEPS };

const LAYER_TAGS: readonly [RegExp, string][] = [
  [/^features\/[^/]+\.feature$/, '@product'],
  [/^features\/conformance\//, '@conformance'],
  [/^features\/invariants\//, '@invariant'],
];

/**
 * Wire, format and harness words that do not belong in product's layer: a step that needs them
 * belongs in features/conformance/. Matched outside quotes (addresses and codes may hold anything).
 */
const PRODUCT_FORBIDDEN_WORDS =
  /\b(bytes?|offsets?|status(es)?|(DHCP )?option \d+|(?<![.\d])[1-5]\d\d(?![.\d])|TLVs?|OUI|hex|JSON|siaddr|logs?|logged|syslog|sockets?|HTTPSRVR|TLSSRVR|HTTPDIR|HTTPPORT|TLSPORT|TLS|HTTPS?|SSL|handshake|port \d+|suite|records?|harness|mock|stub(bed)?|tick|timers?|fake|world|frames?)\b/i;

/** A quoted text in the product layer is the question, or an address or a code: never the phone's own wording. */
const isAddressOrCode = (quoted: string): boolean => /^[^\s]+$/.test(quoted) && /[\d./:]/.test(quoted);

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
  return [...problems, ...catalogueProblems(catalogue), ...layerProblems(catalogue)];
}

/** Each assumption says whose it is; placeholders, splits and merges are well formed. */
function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const live = new Set(allIds(catalogue));
  const known = new Set(catalogue.assumptions.map((a) => a.id));
  for (const a of catalogue.assumptions) {
    if (a.audience !== 'product' && a.audience !== 'engineering') problems.push(`${a.id} needs an audience: "product" (product signs it) or "engineering"`);
    if (a.placeholder && !(a.placeholder.value?.trim() && a.placeholder.realValueFrom?.trim())) {
      problems.push(`${a.id}: a placeholder needs its value and where the real value would come from (realValueFrom)`);
    }
    if (a.mergedInto !== undefined && !live.has(a.mergedInto)) problems.push(`${a.id} is merged into ${a.mergedInto}, which is not a live entry of the catalogue`);
    if (a.splitFrom !== undefined && !known.has(a.splitFrom)) problems.push(`${a.id} is split from ${a.splitFrom}, which is not in the catalogue`);
  }
  return problems;
}

/** Product's layer: its size, its length, its words, and that it covers what product signs. */
function layerProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const signable = new Set(productIds(catalogue));
  const merged = new Map(catalogue.assumptions.filter((a) => a.mergedInto).map((a) => [a.id, a.mergedInto!]));
  const perId = new Map<string, number>();
  let scenarios = 0;
  for (const { uri, document, pickles } of readFeatures()) {
    const layerTag = LAYER_TAGS.find(([where]) => where.test(uri))?.[1];
    for (const pickle of pickles) {
      const where = `${uri}: "${pickle.name}"`;
      const tags = pickle.tags.map((t) => t.name);
      if (layerTag === undefined) problems.push(`${where}: features live in features/*.feature (product), features/conformance/ or features/invariants/`);
      else if (!tags.includes(layerTag)) problems.push(`${where} is not tagged ${layerTag}, the tag of its layer`);
      if (layerTag !== '@product' && tags.includes('@product')) problems.push(`${where} is tagged @product outside the product layer (features/*.feature)`);
      for (const id of requirementIdsOf(pickle.tags)) {
        if (merged.has(id)) problems.push(`${where} names @req:${id}, which is merged into ${merged.get(id)}: tag it @req:${merged.get(id)}`);
      }
      const maxSteps = layerTag && MAX_STEPS[layerTag];
      if (maxSteps && pickle.steps.length > maxSteps) {
        problems.push(`${where} has ${pickle.steps.length} steps counting the Background; the ${layerTag!.slice(1)} layer allows ${maxSteps}: reach its starting point with a route Given`);
      }
      if (!isProductLayer(uri)) continue;
      scenarios++;
      for (const id of requirementIdsOf(pickle.tags)) {
        perId.set(id, (perId.get(id) ?? 0) + 1);
        if (!signable.has(id)) problems.push(`${where} covers ${id}, which is engineering's: it belongs in features/conformance/`);
      }
      for (const step of pickle.steps) {
        if (step.argument) problems.push(`${where}: the step "${step.text}" carries a doc string or table; the product layer keeps such detail in features/conformance/`);
      }
      for (const text of [pickle.name, ...pickle.steps.map((step) => step.text)]) problems.push(...productWordingProblems(where, text));
    }
    if (!isProductLayer(uri)) continue;
    const feature = document.feature;
    const prose = [feature?.name, feature?.description, ...(feature?.children ?? []).flatMap((c) => [c.rule?.name, c.rule?.description])];
    for (const text of prose) if (text) problems.push(...productWordingProblems(uri, text));
  }
  const { min, max } = PRODUCT_LAYER.scenarios;
  if (scenarios < min || scenarios > max) problems.push(`the product layer (features/*.feature) has ${scenarios} scenarios; it should have ${min} to ${max}`);
  for (const requirement of catalogue.requirements) {
    const count = perId.get(requirement.id) ?? 0;
    if (count < PRODUCT_LAYER.perSourceClause) problems.push(`${requirement.id} has ${count} product-layer scenario(s); a source clause needs ${PRODUCT_LAYER.perSourceClause} (the branch and its boundary or counter-case)`);
  }
  for (const id of signable) {
    if (!catalogue.requirements.some((r) => r.id === id) && !perId.get(id)) problems.push(`${id} is a product decision without a product-layer scenario`);
  }
  return problems;
}

/** Business words only: no wire, format or harness word, and no quoted phone wording but the question. */
function productWordingProblems(where: string, text: string): string[] {
  const problems: string[] = [];
  const quoted = [...text.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
  for (const quote of quoted) {
    if (quote !== QUESTION && !isAddressOrCode(quote)) problems.push(`${where}: "${quote}" quotes the phone's wording; the product layer quotes only the question, addresses and codes`);
  }
  const word = PRODUCT_FORBIDDEN_WORDS.exec(text.replace(/"[^"]*"/g, '""'));
  if (word) problems.push(`${where}: "${word[0]}" is a wire, format or harness word; the product layer says it in business words`);
  return problems;
}

type Timestamp = { readonly seconds: number; readonly nanos: number };
const msOf = ({ seconds, nanos }: Timestamp): number => seconds * 1000 + nanos / 1e6;

/** The parts of Cucumber's message stream that say how each scenario ended (readResults). */
export interface ResultEnvelope {
  readonly pickle?: {
    readonly id: string;
    readonly uri: string;
    readonly name: string;
    readonly tags: readonly { readonly name: string }[];
    readonly steps: readonly { readonly id: string; readonly type?: string }[];
  };
  readonly stepDefinition?: { readonly id: string; readonly pattern: { readonly source: string } };
  readonly testCase?: {
    readonly id: string;
    readonly pickleId: string;
    readonly testSteps: readonly { readonly id: string; readonly pickleStepId?: string; readonly stepDefinitionIds?: readonly string[] }[];
  };
  readonly testCaseStarted?: { readonly id: string; readonly testCaseId: string; readonly timestamp: Timestamp };
  readonly testCaseFinished?: { readonly testCaseStartedId: string; readonly timestamp: Timestamp };
  readonly testStepFinished?: { readonly testCaseStartedId: string; readonly testStepId: string; readonly testStepResult: { readonly status: string; readonly message?: string } };
}

const STATUS_RANK = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED', 'UNKNOWN'];
const worse = (a: string, b: string): string => (STATUS_RANK.indexOf(b) > STATUS_RANK.indexOf(a) ? b : a);

export interface ScenarioResult {
  readonly name: string;
  readonly uri: string;
  readonly tags: readonly string[];
  readonly ids: readonly string[];
  /** Its worst step result; NOT RUN when the run did not select it. */
  readonly status: string;
  /** Its first step that did not pass: the step's kind (a Given is 'Context', a hook 'hook') and its message. */
  readonly failure?: { readonly in: string; readonly message: string };
  /** Real time from its start to its finish, in ms; 0 if it never finished. */
  readonly ms: number;
}

/** Cucumber's message stream: one JSON envelope a line; `T` names the parts the caller reads. */
export const parseMessages = <T>(ndjson: string): T[] => ndjson.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);

export const readResults = (ndjson: string): { scenarios: ScenarioResult[]; unusedStepDefinitions: string[] } => resultsOf(parseMessages<ResultEnvelope>(ndjson));

/** How each scenario of a run ended, from its message stream already parsed, and the step definitions no scenario used. */
export function resultsOf(envelopes: readonly ResultEnvelope[]): { scenarios: ScenarioResult[]; unusedStepDefinitions: string[] } {
  const pickles = new Map<string, NonNullable<ResultEnvelope['pickle']>>();
  const pickleOfTestCase = new Map<string, string>();
  const stepKinds = new Map<string, string>();
  const starts = new Map<string, { pickleId: string; at: number }>();
  const status = new Map<string, string>();
  const failures = new Map<string, { in: string; message: string }>();
  const durations = new Map<string, number>();
  const stepDefinitions = new Map<string, string>();
  const usedStepDefinitions = new Set<string>();
  for (const { pickle, stepDefinition, testCase, testCaseStarted, testCaseFinished, testStepFinished } of envelopes) {
    if (pickle) pickles.set(pickle.id, pickle);
    if (stepDefinition) stepDefinitions.set(stepDefinition.id, stepDefinition.pattern.source);
    if (testCase) {
      pickleOfTestCase.set(testCase.id, testCase.pickleId);
      const kinds = new Map(pickles.get(testCase.pickleId)?.steps.map((step) => [step.id, step.type ?? 'Unknown']));
      for (const step of testCase.testSteps) {
        stepKinds.set(step.id, step.pickleStepId ? (kinds.get(step.pickleStepId) ?? 'Unknown') : 'hook');
        step.stepDefinitionIds?.forEach((id) => usedStepDefinitions.add(id));
      }
    }
    if (testCaseStarted) starts.set(testCaseStarted.id, { pickleId: pickleOfTestCase.get(testCaseStarted.testCaseId)!, at: msOf(testCaseStarted.timestamp) });
    if (testStepFinished) {
      const { pickleId } = starts.get(testStepFinished.testCaseStartedId)!;
      const { status: stepStatus, message = '' } = testStepFinished.testStepResult;
      status.set(pickleId, worse(status.get(pickleId) ?? 'PASSED', stepStatus));
      if (stepStatus !== 'PASSED' && !failures.has(pickleId)) failures.set(pickleId, { in: stepKinds.get(testStepFinished.testStepId) ?? 'Unknown', message });
    }
    if (testCaseFinished) {
      const start = starts.get(testCaseFinished.testCaseStartedId)!;
      durations.set(start.pickleId, msOf(testCaseFinished.timestamp) - start.at);
    }
  }
  const scenarios = [...pickles.values()].map((pickle): ScenarioResult => {
    const failure = failures.get(pickle.id);
    return {
      name: pickle.name,
      uri: pickle.uri,
      tags: pickle.tags.map((tag) => tag.name),
      ids: requirementIdsOf(pickle.tags),
      status: status.get(pickle.id) ?? 'NOT RUN',
      ...(failure ? { failure } : {}),
      ms: durations.get(pickle.id) ?? 0,
    };
  });
  const unusedStepDefinitions = [...stepDefinitions].filter(([id]) => !usedStepDefinitions.has(id)).map(([, pattern]) => pattern);
  return { scenarios, unusedStepDefinitions };
}

function resultProblems(ndjsonPath: string): string[] {
  const { scenarios, unusedStepDefinitions } = readResults(readFileSync(ndjsonPath, 'utf8'));
  const problems = unusedStepDefinitions.map((pattern) => `the step definition "${pattern}" is used by no scenario`);
  const catalogue = loadCatalogue();
  for (const id of allIds(catalogue)) {
    const mine = scenarios.filter((s) => s.ids.includes(id));
    if (!mine.some((s) => s.status === 'PASSED')) {
      problems.push(`${id} is not covered: no passing scenario (${mine.map((s) => `"${s.name}" ${s.status}`).join(', ') || 'none ran'})`);
    }
  }
  const sourceClauses = new Set(catalogue.requirements.map((r) => r.id));
  for (const id of productIds(catalogue)) {
    const needed = sourceClauses.has(id) ? PRODUCT_LAYER.perSourceClause : PRODUCT_LAYER.perProductDecision;
    const mine = scenarios.filter((s) => isProductLayer(s.uri) && s.ids.includes(id));
    const passed = mine.filter((s) => s.status === 'PASSED').length;
    if (passed < needed) {
      problems.push(`${id} has ${passed} passing product-layer scenario(s), needs ${needed} (${mine.map((s) => `"${s.name}" ${s.status}`).join(', ') || 'none ran'})`);
    }
  }
  return problems;
}

export const cli: Cli = ([mode, file]) => {
  const problems = mode === 'static' ? staticProblems() : mode === 'results' && file ? resultProblems(file) : [`usage: spec-check static | results <messages.ndjson>`];
  if (problems.length) {
    console.error(`Specification check (${mode}) failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log(
    `Specification check (${mode}): every requirement and assumption is traced${mode === 'results' ? ', covered by a passing scenario, and every step definition is used' : ''}; ` +
      `the product layer ${mode === 'results' ? 'passes for every source clause (twice) and every product decision' : 'is short, in business words, and covers what product signs'}${mode === 'static' ? `; conformance scenarios have at most ${CONFORMANCE_MAX_STEPS} steps` : ''}.`,
  );
  return 0;
};

runAsProgram(module, cli, 'The specification check');
