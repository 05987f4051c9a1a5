/**
 * The suite catches a phone that breaks the specification, says which requirements it breaks, and
 * cannot be hung by one. Runs of the suite, each through PHONE=<module> (the seam any implementation
 * uses), each in its own process:
 *   - the reference phone: the outcome every scenario should keep;
 *   - support/faulty-phone/faulty-phone.ts with all its defects at once: must fail, with failing scenarios tagged
 *     with each injected defect's requirement (the invariants' generated boots run here only);
 *   - the same phone with one defect at a time (FAULTY_PHONE_DEFECT=<requirement>, invariants left out): a defect
 *     fails its own requirement first. Its requirement's scenarios (with those of the assumptions refining it)
 *     must fail; with those of a requirement it breaks as well (defects.ts says which and why) they must be the
 *     majority of the failures; and no other scenario may fail in a Given (its route took a detour through it);
 *   - support/faulty-phone/looping-phone.ts: must fail fast (the looping scenarios within LOOPING_LIMIT_S of real
 *     time), with a sentence about the loop, naming each loop's requirement, and every other scenario must end
 *     as with the reference phone; the process must exit by itself;
 *   - support/faulty-phone/throwing-phone.ts: throws inside a promise chain of its own whenever it shows the enrollment
 *     code prompt; some scenario must fail, every scenario that ends otherwise than with the reference phone must fail
 *     in a step with the phone's error, and the run must end by itself;
 *   - support/faulty-phone/by-address-phone.ts (not faulty: it connects to the addresses DNS gives): every scenario ends as with the reference phone.
 * And a module with a type error must be refused by the type check, with the compiler's message.
 *   npm run test:faulty-phone
 * Message streams go to a temporary folder, never over reports/messages.ndjson. Exits 0 when all holds, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, type Assumption } from '../catalogue';
import { INJECTED_DEFECTS } from '../faulty-phone/defects';
import { INJECTED_LOOPS } from '../faulty-phone/looping-phone';
import { THROWN } from '../faulty-phone/throwing-phone';
import { runSuite, type SuiteOutcome } from './order-check';
import type { ScenarioResult } from './spec-check';

const FAULTY_PHONE = 'support/faulty-phone/faulty-phone.ts';
const LOOPING_PHONE = 'support/faulty-phone/looping-phone.ts';
const BY_ADDRESS_PHONE = 'support/faulty-phone/by-address-phone.ts';
const THROWING_PHONE = 'support/faulty-phone/throwing-phone.ts';
/** The issue's bound: the looping scenarios together fail within this much real time. */
const LOOPING_LIMIT_S = 60;
/** The invariants' generated boots mix every path: the run with all defects at once measures them. */
const WITHOUT_INVARIANTS = 'not @invariant';
/** A run that takes longer than this has hung: it is killed and the check fails. */
const RUN_LIMIT_S = 600;
/** How a scenario stopped by the runaway guard (support/runaway-guard.ts) or the settle limit says so. */
const LOOP_SENTENCE = /The phone did [\d,]+ things|A boot had to be stopped|The phone kept the suite busy|The phone was still busy after|The phone kept working after its scenario ended/;

interface Ended {
  readonly key: string;
  readonly ids: readonly string[];
  readonly status: string;
  readonly message: string;
  readonly seconds: number;
  /** The kind of the first step that did not pass: a Given is 'Context'. */
  readonly failedIn: string;
}

/** The scenarios a run selected, as this check reads them. */
const endedOf = (scenarios: readonly ScenarioResult[]): Ended[] =>
  scenarios
    .filter((s) => s.status !== 'NOT RUN')
    .map((s) => ({ key: `${s.uri}: ${s.name}`, ids: s.ids, status: s.status, message: s.failure?.message ?? '', seconds: s.ms / 1000, failedIn: s.failure?.in ?? '' }));

function run(label: string, env: Record<string, string>, directory: string, tags?: string): { outcome: SuiteOutcome; scenarios: Ended[] } {
  const messages = join(directory, `${label.replace(/\W+/g, '-')}.ndjson`);
  const outcome = runSuite({ label, env, ...(tags ? { tags } : {}) }, messages, RUN_LIMIT_S * 1000);
  const scenarios = endedOf(outcome.scenarios);
  const failed = scenarios.filter((s) => s.status !== 'PASSED').length;
  console.log(`${label.padEnd(24)} ${outcome.seconds.toFixed(1).padStart(6)} s real, ${failed} of ${scenarios.length} scenarios failed${outcome.timedOut ? `, KILLED after ${RUN_LIMIT_S} s` : ''}`);
  return { outcome, scenarios };
}

/** The faulty phone: the suite fails and names each injected defect's requirement. */
function checkFaultyPhone(scenarios: readonly Ended[]): string[] {
  const failing = scenarios.filter((s) => s.status !== 'PASSED');
  if (!failing.length) return ['The suite did not fail on the faulty phone.'];
  const missed: string[] = [];
  for (const { requirement, defect } of INJECTED_DEFECTS) {
    const catching = failing.filter((s) => s.ids.includes(requirement));
    if (!catching.length) missed.push(requirement);
    console.log(`  ${catching.length ? 'caught' : 'MISSED'} ${requirement.padEnd(10)} ${defect}${catching.length ? `: ${catching.length} scenario(s), e.g. "${catching[0]!.key}"` : ''}`);
  }
  printRequirements('faulty phone', failing, INJECTED_DEFECTS.map((d) => d.requirement));
  return missed.map((id) => `The suite failed on the faulty phone but named none of the scenarios of ${id}, which it breaks.`);
}

/** A requirement with the assumptions refining it (the catalogue's `refines`): a defect in it fails them honestly. */
function family(requirement: string, assumptions: readonly Assumption[]): Set<string> {
  return new Set([requirement, ...assumptions.filter((a) => a.refines.includes(requirement)).map((a) => a.id)]);
}

/** Each defect alone: its own requirement fails first, and no other scenario's Given takes a detour through it. */
function checkEachDefect(directory: string): string[] {
  const problems: string[] = [];
  const { assumptions } = loadCatalogue();
  const rows = INJECTED_DEFECTS.map(({ requirement, defect, evidence, breaksAlso }) => {
    const { outcome, scenarios } = run(`only ${requirement}`, { PHONE: FAULTY_PHONE, FAULTY_PHONE_DEFECT: requirement }, directory, WITHOUT_INVARIANTS);
    const failing = scenarios.filter((s) => s.status !== 'PASSED');
    const own = family(requirement, assumptions);
    const behind = breaksAlso ? family(breaksAlso.requirement, assumptions) : new Set<string>();
    const ownFailing = failing.filter((s) => s.ids.some((id) => own.has(id)));
    const expected = failing.filter((s) => s.ids.some((id) => own.has(id) || behind.has(id)));
    const detours = failing.filter((s) => !expected.includes(s));
    const others = new Map<string, number>();
    detours.forEach((s) => s.ids.forEach((id) => others.set(id, (others.get(id) ?? 0) + 1)));
    if (outcome.timedOut || !scenarios.length) problems.push(`The run with ${requirement}'s defect alone broke:\n${outcome.output.slice(-3000)}`);
    else if (!ownFailing.length) problems.push(`With ${requirement}'s defect alone (${defect}), no scenario of ${[...own].join(', ')} failed.`);
    if (expected.length <= detours.length) {
      problems.push(`With ${requirement}'s defect alone, ${detours.length} of ${failing.length} failing scenarios are of other requirements (${[...others].map(([id, n]) => `${id} ${n}`).join(', ')}): their routes should not pass through ${requirement}.`);
    }
    detours
      .filter((s) => s.failedIn === 'Context')
      .forEach((s) => problems.push(`With ${requirement}'s defect alone, a Given of "${s.key}" failed: its route passes through ${requirement}.\n${s.message.slice(0, 400)}`));
    if (evidence && !failing.some((s) => s.message.includes(evidence))) problems.push(`No failure with ${requirement}'s defect alone quotes "${evidence}" (${defect}).`);
    return {
      requirement,
      failing: failing.length,
      tagged: failing.filter((s) => s.ids.includes(requirement)).length,
      own: ownFailing.length,
      behind: breaksAlso ? `${expected.length - ownFailing.length} (${breaksAlso.requirement}…)` : '-',
      others: [...others].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', '),
    };
  });
  console.log(`\n${'defect alone'.padEnd(12)} failing  tagged  +refining  behind it        other requirements failing (scenarios)`);
  rows.forEach((r) =>
    console.log(`${r.requirement.padEnd(12)} ${String(r.failing).padStart(7)} ${String(r.tagged).padStart(7)} ${String(r.own).padStart(10)}  ${r.behind.padEnd(16)} ${r.others || '-'}`),
  );
  INJECTED_DEFECTS.filter((d) => d.breaksAlso).forEach(({ requirement, breaksAlso }) => console.log(`  ${requirement} breaks ${breaksAlso!.requirement} too: ${breaksAlso!.why}.`));
  return problems;
}

/** The scenarios that ended otherwise than with the reference phone, each with how it ended there. */
function endedOtherwise(scenarios: readonly Ended[], reference: readonly Ended[]): (Ended & { readonly before: string })[] {
  const before = new Map(reference.map((s) => [s.key, s.status]));
  return scenarios.flatMap((s) => (s.status === before.get(s.key) ? [] : [{ ...s, before: before.get(s.key) ?? 'not run' }]));
}

/** The looping phone: looping scenarios fail fast with a sentence about the loop; every other one ends as with the reference phone. */
function checkLoopingPhone(looping: { outcome: SuiteOutcome; scenarios: Ended[] }, reference: readonly Ended[]): string[] {
  const problems: string[] = [];
  if (looping.outcome.timedOut) return [`The suite hung on the looping phone: killed after ${RUN_LIMIT_S} s.\n${looping.outcome.output.slice(-3000)}`];
  const changed = endedOtherwise(looping.scenarios, reference);
  const stopped = changed.filter((s) => LOOP_SENTENCE.test(s.message));
  const otherwise = changed.filter((s) => !LOOP_SENTENCE.test(s.message));
  otherwise.forEach((s) => problems.push(`"${s.key}" ended ${s.status} on the looping phone (${s.before} on the reference phone) without a sentence about a loop:\n${s.message.slice(0, 800)}`));
  const seconds = stopped.reduce((sum, s) => sum + s.seconds, 0);
  console.log(`  ${stopped.length} looping scenario(s) failed in ${seconds.toFixed(1)} s of real time together (limit ${LOOPING_LIMIT_S} s); ${looping.scenarios.length - changed.length} others ended as with the reference phone`);
  if (seconds >= LOOPING_LIMIT_S) problems.push(`The looping scenarios took ${seconds.toFixed(1)} s of real time, not under ${LOOPING_LIMIT_S} s.`);
  const sentences = new Map<string, number>();
  stopped.forEach((s) => {
    const sentence = (/^.*$/m.exec(s.message.replace(/^(Error|RunawayPhone): /, ''))?.[0] ?? '').replace(/t\+[\d.]+ s/g, 't+… s');
    sentences.set(sentence, (sentences.get(sentence) ?? 0) + 1);
  });
  [...sentences].forEach(([sentence, count]) => console.log(`    ${String(count).padStart(3)} × ${sentence.slice(0, 200)}`));
  for (const { requirement, loop } of INJECTED_LOOPS) {
    const naming = stopped.filter((s) => s.ids.includes(requirement));
    console.log(`  ${naming.length ? 'stopped' : 'MISSED '} ${requirement.padEnd(10)} ${loop}: ${naming.length} scenario(s)`);
    if (!naming.length) problems.push(`No scenario of ${requirement} was stopped, yet the looping phone loops there: ${loop}.`);
  }
  printRequirements('looping phone', stopped, INJECTED_LOOPS.map((l) => l.requirement));
  return problems;
}

/**
 * A phone whose own promise chain throws: the step running at that moment fails with the phone's error (Node reports
 * such a rejection only in a turn of its event loop, which the suite takes after each operation a step makes on the phone).
 */
function checkThrowingPhone(throwing: { outcome: SuiteOutcome; scenarios: Ended[] }, reference: readonly Ended[]): string[] {
  if (throwing.outcome.timedOut || throwing.scenarios.length !== reference.length) {
    return [`The run with the throwing phone did not end by itself with every scenario reported:\n${throwing.outcome.output.slice(-3000)}`];
  }
  const changed = endedOtherwise(throwing.scenarios, reference);
  const failedWithIt = changed.filter((s) => s.status === 'FAILED' && s.message.includes(THROWN));
  console.log(`  throwing in its own promise chain: ${failedWithIt.length} scenario(s) failed with the phone's error, ${changed.length - failedWithIt.length} otherwise changed`);
  const problems = changed
    .filter((s) => !failedWithIt.includes(s))
    .map((s) => `"${s.key}" ended ${s.status} with the throwing phone (${s.before} with the reference phone), not failing with its error:\n${s.message.slice(0, 800)}`);
  if (!failedWithIt.length) problems.push(`No scenario failed with the throwing phone's error ("${THROWN}"): a phone may throw inside its own promise chain unnoticed.`);
  return problems;
}

/** The wire contract lets a phone connect to a name or to the address DNS gave for it: nothing may change. */
function checkSameOutcomes(scenarios: readonly Ended[], reference: readonly Ended[]): string[] {
  const changed = endedOtherwise(scenarios, reference);
  console.log(`  connecting by address: ${changed.length} scenario(s) ended differently from the reference phone`);
  return changed.map((s) => `"${s.key}" ended ${s.status} with a phone connecting by address (${s.before} by name):\n${s.message.slice(0, 800)}`);
}

/** Which requirements the failing scenarios carry, and how many of them carry an injected one: a defect should fail its own requirement first. */
function printRequirements(label: string, failing: readonly Ended[], injected: readonly string[]): void {
  const counts = new Map<string, number>();
  failing.forEach((s) => s.ids.forEach((id) => counts.set(id, (counts.get(id) ?? 0) + 1)));
  const own = failing.filter((s) => s.ids.some((id) => injected.includes(id))).length;
  console.log(`  failing scenarios by requirement: ${[...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ')}`);
  console.log(`  ${own} of ${failing.length} failing scenarios on the ${label} carry one of its broken requirements (${injected.join(', ')})`);
}

/** PHONE=<module with a type error>: the type check refuses it and quotes the compiler. */
function checkTypeError(directory: string): string[] {
  const module = join(directory, 'phone-with-a-type-error.ts');
  writeFileSync(module, `import type { PhoneFactory } from '${join(process.cwd(), 'support/phone/ports')}';\nexport const createPhone: PhoneFactory = (ports) => ({ powerOn: () => ports.screen.show('Hello'), status: () => ({ state: 'off', settings: {} }) });\n`);
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register', 'support/tools/typecheck.ts'], { env: { ...process.env, PHONE: module }, encoding: 'utf8' });
  const output = `${child.stdout}${child.stderr}`;
  const named = /phone-with-a-type-error\.ts.*error TS\d+/s.test(output);
  console.log(`type check of PHONE=<module with a type error>: ${child.status === 0 ? 'PASSED (wrong)' : named ? 'refused, naming the error' : 'refused without naming the error'}`);
  return child.status !== 0 && named ? [] : [`PHONE=<module with a type error> was not refused with the compiler's message:\n${output.slice(-2000)}`];
}

function main(): number {
  const directory = mkdtempSync(join(tmpdir(), 'faulty-phone-'));
  console.log(`Message streams in ${directory}`);
  const problems = checkTypeError(directory);
  const reference = run('reference phone', {}, directory);
  if (!reference.scenarios.length) problems.push(`The reference run produced no results:\n${reference.outcome.output.slice(-3000)}`);
  const faulty = run('faulty phone', { PHONE: FAULTY_PHONE }, directory);
  problems.push(...checkFaultyPhone(faulty.scenarios));
  problems.push(...checkEachDefect(directory));
  const looping = run('looping phone', { PHONE: LOOPING_PHONE }, directory);
  problems.push(...checkLoopingPhone(looping, reference.scenarios));
  const throwing = run('throwing phone', { PHONE: THROWING_PHONE }, directory);
  problems.push(...checkThrowingPhone(throwing, reference.scenarios));
  const byAddress = run('by-address phone', { PHONE: BY_ADDRESS_PHONE }, directory);
  problems.push(...checkSameOutcomes(byAddress.scenarios, reference.scenarios));
  if (problems.length) {
    console.error(`\nFaulty phone check failed:\n- ${problems.join('\n- ')}`);
    return 1;
  }
  console.log(`\nFaulty phone check: the suite names all ${INJECTED_DEFECTS.length} broken requirements of the faulty phone, each defect alone failing its own requirement first and no other scenario's Given; it stops the looping phone's ${INJECTED_LOOPS.length} loops fast, fails the scenarios in which a phone throws inside its own promise chain, with its error, passes a phone that connects by address as one that connects by name, and refuses a phone that does not type-check.`);
  return 0;
}

process.exitCode = main();
