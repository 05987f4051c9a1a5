/**
 * Opens the reports npm start wrote in headless Chromium, offline, as a reader would, and checks
 * they tell the truth about the run (reports/messages.ndjson, cross-checked with JUnit XML):
 *   - the single-file Allure report counts the run's passed scenarios, shows the answer paths as
 *     epics, and a scenario shows its requirement link and its timeline attachment;
 *   - Cucumber's HTML report counts the same; the traceability matrix summarises the same run.
 *   - every Allure search hint the README gives (`tag:…`) finds scenarios, and a tag nobody uses none.
 * Screenshots go to <reports>/browser-check/ (an earlier run's are removed first).
 *   browser-check [reports dir] [--readme]   Chromium: CHROMIUM_PATH, else /usr/bin/chromium
 *     --readme   then copy the screenshots the README shows to .github/readme/ (npm run docs:screenshots)
 * Exits 1 naming every check that failed.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { readResults, type ScenarioResult } from './spec-check';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const { epics } = require('../reporting/allure.config.js') as { epics: Record<string, string> };
const ROOT = join(__dirname, '..', '..');
/** The README's pictures, each the screenshot of a check. */
const README_SCREENSHOTS: Record<string, string> = { 'allure-scenario.png': 'allure.png', 'matrix.png': 'matrix.png' };

/** The search hints the README gives for Allure's tree, as written there: `tag:…`. */
const readmeSearchHints = (): string[] => [...new Set([...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/`(tag:[^`]+)`/g)].map((m) => m[1]!))];

interface Run {
  readonly scenarios: readonly ScenarioResult[];
  readonly passed: number;
}

/** The run as Cucumber recorded it; JUnit XML must agree, or one of the two is wrong. */
function readRun(reports: string): Run {
  const ndjson = join(reports, 'messages.ndjson');
  if (!existsSync(ndjson)) throw new Error(`${ndjson} is missing: run npm start first`);
  // A filtered run lists every scenario; the reports count those it ran.
  const scenarios = readResults(readFileSync(ndjson, 'utf8')).scenarios.filter((s) => s.status !== 'NOT RUN');
  const passed = scenarios.filter((s) => s.status === 'PASSED').length;
  if (scenarios.length === 0) throw new Error(`${ndjson} holds no scenario: the run is empty`);
  const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
  const suite = /<testsuite\b[^>]*>/.exec(junit)?.[0] ?? '';
  const count = (name: string): number => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? NaN);
  const junitPassed = count('tests') - count('failures') - count('errors') - count('skipped');
  if (count('tests') !== scenarios.length || junitPassed !== passed) {
    throw new Error(`junit.xml counts ${count('tests')} tests, ${junitPassed} passed; the message stream ${scenarios.length} scenarios, ${passed} passed`);
  }
  return { scenarios, passed };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function open(context: BrowserContext, file: string): Promise<Page> {
  if (!existsSync(file)) throw new Error(`${file} is missing`);
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  return page;
}

async function checkAllure(context: BrowserContext, reports: string, run: Run, shots: string): Promise<string> {
  const page = await open(context, join(reports, 'allure-single', 'index.html'));
  await page.screenshot({ path: join(shots, 'allure-overview.png') });
  // Counted in Suites, where each scenario sits once (in Behaviors, one with two requirements sits under both).
  await page.goto(`${page.url().split('#')[0]}#suites`);
  const toggles = page.locator('.status-toggle');
  await toggles.first().waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error("Allure's Suites page shows no status counts: the report is empty or broken");
  });
  const statusCount = async (status: string): Promise<number> => Number(await toggles.locator(`.y-label_status_${status}`).innerText());
  const counts = Object.fromEntries(await Promise.all(['passed', 'failed', 'broken', 'skipped', 'unknown'].map(async (s) => [s, await statusCount(s)] as const)));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (counts['passed'] !== run.passed || total !== run.scenarios.length) {
    throw new Error(`Allure shows ${counts['passed']} passed of ${total}; the run had ${run.passed} passed of ${run.scenarios.length}`);
  }
  await page.goto(`${page.url().split('#')[0]}#behaviors`);
  await page.locator('.node[data-node-kind="group"]').first().waitFor({ timeout: 15_000 });
  const groups = await page.locator('.node[data-node-kind="group"] > .node__title .node__name').allInnerTexts();
  if (!groups.some((name) => Object.values(epics).includes(name))) throw new Error(`Allure's Behaviors show no answer path as an epic (groups: ${groups.join(', ') || 'none'})`);
  await page.screenshot({ path: join(shots, 'allure-behaviors.png') });

  // One passing scenario, found as a reader would: search, open the groups, open the scenario.
  const scenario = run.scenarios.find((s) => s.status === 'PASSED' && s.ids.length > 0);
  if (!scenario) throw new Error('no passing scenario with a requirement to look at');
  await page.locator('.search__input').first().fill(scenario.name);
  for (let depth = 0; depth < 4; depth++) {
    const collapsed = page.locator('.node[data-node-kind="group"]:not(.node__expanded) > .node__title');
    if ((await collapsed.count()) === 0) break;
    await collapsed.first().click();
  }
  const leaf = page.locator('.node__leaf').filter({ has: page.locator('.node__name', { hasText: new RegExp(`^${escapeRegExp(scenario.name)}$`) }) });
  await leaf.first().click({ timeout: 10_000 });
  const id = scenario.ids[0]!;
  const link = page.locator(`a[href$="traceability.html#${id}"]`);
  if ((await link.count()) === 0) throw new Error(`the scenario "${scenario.name}" shows no link to requirement ${id}`);
  // The After hook is the scenario's tear-down; its attachments sit inside it.
  await page.getByText('Tear down', { exact: true }).click();
  const timeline = page.locator('.attachment-row__name', { hasText: /^timeline\.txt$/ }).first();
  if (!(await timeline.isVisible())) await page.locator('.step__name', { hasText: 'What the phone did' }).first().click({ timeout: 10_000 });
  await timeline.click({ timeout: 10_000 });
  const entry = page.getByText(/t\+\s*\d+\.\d{3} s/).first();
  await entry.waitFor({ timeout: 10_000 }).catch(() => undefined);
  if (!(await entry.isVisible())) throw new Error(`the scenario "${scenario.name}" shows no virtual-time entry in its timeline.txt attachment`);
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'allure-scenario.png') });

  // The README's search hints, typed as written, must find scenarios; a tag nobody uses must find none.
  await page.goto(`${page.url().split('#')[0]}#behaviors`);
  const search = page.locator('.search__input').first();
  const groupsFound = async (text: string): Promise<number> => {
    await search.fill(text);
    await page.waitForTimeout(500);
    return page.locator('.node[data-node-kind="group"]').count();
  };
  const hints = readmeSearchHints();
  if (hints.length === 0) throw new Error('the README gives no Allure search hint (`tag:…`) to check');
  for (const hint of hints) if ((await groupsFound(hint)) === 0) throw new Error(`the README's search hint \`${hint}\` finds nothing in Allure's Behaviors`);
  if ((await groupsFound('tag:@no-such-tag')) !== 0) throw new Error('a search for a tag no scenario has still shows groups: the hint check proves nothing');
  return `Allure single file: ${counts['passed']} of ${total} passed, epics, the README's ${hints.length} search hints, requirement link ${id} and timeline of "${scenario.name}"`;
}

async function checkCucumberHtml(context: BrowserContext, reports: string, run: Run, shots: string): Promise<string> {
  const page = await open(context, join(reports, 'cucumber.html'));
  const summary = await page.locator('[data-testid="cucumber.summary.status"]').innerText({ timeout: 15_000 });
  const [, passed, total] = /\((\d+) \/ (\d+)\) passed/.exec(summary) ?? [];
  if (Number(passed) !== run.passed || Number(total) !== run.scenarios.length) {
    throw new Error(`Cucumber's HTML report says "${summary.trim()}"; the run had ${run.passed} of ${run.scenarios.length} passed`);
  }
  await page.screenshot({ path: join(shots, 'cucumber.png') });
  return `Cucumber HTML: ${passed} of ${total} passed`;
}

async function checkMatrix(context: BrowserContext, reports: string, run: Run, shots: string): Promise<string> {
  const page = await open(context, join(reports, 'traceability.html'));
  const expected = `${run.passed} of ${run.scenarios.length} scenarios passed.`;
  const summary = await page.locator('#scope').innerText({ timeout: 5_000 });
  if (!summary.includes(expected)) throw new Error(`the traceability matrix says "${summary.split('\n')[0]}", expected "${expected}"`);
  await page.screenshot({ path: join(shots, 'matrix.png') });
  return `traceability matrix: ${expected}`;
}

async function main(reports: string, readme: boolean): Promise<boolean> {
  const run = readRun(reports);
  const shots = join(reports, 'browser-check');
  // Screenshots of an earlier run's reports must not pass for this one's.
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'browser-check-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  let ok = true;
  try {
    // Offline, so a report that needs a server or the network fails here.
    await context.setOffline(true);
    for (const check of [checkAllure, checkCucumberHtml, checkMatrix]) {
      try {
        console.log(`  ✔ ${await check(context, reports, run, shots)}`);
      } catch (error) {
        ok = false;
        console.error(`  ✖ ${check.name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(ok ? `Browser check passed; screenshots in ${shots}/` : 'Browser check FAILED.');
  if (ok && readme) {
    for (const [shot, picture] of Object.entries(README_SCREENSHOTS)) copyFileSync(join(shots, shot), join(ROOT, '.github', 'readme', picture));
    console.log(`README screenshots refreshed from these reports: ${Object.values(README_SCREENSHOTS).map((p) => `.github/readme/${p}`).join(', ')}`);
  }
  return ok;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const reports = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(ROOT, 'reports'));
  main(reports, args.includes('--readme')).then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: Error) => {
      console.error(`Browser check FAILED: ${error.message}`);
      process.exit(1);
    },
  );
}
