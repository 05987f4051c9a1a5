/**
 * Looks for the scenarios' enrollment codes in clear in everything a run records: attachments
 * (timeline, screen, traffic), error messages and traces, in the message stream, Cucumber's
 * HTML report, JUnit XML and Allure's results. Gherkin text (step names, Examples tables,
 * parameters) may show the example codes; what the phone and the suite record must not.
 *   secret-scan [reports dir] [--all]   the message stream (npm test); --all: also Allure results, HTML, JUnit (npm start)
 * Exits 1 and names each leak.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

/** A code counts only as a whole number: not inside a longer run of digits (timestamps, hashes). */
export function findLeaks(recorded: readonly Recorded[], codes: readonly string[]): Leak[] {
  const patterns = codes.map((code) => ({ code, pattern: new RegExp(`(?<![0-9])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`) }));
  return recorded.flatMap(({ where, text }) => patterns.filter(({ pattern }) => pattern.test(text)).map(({ code }) => ({ where, code })));
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

/** JUnit XML repeats the Gherkin steps in system-out; failures and errors are the suite's own text. */
function fromJunit(xml: string, source: string): Recorded[] {
  return [...xml.matchAll(/<(failure|error)\b[\s\S]*?(\/>|<\/\1>)/g)].map((match, index) => ({ where: `${source}: ${match[1]} ${index + 1}`, text: match[0] }));
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

function fromAllureResults(dir: string): Recorded[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(dir, file)).isFile());
  const gherkinTables = new Set<string>();
  const recorded: Recorded[] = [];
  const walk = (node: AllureNode, file: string): void => {
    const { message, trace } = node.statusDetails ?? {};
    if (message || trace) recorded.push({ where: `${file}: status of "${node.name ?? 'a fixture'}"`, text: `${message ?? ''}\n${trace ?? ''}` });
    node.attachments?.filter(isGherkinTable).forEach((attachment) => gherkinTables.add(attachment.source));
    [...(node.steps ?? []), ...(node.befores ?? []), ...(node.afters ?? [])].forEach((child) => walk(child, file));
  };
  const structured = files.filter((file) => /-(result|container)\.json$/.test(file));
  structured.forEach((file) => walk(JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureNode, `allure-results/${file}`));
  for (const file of files.filter((f) => !structured.includes(f) && !gherkinTables.has(f))) {
    recorded.push({ where: `allure-results/${file}`, text: readFileSync(join(dir, file), 'utf8') });
  }
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

/** Prints the outcome; true when no code was found. */
export function scanReports(reportsDir: string, all: boolean): boolean {
  const codes = enrollmentCodesInFeatures();
  if (codes.length === 0) throw new Error('no "enrollment code" step names a code: the scan would prove nothing');
  const recorded = recordedBy(reportsDir, all);
  const leaks = findLeaks(recorded, codes);
  const inHere = relative(process.cwd(), reportsDir);
  const where = inHere.startsWith('..') ? reportsDir : inHere || '.';
  if (leaks.length) {
    console.error(`Enrollment codes recorded in clear under ${where}/:\n${leaks.map(({ where: w, code }) => `  - "${code}" in ${w}`).join('\n')}`);
    return false;
  }
  console.log(`Secret scan: none of the ${codes.length} enrollment codes of the features appears in the ${recorded.length} records under ${where}/.`);
  return true;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = args.find((arg) => !arg.startsWith('--')) ?? join(__dirname, '..', '..', 'reports');
  try {
    process.exit(scanReports(dir, args.includes('--all')) ? 0 : 1);
  } catch (error) {
    console.error(`Secret scan failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
