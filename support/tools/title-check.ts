/**
 * Done when of issue 11: a phone with any one screen title changed passes. Runs the whole suite once
 * per screen kind against support/phone/one-title-changed-phone.ts (PHONE=, CHANGED_TITLE=<kind>):
 * every run must pass, except the question's, which must fail, and only in PROMPT-1's scenarios
 * (the one title the source quotes and the suite compares word for word).
 *   npm run test:one-title-changed            every screen kind (about 30 s each)
 *   npm run test:one-title-changed -- <kind>  one kind, e.g. "configuration server prompt"
 * Message streams go to a temporary directory, never over reports/messages.ndjson.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScreenKind } from '../phone/ports';
import { referenceWording } from '../phone/wording';
import { runSuite } from './order-check';

const PHONE = 'support/phone/one-title-changed-phone.ts';
const QUOTED: ScreenKind = 'question';

function main(asked: readonly string[]): number {
  const kinds = (asked.length ? asked : Object.keys(referenceWording.screens)) as ScreenKind[];
  const unknown = kinds.filter((kind) => !(kind in referenceWording.screens));
  if (unknown.length) {
    console.error(`Not a screen kind: ${unknown.join(', ')} (kinds: ${Object.keys(referenceWording.screens).join(', ')}).`);
    return 2;
  }
  const directory = mkdtempSync(join(tmpdir(), 'title-check-'));
  const problems: string[] = [];
  for (const [index, kind] of kinds.entries()) {
    const outcome = runSuite({ label: kind, env: { PHONE, CHANGED_TITLE: kind } }, join(directory, `${index}.ndjson`));
    const failing = outcome.scenarios.filter((s) => s.status !== 'PASSED');
    console.log(`  the ${kind} renamed: ${outcome.scenarios.length - failing.length} of ${outcome.scenarios.length} scenarios passed (${outcome.seconds.toFixed(1)} s)`);
    if (!outcome.scenarios.length) problems.push(`the ${kind} renamed: the suite did not run:\n${outcome.output.slice(-2000)}`);
    else if (kind !== QUOTED && failing.length) problems.push(`the ${kind} renamed: ${failing.map((s) => `"${s.name}" (${s.uri})`).join(', ')} failed on wording`);
    else if (kind === QUOTED) {
      const unrelated = failing.filter((s) => !s.ids.includes('PROMPT-1'));
      if (!failing.length) problems.push('the question renamed: no scenario noticed, though PROMPT-1 quotes it');
      if (unrelated.length) problems.push(`the question renamed: scenarios outside PROMPT-1 failed: ${unrelated.map((s) => `"${s.name}"`).join(', ')}`);
    }
  }
  if (problems.length) {
    console.error(`Title check failed:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  console.log(`Title check: with any one of ${kinds.length} screen titles renamed the suite passes, except the question's, which only PROMPT-1's scenarios catch.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
