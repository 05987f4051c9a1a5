/**
 * The traceability matrix product reads and signs from, as Markdown and as HTML. First one
 * screen: the run's scope, what fails, how to sign, and a summary table (one line per requirement
 * and product decision: our words, source line, status, sign-off); then the details with every
 * scenario linked to its Allure page; then the engineering decisions.
 *   report-matrix [messages.ndjson] [output dir] [cucumber arguments…]   defaults: reports/messages.ndjson, reports/
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import type { Assumption, Requirement } from '../catalogue';
import {
  byKind,
  countsLine,
  failed,
  failingFirst,
  filterOf,
  requirementStatuses,
  scopeLine,
  type RequirementStatus,
  type ScenarioRun,
  type StatusOptions,
  type StatusReport,
} from '../reporting/requirement-status';
import { SIGN_COMMAND, SIGN_OFFS_FILE, type SignOffState } from '../reporting/sign-offs';
import { parseMessages } from './spec-check';

/** Where a scenario's result page is in each Allure report, by `uri#name` and outline row. */
export interface AllureIndex {
  readonly site: ReadonlyMap<string, string>;
  readonly single: ReadonlyMap<string, string>;
}

export interface Matrix {
  readonly generatedAt: string;
  readonly report: StatusReport;
  readonly allure: AllureIndex;
  readonly scenarioCount: number;
  readonly passedCount: number;
}

const scenarioKey = (uri: string, name: string, example: readonly string[]): string => [`${uri}#${name}`, ...example].join('\u0000');

interface AllureTestCase {
  readonly uid: string;
  readonly fullName?: string;
  readonly retry?: boolean;
  readonly parameters?: readonly { readonly name: string; readonly value: string }[];
}

function indexTestCases(testCases: readonly AllureTestCase[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const { uid, fullName, retry, parameters = [] } of testCases) {
    if (!fullName || retry) continue;
    // allure-cucumberjs writes "<project>:<uri>#<scenario name>"
    const hash = fullName.indexOf('#');
    const head = fullName.slice(0, hash);
    index.set(scenarioKey(head.slice(head.lastIndexOf(':') + 1), fullName.slice(hash + 1), parameters.map((p) => `${p.name}=${p.value}`).sort()), uid);
  }
  return index;
}

/** Reads both Allure reports of `reportsDir` when they exist: the site's data files, the single file's embedded ones. */
export function readAllureIndex(reportsDir: string): AllureIndex {
  const siteCases = join(reportsDir, 'allure-report', 'data', 'test-cases');
  const site = existsSync(siteCases)
    ? readdirSync(siteCases)
        .filter((file) => file.endsWith('.json'))
        .map((file) => JSON.parse(readFileSync(join(siteCases, file), 'utf8')) as AllureTestCase)
    : [];
  const singleFile = join(reportsDir, 'allure-single', 'index.html');
  const single = existsSync(singleFile)
    ? [...readFileSync(singleFile, 'utf8').matchAll(/data\/test-cases\/[0-9a-f]+\.json','([A-Za-z0-9+/=]+)'/g)].map(
        ([, base64]) => JSON.parse(Buffer.from(base64!, 'base64').toString('utf8')) as AllureTestCase,
      )
    : [];
  return { site: indexTestCases(site), single: indexTestCases(single) };
}

const NO_ALLURE: AllureIndex = { site: new Map(), single: new Map() };

export function buildMatrix(ndjson: string, options: StatusOptions & { allure?: AllureIndex } = {}, generatedAt = new Date().toISOString()): Matrix {
  const report = requirementStatuses(parseMessages<Envelope>(ndjson), options);
  return { generatedAt, report, allure: options.allure ?? NO_ALLURE, scenarioCount: report.selected, passedCount: report.passed };
}

// --- Words shared by both renderings ----------------------------------------------------------------

const entries = (m: Matrix) => [...m.report.catalogue.requirements, ...m.report.catalogue.assumptions] as (Requirement | Assumption)[];
const entry = (m: Matrix, id: string): Requirement | Assumption => entries(m).find((e) => e.id === id)!;
const isRequirement = (e: Requirement | Assumption): e is Requirement => 'summary' in e;
const ourWords = (e: Requirement | Assumption): string => (isRequirement(e) ? e.summary : e.decision);
const sourceOf = (m: Matrix, e: Requirement | Assumption): string =>
  isRequirement(e)
    ? `${typeof e.source.paragraph === 'number' ? `paragraph ${e.source.paragraph}` : e.source.paragraph}, ${e.source.lines.includes('-') ? 'lines' : 'line'} ${e.source.lines}`
    : `refines ${e.refines.map((id) => { const r = m.report.catalogue.requirements.find((q) => q.id === id); return r ? `${id} (line ${r.source.lines})` : id; }).join(', ')}`;

/** A number the suite had to pick, and where the real one would come from (catalogue field `placeholder`). */
const placeholderOf = (e: Requirement | Assumption): string | undefined => {
  const placeholder = (e as { placeholder?: { value: string; realValueFrom: string } }).placeholder;
  return placeholder ? `${placeholder.value} The real value would come from ${placeholder.realValueFrom}` : undefined;
};
/** For the one-screen summary: "line 7", "lines 8-11", or "via TIMEOUT-2, line 17". */
const shortSourceOf = (m: Matrix, e: Requirement | Assumption): string =>
  isRequirement(e)
    ? `${e.source.lines.includes('-') ? 'lines' : 'line'} ${e.source.lines}`
    : `via ${e.refines.map((id) => { const r = m.report.catalogue.requirements.find((q) => q.id === id); return r ? `${id}, l. ${r.source.lines}` : id; }).join('; ')}`;
const signOffWords = (s: SignOffState): string =>
  s.state === 'awaiting' ? 'awaiting' : `${s.state === 'signed off' ? 'signed off' : 'CHANGED since sign-off'} by ${s.by}, ${s.at.slice(0, 10)}`;
/** "scenario reworded ×2, source line 7 changed": what kind of change, for the one-line summary. */
const changeDigest = (changes: readonly string[]): string => {
  const kinds = new Map<string, number>();
  for (const change of changes) {
    const kind = change.split(':')[0]!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ');
};
const shortSignOff = (s: SignOffState): string => (s.state === 'changed since sign-off' ? `${signOffWords(s)}: ${changeDigest(s.changes)}` : signOffWords(s));
const signOffClass = (s: SignOffState): string => s.state.replace(/ /g, '-');
const runWords = (s: RequirementStatus): string => (s.run === 'failing' ? 'FAILING' : s.run === 'not covered' ? 'NOT COVERED' : s.run);

const allureLinks = (m: Matrix, s: ScenarioRun): { site?: string; single?: string } => {
  const key = scenarioKey(s.uri, s.name, s.example);
  const site = m.allure.site.get(key);
  const single = m.allure.single.get(key);
  return { ...(site ? { site: `allure-report/index.html#testresult/${site}` } : {}), ...(single ? { single: `allure-single/index.html#testresult/${single}` } : {}) };
};

const LAYER_ORDER = { product: 0, conformance: 1, invariants: 2 } as const;
const byLayer = (scenarios: readonly ScenarioRun[]): ScenarioRun[] => [...scenarios].sort((a, b) => LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer]);
const scenarioState = (s: ScenarioRun): string => (failed(s) ? 'failed' : s.status === 'PASSED' ? 'passed' : 'not run');

const productStatuses = (m: Matrix): RequirementStatus[] => [...byKind(m.report, 'requirement'), ...byKind(m.report, 'product decision')];
const failingOnes = (m: Matrix): RequirementStatus[] => failingFirst([...m.report.statuses.values()]).filter((s) => s.run === 'failing');

function headline(m: Matrix): string[] {
  const all = [...m.report.statuses.values()];
  const changed = all.filter((s) => s.signOff.state === 'changed since sign-off').length;
  const signed = all.filter((s) => s.signOff.state === 'signed off').length;
  return [
    `Requirements: ${countsLine(byKind(m.report, 'requirement'))}.`,
    `Product decisions: ${countsLine(byKind(m.report, 'product decision'))}. Engineering decisions: ${countsLine(byKind(m.report, 'engineering decision'))}.`,
    `Sign-off: ${signed} signed off, ${changed} changed since sign-off, ${all.length - signed - changed} awaiting.`,
  ];
}

/** One line above the summary; the rest of what signing means below it. */
const SIGN_EXAMPLE = SIGN_COMMAND.replace('<ID>', 'YES-4').replace('<your name>', 'Your Name');
const SIGNING_MEANS = `The command records who signed, when, and what was read: the entry's text, the source lines it cites and its product-layer scenarios (features/*.feature). When any of them changes, the sign-off shows "changed since sign-off" with what changed; read the change and sign again to accept it. Commit ${SIGN_OFFS_FILE} after signing.`;

const STATUS_MEANINGS = 'covered: every scenario of it that ran passed · FAILING: a scenario of it failed · not run: the run\'s filter left its scenarios out · NOT COVERED: no scenario names it';

// --- Markdown ----------------------------------------------------------------------------------------

const md = (text: string): string => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
const mdScenario = (m: Matrix, s: ScenarioRun): string => {
  const { site, single } = allureLinks(m, s);
  const mark = { failed: '❌', passed: '✅', 'not run': '⚪' }[scenarioState(s)];
  const name = site ? `[${md(s.name)}](${site})` : md(s.name);
  return `${mark} ${name}${single ? ` ([offline](${single}))` : ''} — ${s.layer}, ${s.uri}:${s.line}${s.failure ? ` — ${md(s.failure)}` : ''}`;
};
const mdSignOff = (s: SignOffState): string => (s.state === 'changed since sign-off' ? `${signOffWords(s)}: ${md(s.changes.join('; '))}` : signOffWords(s));

export function renderMarkdown(m: Matrix): string {
  const summaryRow = (s: RequirementStatus): string => {
    const e = entry(m, s.id);
    return `| [${s.id}](#${s.id.toLowerCase()}) | ${md(ourWords(e))} | ${md(shortSourceOf(m, e))} | ${runWords(s)} | ${md(shortSignOff(s.signOff))} |`;
  };
  const details = (s: RequirementStatus): string[] => {
    const e = entry(m, s.id);
    return [
      `### ${s.id}`,
      '',
      ...(isRequirement(e) ? [`${md(e.summary)} (${md(sourceOf(m, e))})`] : [`**Question:** ${md(e.question)}`, '', `**Decision:** ${md(e.decision)}`, '', `**Why:** ${md(e.reason)} (${md(sourceOf(m, e))})`, ...(placeholderOf(e) ? ['', `**Placeholder:** ${md(placeholderOf(e)!)}`] : [])]),
      '',
      `Status: **${runWords(s)}**. Sign-off: ${mdSignOff(s.signOff)}.`,
      '',
      ...(s.scenarios.length ? byLayer(s.scenarios).map((sc) => `- ${mdScenario(m, sc)}`) : ['- no scenario names it']),
      '',
    ];
  };
  const engineering = byKind(m.report, 'engineering decision');
  return [
    '# Traceability matrix',
    '',
    `${scopeLine(m.report)} Generated ${m.generatedAt} from features/requirements.json, ${SIGN_OFFS_FILE} and the run's message stream.`,
    '',
    ...failingOnes(m).map((s) => `- **FAILING ${s.id}**: ${s.scenarios.filter(failed).map((sc) => mdScenario(m, sc)).join('; ')}`),
    ...headline(m).map((line) => `- ${line}`),
    '',
    `**How to sign:** read the ID's line and its details, then run \`${SIGN_EXAMPLE}\` in the repository and commit ${SIGN_OFFS_FILE}.`,
    '',
    '## Summary: requirements of the source and product decisions',
    '',
    '| ID | In our words | Source | Status | Sign-off |',
    '|---|---|---|---|---|',
    ...productStatuses(m).map(summaryRow),
    '',
    `Statuses: ${STATUS_MEANINGS}. Sign-off: ${SIGNING_MEANS}`,
    '',
    '## Details',
    '',
    ...productStatuses(m).flatMap(details),
    '## Engineering decisions',
    '',
    engineering.length ? 'Decisions for QA and engineering (audience: engineering in the catalogue).' : 'None: every decision in the catalogue is product\'s.',
    '',
    ...(engineering.length ? ['| ID | In our words | Source | Status | Sign-off |', '|---|---|---|---|---|', ...engineering.map(summaryRow), '', ...engineering.flatMap(details)] : []),
  ].join('\n');
}

// --- HTML ----------------------------------------------------------------------------------------------

const html = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlScenario(m: Matrix, s: ScenarioRun): string {
  const { site, single } = allureLinks(m, s);
  const name = site ? `<a href="${html(site)}">${html(s.name)}</a>` : html(s.name);
  const offline = single ? ` <a class="offline" href="${html(single)}" title="the same page in the single-file report, which opens from disk">offline</a>` : '';
  const failure = s.failure ? `<div class="failure">${html(s.failure)}</div>` : '';
  return `<li class="${scenarioState(s).replace(' ', '-')}">${name}${offline} <span class="where">${s.layer} · ${html(s.uri)}:${s.line}</span>${failure}</li>`;
}

function htmlScenarios(m: Matrix, s: RequirementStatus): string {
  if (!s.scenarios.length) return '<span class="none">no scenario names it</span>';
  const product = s.scenarios.filter((sc) => sc.layer === 'product');
  const other = byLayer(s.scenarios.filter((sc) => sc.layer !== 'product'));
  const otherFailing = other.some(failed);
  return [
    product.length ? `<ul>${product.map((sc) => htmlScenario(m, sc)).join('')}</ul>` : '<span class="none">no product-layer scenario</span>',
    other.length ? `<details${otherFailing ? ' open' : ''}><summary>${other.length} conformance and invariant scenario${other.length === 1 ? '' : 's'}${otherFailing ? ', one failing' : ''}</summary><ul>${other.map((sc) => htmlScenario(m, sc)).join('')}</ul></details>` : '',
  ].join('');
}

const htmlSignOff = (s: SignOffState): string =>
  s.state === 'changed since sign-off'
    ? `${html(signOffWords(s))}<ul class="changes">${s.changes.map((c) => `<li>${html(c)}</li>`).join('')}</ul>`
    : html(signOffWords(s)) + (s.state === 'signed off' && s.unchecked ? `<div class="note">${html(s.unchecked)}</div>` : '');

function htmlSummaryTable(m: Matrix, statuses: readonly RequirementStatus[], id: string): string {
  const rows = statuses.map((s) => {
    const e = entry(m, s.id);
    return `<tr><td><a href="#${s.id}">${s.id}</a></td><td>${html(ourWords(e))}</td><td>${html(shortSourceOf(m, e))}</td><td class="${s.run.replace(' ', '-')}">${runWords(s)}</td><td class="${signOffClass(s.signOff)}">${html(shortSignOff(s.signOff))}</td></tr>`;
  });
  return `<table id="${id}" class="summary"><thead><tr><th>ID</th><th>In our words</th><th>Source</th><th>Status</th><th>Sign-off</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function htmlDetailsTable(m: Matrix, statuses: readonly RequirementStatus[]): string {
  const rows = statuses.map((s) => {
    const e = entry(m, s.id);
    const text = isRequirement(e)
      ? `${html(e.summary)}<div class="source">${html(sourceOf(m, e))}</div>`
      : `<b>Question:</b> ${html(e.question)}<br><b>Decision:</b> ${html(e.decision)}<br><b>Why:</b> ${html(e.reason)}${placeholderOf(e) ? `<br><b>Placeholder:</b> ${html(placeholderOf(e)!)}` : ''}<div class="source">${html(sourceOf(m, e))}</div>`;
    return `<tr id="${s.id}"><td>${s.id}</td><td>${text}</td><td class="${s.run.replace(' ', '-')}">${runWords(s)}</td><td>${htmlScenarios(m, s)}</td><td class="${signOffClass(s.signOff)}">${htmlSignOff(s.signOff)}</td></tr>`;
  });
  return `<table class="details"><thead><tr><th>ID</th><th>Text</th><th>Status</th><th>Scenarios (product layer; conformance folded)</th><th>Sign-off</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export function renderHtml(m: Matrix): string {
  const engineering = byKind(m.report, 'engineering decision');
  const failing = failingOnes(m);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Traceability matrix</title>
<style>
  body { font: 13px/1.3 system-ui, sans-serif; margin: .8em 1.5em; color: #222; }
  p { margin: .3em 0; }
  h1 { font-size: 20px; margin: 0 0 .3em; } h2 { font-size: 16px; margin: 1.2em 0 .4em; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
  th, td { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; text-align: left; }
  th { background: #f0f0f0; } tr:target { outline: 3px solid #f90; }
  table.summary td:nth-child(1), table.summary td:nth-child(3), table.summary td:nth-child(4) { white-space: nowrap; }
  table.summary td { padding: 1px 6px; } table.summary td:nth-child(5) { min-width: 9em; max-width: 22em; }
  .covered, .signed-off { background: #dff5df; } .failing { background: #fbdada; font-weight: bold; }
  .not-run { background: #eee; color: #666; } .not-covered { background: #fbdada; font-weight: bold; }
  .awaiting { background: #fff4cc; } .changed-since-sign-off { background: #ffd9a8; font-weight: bold; }
  .banner { border: 2px solid #b00; background: #fbdada; padding: .4em .8em; margin: .5em 0; }
  .how { border: 1px solid #99c; background: #eef; padding: .2em .8em; } code { background: #fff; padding: 0 .3em; }
  ul { margin: 0; padding-left: 1.2em; } li.failed { color: #b00; } li.not-run { color: #888; }
  .where, .source, .note, .meanings { font-size: 85%; color: #777; } .failure { font-size: 85%; color: #b00; }
  .changes { font-weight: normal; } .none { color: #b00; } a.offline { font-size: 80%; }
</style>
</head>
<body>
<h1>Traceability matrix: what product signs</h1>
<p id="scope">${html(scopeLine(m.report))} Generated ${html(m.generatedAt)}.</p>
${failing.length ? `<div class="banner" id="failing">${failing.map((s) => `<div><b>FAILING <a href="#${s.id}">${s.id}</a></b>: <ul>${s.scenarios.filter(failed).map((sc) => htmlScenario(m, sc)).join('')}</ul></div>`).join('')}</div>` : ''}
<p id="counts">${headline(m).map(html).join(' ')}</p>
<div class="how" id="how-to-sign"><b>How to sign:</b> read the ID's line and its details, then run <code>${html(SIGN_EXAMPLE)}</code> in the repository and commit <code>${SIGN_OFFS_FILE}</code>.</div>
<h2>Summary: requirements of the source and product decisions</h2>
${htmlSummaryTable(m, productStatuses(m), 'summary')}
<p class="meanings"><b>Statuses:</b> ${html(STATUS_MEANINGS)}.<br><b>Sign-off:</b> ${html(SIGNING_MEANS)}</p>
<h2>Details</h2>
${htmlDetailsTable(m, productStatuses(m))}
<h2 id="engineering">Engineering decisions</h2>
${engineering.length ? `<p>Decisions for QA and engineering (<code>audience: "engineering"</code> in the catalogue).</p>\n${htmlDetailsTable(m, engineering)}` : '<p>None: every decision in the catalogue is product\'s.</p>'}
</body>
</html>
`;
}

/** Writes traceability.md and traceability.html beside the run's reports (linking into Allure when it was generated); returns the matrix. */
export function writeMatrix(ndjsonPath: string, outDir: string, cucumberArgs: readonly string[] = []): Matrix {
  const matrix = buildMatrix(readFileSync(ndjsonPath, 'utf8'), { filter: filterOf(cucumberArgs), allure: readAllureIndex(outDir) });
  writeFileSync(join(outDir, 'traceability.md'), renderMarkdown(matrix));
  writeFileSync(join(outDir, 'traceability.html'), renderHtml(matrix));
  return matrix;
}

if (require.main === module) {
  const reports = join(__dirname, '..', '..', 'reports');
  const [ndjson = join(reports, 'messages.ndjson'), outDir = reports, ...cucumberArgs] = process.argv.slice(2);
  const matrix = writeMatrix(ndjson, outDir, cucumberArgs);
  console.log(`Traceability matrix: ${headline(matrix).join(' ')} Written to ${join(outDir, 'traceability.md')} and .html.`);
}
