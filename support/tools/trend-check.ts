/**
 * Allure's trend must show the runs that made it: after two `npm start` in a row, two points.
 *   trend-check [at least]   (default 2) reads reports/allure-report/widgets/history-trend.json
 * Exits 1 when the trend has fewer points.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TREND = join(__dirname, '..', '..', 'reports', 'allure-report', 'widgets', 'history-trend.json');
const expected = Number(process.argv[2] ?? 2);
if (!existsSync(TREND)) {
  console.error(`Allure trend: ${TREND} is missing (run npm start, with Java, first).`);
  process.exit(1);
}
const trend = JSON.parse(readFileSync(TREND, 'utf8')) as { data: { total: number; passed: number } }[];
const points = trend.map(({ data }) => `${data.passed}/${data.total}`).join(', ');
if (trend.length < expected) {
  console.error(`Allure trend: ${trend.length} point(s) (${points}), expected at least ${expected}: the history did not carry over.`);
  process.exit(1);
}
console.log(`Allure trend: ${trend.length} runs (passed/total, newest first: ${points}).`);
