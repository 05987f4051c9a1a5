/**
 * Looks for the scenarios' enrollment codes in clear in everything one run recorded: attachments
 * (timeline, screen, traffic), error messages and traces, in the message stream, Cucumber's
 * HTML report, JUnit XML and Allure's results (the results and the attachments they name; never
 * the history Allure carries over from earlier reports). Gherkin text (step names, Examples
 * tables, parameters) may show the example codes; what the phone and the suite record must not.
 * A code counts only as a whole token: "482" is not found in "9a482af" or "14820".
 *   secret-scan [run dir] [--all]   the message stream (npm test: reports/test); --all: also Allure results, HTML, JUnit (npm start)
 * Exits 1 and names each leak.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runAsProgram, type Cli } from './cli';
import { parseMessages, readFeatures } from './spec-check';

/** Shorter entries cannot be told apart from the other numbers a run records (octets, byte counts). */
const SHORTEST_CODE_TO_TRACE = 3;

/** Every code typed or named in an "enrollment code" step, Examples rows substituted. */
export function enrollmentCodesInFeatures(): string[] {
  const codes = new Set<string>();
  for (const { pickles } of readFeatures()) {
    for (const step of pickles.flatMap((pickle) => pickle.steps)) {
      for (const [, code] of step.text.matchAll(/enrollment code "([^"]+)"/g)) if (code!.length >= SHORTEST_CODE_TO_TRACE) codes.add(code!);
    }
  }
  return [...codes].sort();
}

/** One piece of text a run recorded, and where it is. */
export interface Recorded {
  readonly where: string;
  readonly text: string;
}

export interface Leak {
  readonly where: string;
  readonly code: string;
}

/** A code counts only as a whole token: not inside a longer number or word (timestamps, hexadecimal IDs, hashes). */
export function findLeaks(recorded: readonly Recorded[], codes: readonly string[]): Leak[] {
  const patterns = codes.map((code) => ({ code, pattern: new RegExp(`(?<![0-9A-Za-z_])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z_])`) }));
  return recorded.flatMap(({ where, text }) => patterns.filter(({ pattern }) => pattern.test(text)).map(({ code }) => ({ where, code })));
}

/** The scan's own rule, checked on every run: a leak is found as a token, and only as a token. */
export function tokenRuleProblems(): string[] {
  const cases: [string, boolean][] = [
    ['the code 482 in clear', true],
    ['code=482;', true],
    ['"482"', true],
    ['history id 5c9a482af1', false],
    ['14820 bytes', false],
    ['v482', false],
    ['482_1', false],
  ];
  return cases
    .filter(([text, leaks]) => (findLeaks([{ where: 'sample', text }], ['482']).length > 0) !== leaks)
    .map(([text, leaks]) => `"482" ${leaks ? 'is not found' : 'is found'} in "${text}"`);
}

// --- what a run records ---------------------------------------------------------------------

interface Envelope {
  readonly attachment?: { readonly body: string; readonly contentEncoding: string; readonly fileName?: string; readonly mediaType: string };
  readonly testStepFinished?: { readonly testStepResult: { readonly message?: string; readonly exception?: { readonly message?: string; readonly stackTrace?: string } } };
  readonly testRunFinished?: { readonly message?: string; readonly exception?: { readonly message?: string; readonly stackTrace?: string } };
}

/** Attachments and error texts of Cucumber's message stream (pickles and Gherkin documents are the specification's own text). */
export function fromEnvelopes(envelopes: readonly Envelope[], source: string): Recorded[] {
  const recorded: Recorded[] = [];
  envelopes.forEach(({ attachment, testStepFinished, testRunFinished }, index) => {
    if (attachment) {
      const text = attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
      recorded.push({ where: `${source}: attachment ${attachment.fileName ?? attachment.mediaType} (message ${index + 1})`, text });
    }
    const result = testStepFinished?.testStepResult ?? testRunFinished;
    const errorText = [result?.message, result?.exception?.message, result?.exception?.stackTrace].filter(Boolean).join('\n');
    if (errorText) recorded.push({ where: `${source}: error message (message ${index + 1})`, text: errorText });
  });
  return recorded;
}

/** Cucumber's HTML report carries the message stream as one script statement. */
export function envelopesOfCucumberHtml(html: string): Envelope[] {
  const start = html.indexOf('window.CUCUMBER_MESSAGES = ');
  if (start < 0) throw new Error('this Cucumber HTML report holds no messages (window.CUCUMBER_MESSAGES)');
  const script = html.slice(start + 'window.CUCUMBER_MESSAGES = '.length, html.indexOf('</script>', start)).trim().replace(/;$/, '');
  // The formatter writes every '<' as the JavaScript escape \x3C, which JSON does not know.
  return JSON.parse(script.replace(/\\x3C/g, '\\u003C')) as Envelope[];
}

/** Every step text of the features, as XML escapes it, longest first. */
function gherkinStepTexts(): string[] {
  const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const texts = new Set(readFeatures().flatMap(({ pickles }) => pickles.flatMap((pickle) => pickle.steps.map((step) => step.text))));
  return [...texts].flatMap((text) => [text, xml(text)]).sort((a, b) => b.length - a.length);
}

/** JUnit XML repeats the Gherkin steps in system-out and names an undefined step in its failure: that is Gherkin; the rest of a failure is the suite's own text. */
function fromJunit(xml: string, source: string): Recorded[] {
  const steps = gherkinStepTexts();
  return [...xml.matchAll(/<(failure|error)\b[\s\S]*?(\/>|<\/\1>)/g)].map((match, index) => ({
    where: `${source}: ${match[1]} ${index + 1}`,
    text: steps.reduce((text, step) => (text.includes(step) ? text.split(step).join('') : text), match[0]),
  }));
}

interface AllureNode {
  readonly name?: string;
  readonly statusDetails?: { readonly message?: string; readonly trace?: string };
  readonly attachments?: readonly { readonly name: string; readonly source: string; readonly type: string }[];
  readonly steps?: readonly AllureNode[];
  readonly befores?: readonly AllureNode[];
  readonly afters?: readonly AllureNode[];
}

/** allure-cucumberjs turns Examples tables and data tables into CSV attachments: Gherkin, not records. */
const isGherkinTable = ({ name, type }: { name: string; type: string }): boolean => type === 'text/csv' && /^(Examples\b|Data table$)/.test(name);

/** The run's results and containers and the attachments they name; not history/ (Allure's own, keyed by hexadecimal IDs, carried over from earlier runs). */
function fromAllureResults(dir: string): Recorded[] {
  const recorded: Recorded[] = [];
  const attachments = new Set<string>();
  const walk = (node: AllureNode, file: string): void => {
    const { message, trace } = node.statusDetails ?? {};
    if (message || trace) recorded.push({ where: `${file}: status of "${node.name ?? 'a fixture'}"`, text: `${message ?? ''}\n${trace ?? ''}` });
    node.attachments?.filter((attachment) => !isGherkinTable(attachment)).forEach((attachment) => attachments.add(attachment.source));
    [...(node.steps ?? []), ...(node.befores ?? []), ...(node.afters ?? [])].forEach((child) => walk(child, file));
  };
  for (const file of readdirSync(dir).filter((f) => /-(result|container)\.json$/.test(f))) {
    walk(JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureNode, `allure-results/${file}`);
  }
  for (const file of attachments) recorded.push({ where: `allure-results/${file}`, text: readFileSync(join(dir, file), 'utf8') });
  return recorded;
}

/** What a run under `reportsDir` recorded: the message stream (npm test), or with `all` every report npm start writes. */
export function recordedBy(reportsDir: string, all: boolean): Recorded[] {
  const path = (name: string): string => join(reportsDir, name);
  const missing = ['messages.ndjson', ...(all ? ['cucumber.html', 'junit.xml', 'allure-results'] : [])].filter((name) => !existsSync(path(name)));
  if (missing.length) throw new Error(`nothing to scan: ${missing.map(path).join(', ')} missing (run npm start first)`);
  const recorded = fromEnvelopes(parseMessages<Envelope>(readFileSync(path('messages.ndjson'), 'utf8')), 'messages.ndjson');
  if (!recorded.some(({ where }) => where.includes('attachment'))) throw new Error(`${path('messages.ndjson')} holds no attachment: the scan would prove nothing`);
  if (!all) return recorded;
  recorded.push(...fromEnvelopes(envelopesOfCucumberHtml(readFileSync(path('cucumber.html'), 'utf8')), 'cucumber.html'));
  recorded.push(...fromJunit(readFileSync(path('junit.xml'), 'utf8'), 'junit.xml'));
  recorded.push(...fromAllureResults(path('allure-results')));
  return recorded;
}

/** Prints the outcome; returns the leaks (none: the run is clean). */
export function scanReports(reportsDir: string, all: boolean): Leak[] {
  const broken = tokenRuleProblems();
  if (broken.length) throw new Error(`the scan's token rule is broken: ${broken.join('; ')}`);
  const codes = enrollmentCodesInFeatures();
  if (codes.length === 0) throw new Error('no "enrollment code" step names a code: the scan would prove nothing');
  const recorded = recordedBy(reportsDir, all);
  const leaks = findLeaks(recorded, codes);
  const inHere = relative(process.cwd(), reportsDir);
  const where = inHere.startsWith('..') ? reportsDir : inHere || '.';
  if (leaks.length) {
    console.error(`Enrollment codes recorded in clear under ${where}/:\n${leaks.map(({ where: w, code }) => `  - "${code}" in ${w}`).join('\n')}`);
    return leaks;
  }
  console.log(`Secret scan: none of the ${codes.length} enrollment codes of the features appears in the ${recorded.length} records under ${where}/.`);
  return [];
}

export const cli: Cli = (args) => {
  const dir = args.find((arg) => !arg.startsWith('--')) ?? join(__dirname, '..', '..', 'reports');
  try {
    return scanReports(dir, args.includes('--all')).length ? 1 : 0;
  } catch (error) {
    console.error(`Secret scan failed: ${(error as Error).message}`);
    return 1;
  }
};

runAsProgram(module, cli, 'The secret scan');
