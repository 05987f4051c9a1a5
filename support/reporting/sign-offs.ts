/**
 * Sign-off pinned to what product read: a record in features/sign-offs.json keeps who signed an
 * ID, when, and what they read — the entry's text in the catalogue, the source lines it cites
 * (as hashes: the source's sentences never enter the project) and its product-layer scenarios
 * (features/*.feature, top folder only). Comparing that with today's files says whether the
 * sign-off still holds and, if not, what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Background, type GherkinDocument, type Scenario, type Step, type Tag } from '@cucumber/messages';
import { loadCatalogue, requirementIdsOf, type Catalogue } from '../catalogue';

export const ROOT = join(__dirname, '..', '..');
export const SIGN_OFFS_FILE = join('features', 'sign-offs.json');
export const SIGN_COMMAND = 'npm run sign-off -- <ID> --by "<your name>"';

export interface SignedScenario {
  readonly feature: string;
  readonly name: string;
  /** Background steps first, then the scenario's, each with its table or doc string. */
  readonly steps: readonly string[];
  readonly examples: readonly string[];
}

export interface SignedContent {
  /** Every field of the catalogue entry product reads (summary, or question, decision and reason…). */
  readonly text: Readonly<Record<string, string>>;
  readonly sourceLines: readonly { readonly line: number; readonly sha256: string }[];
  readonly scenarios: readonly SignedScenario[];
}

export interface SignOffRecord {
  readonly id: string;
  readonly by: string;
  readonly at: string;
  readonly fingerprint: string;
  readonly signed: SignedContent;
}

interface SignOffFile {
  readonly note: string;
  readonly signOffs: readonly SignOffRecord[];
}

export type SignOffState =
  | { readonly state: 'awaiting' }
  | { readonly state: 'signed off'; readonly by: string; readonly at: string; readonly unchecked?: string }
  | { readonly state: 'changed since sign-off'; readonly by: string; readonly at: string; readonly changes: readonly string[] };

/** Everything a fingerprint is taken over, read once. */
export interface Project {
  readonly root: string;
  readonly catalogue: Catalogue;
  readonly productFeatures: readonly GherkinDocument[];
  /** The source document's lines, or why it could not be read. */
  readonly source: readonly string[] | { readonly missing: string };
}

// --- The source document -----------------------------------------------------------------------

/** shared/ sits beside the clone on CI (../shared); a git worktree may sit deeper: look upwards. */
export function findSourceDocument(root: string, catalogue: Catalogue, env: NodeJS.ProcessEnv = process.env): string | { missing: string } {
  const relativePath = (catalogue as { source?: string }).source ?? 'shared/source/auto-provisioning.txt';
  if (env['SOURCE_DOCUMENT']) {
    return existsSync(env['SOURCE_DOCUMENT']) ? resolve(env['SOURCE_DOCUMENT']) : { missing: `SOURCE_DOCUMENT=${env['SOURCE_DOCUMENT']} does not exist` };
  }
  const tried: string[] = [];
  for (let dir = dirname(resolve(root)); ; dir = dirname(dir)) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
    if (dirname(dir) === dir) break;
  }
  return {
    missing: `the source document ${relativePath} is not beside the clone (looked for ${tried.slice(0, 3).join(', ')}…); put shared/ next to the repository or set SOURCE_DOCUMENT to its path`,
  };
}

/** "8-11" or "6" or "5, 7": the line numbers a catalogue entry cites. */
export function citedLines(lines: string): number[] {
  return lines.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map((n) => Number(n.trim()));
    if (!Number.isInteger(from) || !Number.isInteger(to) || from! < 1 || to! < from!) throw new Error(`cannot read the source lines "${lines}"`);
    return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
  });
}

// --- Reading the project -----------------------------------------------------------------------

export function parseFeature(text: string, uri: string): GherkinDocument {
  return { ...new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(text), uri };
}

export function readProject(root = ROOT, env: NodeJS.ProcessEnv = process.env): Project {
  const catalogue = loadCatalogue(join(root, 'features', 'requirements.json'));
  const features = join(root, 'features');
  const productFeatures = readdirSync(features)
    .filter((file) => file.endsWith('.feature'))
    .sort()
    .map((file) => parseFeature(readFileSync(join(features, file), 'utf8'), `features/${file}`));
  const path = findSourceDocument(root, catalogue, env);
  const source = typeof path === 'string' ? readFileSync(path, 'utf8').split('\n') : path;
  return { root, catalogue, productFeatures, source };
}

type Entry = Catalogue['requirements'][number] | Catalogue['assumptions'][number];

/** Requirements and decisions in force: an entry merged into another is kept for its ID only. */
export const liveEntries = (catalogue: Catalogue): Entry[] =>
  [...catalogue.requirements, ...catalogue.assumptions].filter((entry) => (entry as { mergedInto?: string }).mergedInto === undefined);

export const entryOf = (catalogue: Catalogue, id: string): Entry | undefined => liveEntries(catalogue).find((entry) => entry.id === id);

/** Not product's text: the ID, where it is filed, the old bare sign-off field, and the citation (pinned as lines). */
const NOT_TEXT = new Set(['id', 'path', 'signOff', 'source']);
const textOf = (entry: Entry): Record<string, string> =>
  Object.fromEntries(
    Object.entries(entry)
      .filter(([field]) => !NOT_TEXT.has(field))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, value]) => [field, typeof value === 'string' ? value : JSON.stringify(value)]),
  );

/** A requirement cites its own lines; a decision, the lines of the requirements it refines. */
function linesOf(catalogue: Catalogue, entry: Entry): number[] {
  const own = 'source' in entry && entry.source ? citedLines(entry.source.lines) : [];
  const refined = ('refines' in entry ? entry.refines : []).flatMap((id) => {
    const requirement = catalogue.requirements.find((r) => r.id === id);
    return requirement ? citedLines(requirement.source.lines) : [];
  });
  return [...new Set([...own, ...refined])].sort((a, b) => a - b);
}

const stepLines = (steps: readonly Step[]): string[] =>
  steps.map((step) =>
    [
      `${step.keyword.trim()} ${step.text}`,
      ...(step.dataTable?.rows ?? []).map((row) => `| ${row.cells.map((c) => c.value).join(' | ')} |`),
      ...(step.docString ? [`"""${step.docString.content}"""`] : []),
    ].join('\n'),
  );

const hasId = (tags: readonly Tag[], id: string): boolean => requirementIdsOf(tags).includes(id);

/** The product-layer scenarios of an ID: its @req: tag on the feature, the Rule, the scenario or an Examples table. */
export function productScenarios(documents: readonly GherkinDocument[], id: string): SignedScenario[] {
  const found: SignedScenario[] = [];
  for (const { feature } of documents) {
    if (!feature) continue;
    const featureBackground = feature.children.find((c) => c.background)?.background;
    const take = (scenario: Scenario, tags: readonly Tag[], backgrounds: readonly (Background | undefined)[]): void => {
      if (!hasId([...tags, ...scenario.tags], id) && !scenario.examples.some((e) => hasId(e.tags, id))) return;
      found.push({
        feature: feature.name,
        name: scenario.name,
        steps: stepLines([...backgrounds.flatMap((b) => b?.steps ?? []), ...scenario.steps]),
        examples: scenario.examples.flatMap((e) => [
          `Examples: ${e.name}`,
          ...[e.tableHeader, ...e.tableBody].filter((row) => row).map((row) => `| ${row!.cells.map((c) => c.value).join(' | ')} |`),
        ]),
      });
    };
    for (const child of feature.children) {
      if (child.scenario) take(child.scenario, feature.tags, [featureBackground]);
      if (child.rule) {
        const ruleBackground = child.rule.children.find((c) => c.background)?.background;
        for (const c of child.rule.children) if (c.scenario) take(c.scenario, [...feature.tags, ...child.rule.tags], [featureBackground, ruleBackground]);
      }
    }
  }
  return found;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * What product reads when signing `id` today. Throws when the ID is unknown or the source is missing,
 * unless `unreadSource` stands in for the source lines (to compare a record on everything else).
 */
export function whatIsRead(project: Project, id: string, unreadSource?: SignedContent['sourceLines']): SignedContent {
  const entry = entryOf(project.catalogue, id);
  if (!entry) throw new Error(`${id} is not in features/requirements.json`);
  const scenarios = productScenarios(project.productFeatures, id);
  if ('missing' in project.source) {
    if (unreadSource) return { text: textOf(entry), sourceLines: unreadSource, scenarios };
    throw new Error(`cannot pin ${id}'s source lines: ${project.source.missing}`);
  }
  const source = project.source;
  const sourceLines = linesOf(project.catalogue, entry).map((line) => {
    if (line > source.length) throw new Error(`${id} cites source line ${line}, but the source document has ${source.length} lines`);
    return { line, sha256: sha256(source[line - 1]!.trimEnd()) };
  });
  return { text: textOf(entry), sourceLines, scenarios };
}

/** Stable over key order, so a record rewritten by hand or by a tool keeps its fingerprint. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value);

export const fingerprint = (content: SignedContent): string => `sha256:${sha256(canonical(content))}`;

// --- What changed --------------------------------------------------------------------------------

const quoted = (s: SignedScenario): string => `"${s.name}"`;
const key = (s: SignedScenario): string => `${s.feature}\u0000${s.name}`;
const body = (s: SignedScenario): string => canonical({ steps: s.steps, examples: s.examples });

/** In product's words: which text was reworded, which source line changed, which scenario came, went or was reworded. */
export function changesBetween(signed: SignedContent, now: SignedContent): string[] {
  const changes: string[] = [];
  for (const field of new Set([...Object.keys(signed.text), ...Object.keys(now.text)])) {
    if (signed.text[field] === undefined) changes.push(`text added: ${field}`);
    else if (now.text[field] === undefined) changes.push(`text removed: ${field}`);
    else if (signed.text[field] !== now.text[field]) changes.push(`text reworded: ${field}`);
  }
  const before = new Map(signed.sourceLines.map((l) => [l.line, l.sha256]));
  const after = new Map(now.sourceLines.map((l) => [l.line, l.sha256]));
  for (const line of [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b)) {
    if (!after.has(line)) changes.push(`source line ${line} no longer cited`);
    else if (!before.has(line)) changes.push(`source line ${line} now cited`);
    else if (before.get(line) !== after.get(line)) changes.push(`source line ${line} changed`);
  }
  const was = new Map(signed.scenarios.map((s) => [key(s), s]));
  const is = new Map(now.scenarios.map((s) => [key(s), s]));
  const gone = signed.scenarios.filter((s) => !is.has(key(s)));
  const added = now.scenarios.filter((s) => !was.has(key(s)));
  for (const old of gone) {
    const renamed = added.find((s) => body(s) === body(old));
    if (renamed) {
      added.splice(added.indexOf(renamed), 1);
      changes.push(`scenario renamed: ${quoted(old)} is now ${quoted(renamed)}`);
    } else changes.push(`scenario removed: ${quoted(old)}`);
  }
  for (const s of added) changes.push(`scenario added: ${quoted(s)}`);
  for (const s of now.scenarios) {
    const old = was.get(key(s));
    if (!old || body(old) === body(s)) continue;
    const removedSteps = old.steps.filter((step) => !s.steps.includes(step));
    const addedSteps = s.steps.filter((step) => !old.steps.includes(step));
    const detail = [...removedSteps.map((step) => `"${step}" removed`), ...addedSteps.map((step) => `"${step}" added`)];
    if (old.examples.join('\n') !== s.examples.join('\n')) detail.push('examples changed');
    if (!detail.length) detail.push('steps reordered');
    changes.push(`scenario reworded: ${quoted(s)} (${detail.join('; ')})`);
  }
  return changes;
}

// --- The records ---------------------------------------------------------------------------------

const NOTE = `Written by ${SIGN_COMMAND}: who signed which requirement or decision, when, and what they read. Do not edit by hand; the fingerprint would no longer match.`;

export const signOffsPath = (root = ROOT): string => join(root, SIGN_OFFS_FILE);

export function loadRecords(root = ROOT): SignOffRecord[] {
  const path = signOffsPath(root);
  if (!existsSync(path)) return [];
  const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<SignOffFile>;
  return Array.isArray(file.signOffs) ? [...file.signOffs] : [];
}

/** Writes through a temporary file: an interrupted write never leaves half a record. */
export function saveRecords(records: readonly SignOffRecord[], root = ROOT): void {
  const path = signOffsPath(root);
  const file: SignOffFile = { note: NOTE, signOffs: [...records].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })) };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

/** What is wrong with the records file, one sentence a problem; empty when every record is well formed. */
export function recordProblems(root: string, catalogue: Catalogue): string[] {
  const path = signOffsPath(root);
  if (!existsSync(path)) return [];
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [`${SIGN_OFFS_FILE} is not JSON: ${(error as Error).message}`];
  }
  const records = (file as { signOffs?: unknown })?.signOffs;
  if (!Array.isArray(records)) return [`${SIGN_OFFS_FILE} has no "signOffs" list`];
  const problems: string[] = [];
  const seen = new Set<string>();
  records.forEach((record: Partial<SignOffRecord> | null, index) => {
    const where = `${SIGN_OFFS_FILE}, record ${index + 1}${isText(record?.id) ? ` (${record!.id})` : ''}`;
    if (!record || typeof record !== 'object') return void problems.push(`${where} is not an object`);
    if (!isText(record.id) || !entryOf(catalogue, record.id)) problems.push(`${where}: "${String(record.id)}" is not an ID of features/requirements.json (sign the entry that replaced it and delete this record)`);
    else if (seen.has(record.id)) problems.push(`${where}: ${record.id} is signed twice`);
    if (isText(record.id)) seen.add(record.id);
    if (!isText(record.by) || !record.by.trim()) problems.push(`${where}: "by" must name who signed`);
    if (!isText(record.at) || Number.isNaN(Date.parse(record.at)) || new Date(record.at).toISOString() !== record.at) problems.push(`${where}: "at" must be an ISO 8601 UTC time such as 2026-12-01T00:00:00.000Z`);
    const signed = record.signed as Partial<SignedContent> | undefined;
    const wellFormed =
      !!signed &&
      !!signed.text &&
      typeof signed.text === 'object' &&
      Object.values(signed.text).every(isText) &&
      Array.isArray(signed.sourceLines) &&
      signed.sourceLines.every((l) => Number.isInteger(l?.line) && /^[0-9a-f]{64}$/.test(String(l?.sha256))) &&
      Array.isArray(signed.scenarios) &&
      signed.scenarios.every((s) => isText(s?.feature) && isText(s?.name) && isTextArray(s?.steps) && isTextArray(s?.examples));
    if (!wellFormed) problems.push(`${where}: "signed" must hold the text, source lines and scenarios that were read`);
    else if (record.fingerprint !== fingerprint(signed as SignedContent)) problems.push(`${where}: its fingerprint does not match what it says was signed (edited by hand?); sign again with ${SIGN_COMMAND}`);
  });
  return problems;
}

/** Each ID's sign-off today; a record that cannot be compared (no source document) is compared on everything else. */
export function signOffStates(project: Project, records = loadRecords(project.root)): Map<string, SignOffState> {
  const states = new Map<string, SignOffState>();
  for (const { id } of liveEntries(project.catalogue)) states.set(id, { state: 'awaiting' });
  const malformed = new Set(recordProblems(project.root, project.catalogue).length ? records.map((r) => r.id) : []);
  for (const record of records) {
    if (!entryOf(project.catalogue, record.id)) continue;
    // npm test names the problem; until it is fixed no record of the file can be trusted.
    if (malformed.has(record.id)) {
      states.set(record.id, { state: 'changed since sign-off', by: String(record.by), at: String(record.at), changes: [`${SIGN_OFFS_FILE} is malformed (npm test says why)`] });
      continue;
    }
    const changes = changesBetween(record.signed, whatIsRead(project, record.id, record.signed.sourceLines));
    const { by, at } = record;
    if (changes.length) states.set(record.id, { state: 'changed since sign-off', by, at, changes });
    else if ('missing' in project.source) states.set(record.id, { state: 'signed off', by, at, unchecked: `source lines not compared: ${project.source.missing}` });
    else states.set(record.id, { state: 'signed off', by, at });
  }
  return states;
}

/** Signs `id` for `by` now: replaces an earlier record of the same ID. */
export function signOff(project: Project, id: string, by: string, at = new Date()): SignOffRecord {
  const signed = whatIsRead(project, id);
  const record: SignOffRecord = { id, by, at: at.toISOString(), fingerprint: fingerprint(signed), signed };
  saveRecords([...loadRecords(project.root).filter((r) => r.id !== id), record], project.root);
  return record;
}
