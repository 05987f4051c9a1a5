/**
 * The suite catches a phone that breaks the specification, and says which requirements it breaks:
 * the whole suite runs against support/faulty-phone (PHONE=<module>, the seam any implementation
 * uses) and must fail, with failing scenarios tagged with each injected defect's requirement.
 *   npm run test:faulty-phone
 * The run's message stream goes to a temporary file, never over reports/messages.ndjson.
 * Exits 0 when the suite catches every defect, 1 otherwise.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INJECTED_DEFECTS } from '../faulty-phone/defects';
import { runSuite } from './order-check';

const FAULTY_PHONE = 'support/faulty-phone/faulty-phone.ts';

function main(): number {
  const messages = join(mkdtempSync(join(tmpdir(), 'faulty-phone-')), 'messages.ndjson');
  const outcome = runSuite({ label: 'faulty phone', env: { PHONE: FAULTY_PHONE } }, messages);
  const failing = outcome.scenarios.filter((s) => s.status !== 'PASSED');
  const failingIds = new Set(failing.flatMap((s) => s.ids));
  console.log(`PHONE=${FAULTY_PHONE}: ${failing.length} of ${outcome.scenarios.length} scenarios failed in ${outcome.seconds.toFixed(1)} s (messages: ${messages}).`);

  const missed: string[] = [];
  for (const { requirement, defect } of INJECTED_DEFECTS) {
    const catching = failing.filter((s) => s.ids.includes(requirement));
    if (!catching.length) missed.push(requirement);
    const examples = catching.slice(0, 3).map((s) => `"${s.name}" (${s.uri})`).join(', ');
    console.log(`  ${catching.length ? 'caught' : 'MISSED'} ${requirement.padEnd(10)} ${defect}${catching.length ? `\n      by ${catching.length} scenario(s), e.g. ${examples}` : ''}`);
  }
  const alsoNamed = [...failingIds].filter((id) => !INJECTED_DEFECTS.some((d) => d.requirement === id)).sort();
  console.log(`  also failing, as consequences: ${alsoNamed.join(', ') || 'none'}`);

  if (outcome.passed || outcome.scenarios.length === 0) {
    console.error(`The suite did not fail on the faulty phone:\n${outcome.output.slice(-4000)}`);
    return 1;
  }
  if (missed.length) {
    console.error(`The suite failed, but named none of the requirements ${missed.join(', ')} that the faulty phone breaks.`);
    return 1;
  }
  console.log(`Faulty phone check: the suite fails on it and names all ${INJECTED_DEFECTS.length} broken requirements.`);
  return 0;
}

process.exitCode = main();
