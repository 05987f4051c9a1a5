/**
 * What the editor sees: the Cucumber language service (@cucumber/language-service, the engine of
 * the official VS Code extension), run in Node on tree-sitter's WebAssembly parser over the glue and
 * the features that .vscode/settings.json names, as the extension reads them, must find
 *   - every parameter type the steps use (a regexp built by code is unknown to it),
 *   - a step definition for every step of every feature (no "Undefined step" diagnostic),
 *   - the literal regexps of steps/parameter-types.ts equal to the lists support/site.ts builds from.
 *   language-service-check
 * Exits 1 naming each problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExpressionBuilder, getGherkinDiagnostics } from '@cucumber/language-service';
import { LLDP_DAMAGES, LLDP_LAYOUTS, OPTION_43_DAMAGES, OPTION_43_ENDINGS } from '../site';
import { runAsProgram, type Cli } from './cli';

const { WasmParserAdapter } = require('@cucumber/language-service/wasm') as typeof import('@cucumber/language-service/dist/cjs/src/tree-sitter-wasm/WasmParserAdapter');

const ROOT = join(__dirname, '..', '..');

/** Parameter types written out literally in steps/parameter-types.ts, and the lists they must equal. */
const LISTED: Record<string, readonly string[]> = {
  'option 43 damage': OPTION_43_DAMAGES,
  'option 43 ending': OPTION_43_ENDINGS,
  'lldp damage': LLDP_DAMAGES,
  'lldp layout': LLDP_LAYOUTS,
};
const alternatives = (phrases: readonly string[]): string => phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** The files a `dir/**\/*.ext` pattern of the extension's settings names (the only form the settings use). */
function filesOf(pattern: string): string[] {
  const match = /^([^*]+)\/\*\*\/\*(\.\w+)$/.exec(pattern);
  if (!match) throw new Error(`.vscode/settings.json: the pattern "${pattern}" is not of the form dir/**/*.ext`);
  const [, dir, extension] = match;
  return readdirSync(join(ROOT, dir!), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension!))
    .map((file) => join(ROOT, dir!, file))
    .sort();
}

export const cli: Cli = async () => {
  const started = performance.now();
  const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8')) as Record<string, string[]>;
  const glue = (settings['cucumber.glue'] ?? []).flatMap(filesOf);
  const features = (settings['cucumber.features'] ?? []).flatMap(filesOf);
  const adapter = new WasmParserAdapter(join(dirname(require.resolve('@cucumber/language-service')), '..', '..'));
  await adapter.init();
  const sources = glue.map((file) => ({ languageName: 'tsx' as const, uri: pathToFileURL(file).href, content: readFileSync(file, 'utf8') }));
  const { expressionLinks, parameterTypeLinks, errors } = new ExpressionBuilder(adapter).build(sources, []);
  const problems = errors.map((error) => error.message.split('\n').filter(Boolean).slice(-2).join(' '));

  for (const [name, phrases] of Object.entries(LISTED)) {
    const link = parameterTypeLinks.find(({ parameterType }) => parameterType.name === name);
    if (!link) problems.push(`the parameter type {${name}} is unknown to the language service`);
    else if (link.parameterType.regexpStrings.join('|') !== alternatives(phrases)) {
      problems.push(`{${name}}: its regexp in steps/parameter-types.ts is not the list in support/site.ts; write it as /${alternatives(phrases)}/`);
    }
  }
  let steps = 0;
  const expressions = expressionLinks.map(({ expression }) => expression);
  for (const file of features) {
    const gherkin = readFileSync(file, 'utf8');
    steps += gherkin.split('\n').filter((line) => /^\s*(Given|When|Then|And|But|\*) /.test(line)).length;
    for (const diagnostic of getGherkinDiagnostics(gherkin, expressions)) problems.push(`${relative(ROOT, file)}:${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    console.error(`Language service check failed: what the editor would show\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log(
    `Language service check: ${parameterTypeLinks.length} parameter types and ${expressionLinks.length} step definitions in ${glue.length} glue files; ` +
      `all ${steps} step lines of ${features.length} features defined, 0 unknown parameter types (${seconds} s).`,
  );
  return 0;
};

runAsProgram(module, cli, 'Language service check');
