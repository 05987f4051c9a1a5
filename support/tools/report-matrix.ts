/**
 * The traceability matrix product signs off: every requirement and assumption of the catalogue
 * with its scenarios and how they fared in a run, as Markdown and as HTML.
 *   report-matrix [messages.ndjson] [output dir]   defaults: reports/messages.ndjson, reports/
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, type Assumption, type Catalogue, type Requirement } from '../catalogue';
import { readResults, type ScenarioResult } from './spec-check';

export interface MatrixRow {
  readonly id: string;
  readonly covered: boolean;
  readonly scenarios: readonly ScenarioResult[];
}

export interface Matrix {
  readonly generatedAt: string;
  readonly catalogue: Catalogue;
  readonly rows: ReadonlyMap<string, MatrixRow>;
  readonly scenarioCount: number;
  readonly passedCount: number;
}

/** A requirement is covered when at least one of its scenarios passed in this run. */
export function buildMatrix(ndjson: string, catalogue = loadCatalogue(), generatedAt = new Date().toISOString()): Matrix {
  const { scenarios } = readResults(ndjson);
  const rows = new Map<string, MatrixRow>();
  for (const { id } of [...catalogue.requirements, ...catalogue.assumptions]) {
    const mine = scenarios.filter((s) => s.ids.includes(id));
    rows.set(id, { id, covered: mine.some((s) => s.status === 'PASSED'), scenarios: mine });
  }
  return { generatedAt, catalogue, rows, scenarioCount: scenarios.length, passedCount: scenarios.filter((s) => s.status === 'PASSED').length };
}

/** Where in the source document: "paragraph 2, line 2", "Yes option, lines 8-11". */
const source = ({ source: { paragraph, lines } }: Requirement): string =>
  `${typeof paragraph === 'number' ? `paragraph ${paragraph}` : paragraph}, ${lines.includes('-') ? 'lines' : 'line'} ${lines}`;
const row = (matrix: Matrix, id: string): MatrixRow => matrix.rows.get(id)!;
const coverage = (r: MatrixRow): string => (r.covered ? 'covered' : 'NOT COVERED');
const signOffText = (a: Assumption): string => (a.signOff === 'signed off' ? 'signed off' : 'awaiting sign-off');

function summary(matrix: Matrix): string[] {
  const { requirements, assumptions } = matrix.catalogue;
  const covered = (ids: readonly { id: string }[]): number => ids.filter(({ id }) => row(matrix, id).covered).length;
  return [
    `${matrix.passedCount} of ${matrix.scenarioCount} scenarios passed.`,
    `${covered(requirements)} of ${requirements.length} requirements and ${covered(assumptions)} of ${assumptions.length} assumptions are covered by a passing scenario.`,
    `${assumptions.filter((a) => a.signOff !== 'signed off').length} of ${assumptions.length} assumptions await product's sign-off.`,
  ];
}

// --- Markdown ----------------------------------------------------------------------------------

const md = (text: string): string => text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
const mdScenarios = (r: MatrixRow): string => r.scenarios.map((s) => `${s.status === 'PASSED' ? '✅' : '❌'} ${md(s.name)} (${s.status.toLowerCase()})`).join('<br>') || '—';

export function renderMarkdown(matrix: Matrix): string {
  const { requirements, assumptions } = matrix.catalogue;
  return [
    '# Traceability matrix',
    '',
    `Generated ${matrix.generatedAt} from features/requirements.json and the run's reports/messages.ndjson.`,
    '',
    ...summary(matrix).map((line) => `- ${line}`),
    '',
    '## Requirements',
    '',
    '| ID | Path | Requirement (paraphrase) | Source | Status | Scenarios |',
    '|---|---|---|---|---|---|',
    ...requirements.map((q: Requirement) => {
      const r = row(matrix, q.id);
      return `| <a id="${q.id}"></a>${q.id} | ${q.path} | ${md(q.summary)} | ${md(source(q))} | ${coverage(r)} | ${mdScenarios(r)} |`;
    }),
    '',
    '## Assumptions',
    '',
    'Where the source is silent the project decided; product signs each decision off in the catalogue.',
    '',
    '| ID | Refines | Question | Decision | Reason | Sign-off | Status | Scenarios |',
    '|---|---|---|---|---|---|---|---|',
    ...assumptions.map((a) => {
      const r = row(matrix, a.id);
      return `| <a id="${a.id}"></a>${a.id} | ${a.refines.join(', ')} | ${md(a.question)} | ${md(a.decision)} | ${md(a.reason)} | ${signOffText(a)} | ${coverage(r)} | ${mdScenarios(r)} |`;
    }),
    '',
  ].join('\n');
}

// --- HTML ----------------------------------------------------------------------------------------

const html = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const htmlScenarios = (r: MatrixRow): string =>
  r.scenarios.length
    ? `<ul>${r.scenarios.map((s) => `<li class="${s.status === 'PASSED' ? 'passed' : 'failed'}">${html(s.name)} <span class="status">${s.status.toLowerCase()}</span> <span class="uri">${html(s.uri)}</span></li>`).join('')}</ul>`
    : '<span class="none">no scenario ran</span>';
const htmlCoverage = (r: MatrixRow): string => `<td class="${r.covered ? 'covered' : 'not-covered'}">${coverage(r)}</td>`;

export function renderHtml(matrix: Matrix): string {
  const { requirements, assumptions } = matrix.catalogue;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Traceability matrix</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
  th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }
  th { background: #f0f0f0; position: sticky; top: 0; }
  tr:target { outline: 3px solid #f90; }
  td.covered { background: #dff5df; } td.not-covered { background: #fbdada; font-weight: bold; }
  td.awaiting { background: #fff4cc; } td.signed-off { background: #dff5df; }
  ul { margin: 0; padding-left: 1.2em; } li.failed { color: #b00; } .status { font-size: 85%; color: #666; } .uri { font-size: 80%; color: #999; }
</style>
</head>
<body>
<h1>Traceability matrix</h1>
<p>Generated ${html(matrix.generatedAt)} from <code>features/requirements.json</code> and the run's <code>reports/messages.ndjson</code>.</p>
<ul id="summary">${summary(matrix).map((line) => `<li>${html(line)}</li>`).join('')}</ul>
<h2>Requirements</h2>
<table id="requirements">
<thead><tr><th>ID</th><th>Path</th><th>Requirement (paraphrase)</th><th>Source</th><th>Status</th><th>Scenarios</th></tr></thead>
<tbody>
${requirements
  .map((q) => {
    const r = row(matrix, q.id);
    return `<tr id="${q.id}"><td>${q.id}</td><td>${html(q.path)}</td><td>${html(q.summary)}</td><td>${html(source(q))}</td>${htmlCoverage(r)}<td>${htmlScenarios(r)}</td></tr>`;
  })
  .join('\n')}
</tbody>
</table>
<h2>Assumptions</h2>
<p>Where the source is silent the project decided; product signs each decision off in the catalogue.</p>
<table id="assumptions">
<thead><tr><th>ID</th><th>Refines</th><th>Question</th><th>Decision</th><th>Reason</th><th>Sign-off</th><th>Status</th><th>Scenarios</th></tr></thead>
<tbody>
${assumptions
  .map((a) => {
    const r = row(matrix, a.id);
    const signOffClass = a.signOff === 'signed off' ? 'signed-off' : 'awaiting';
    return `<tr id="${a.id}"><td>${a.id}</td><td>${a.refines.map((id) => `<a href="#${id}">${id}</a>`).join(', ')}</td><td>${html(a.question)}</td><td>${html(a.decision)}</td><td>${html(a.reason)}</td><td class="${signOffClass}">${signOffText(a)}</td>${htmlCoverage(r)}<td>${htmlScenarios(r)}</td></tr>`;
  })
  .join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

/** Writes traceability.md and traceability.html; returns the matrix. */
export function writeMatrix(ndjsonPath: string, outDir: string): Matrix {
  const matrix = buildMatrix(readFileSync(ndjsonPath, 'utf8'));
  writeFileSync(join(outDir, 'traceability.md'), renderMarkdown(matrix));
  writeFileSync(join(outDir, 'traceability.html'), renderHtml(matrix));
  return matrix;
}

if (require.main === module) {
  const reports = join(__dirname, '..', '..', 'reports');
  const [ndjson = join(reports, 'messages.ndjson'), outDir = reports] = process.argv.slice(2);
  const matrix = writeMatrix(ndjson, outDir);
  console.log(`Traceability matrix: ${summary(matrix).join(' ')} Written to ${join(outDir, 'traceability.md')} and .html.`);
}
