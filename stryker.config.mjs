// Mutation testing of the reference phone (`npm run mutate`): does the specification notice
// when the phone's decisions or parsers change? See README, "Mutation testing".
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * The phone's log narrates what it does for the scenario timeline; no requirement specifies its
 * wording, so changing that wording is not a change of behaviour. The same holds for the reasons
 * the phone gives itself (a parser's `reject(…)`, a failed exchange's `fail(…)`, a DES reply it
 * cannot use, a DHCP option it ignores: `report(…)`, a settings failure: `problem(…)`): they reach only the log, since screens carry meanings (support/phone/ports.ts).
 * Whether an input is refused, and what the phone does next, stays mutated.
 */
const isPhoneLogCall = (callee) =>
  (callee.type === 'Identifier' && callee.name === 'log') ||
  (callee.type === 'MemberExpression' && callee.object.type === 'MemberExpression' && callee.object.property.name === 'log');
const REASON_CALLS = new Set(['reject', 'fail', 'unreadable', 'report', 'problem']);
const REASON_ERRORS = new Set(['NetworkFailure', 'UnusableFile']);
const isReason = (path) =>
  (path.isCallExpression() && path.node.callee.type === 'Identifier' && REASON_CALLS.has(path.node.callee.name)) ||
  (path.isNewExpression() && path.node.callee.type === 'Identifier' && REASON_ERRORS.has(path.node.callee.name));

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'phone-log-text', {
    shouldIgnore: (path) =>
      path.isCallExpression() && isPhoneLogCall(path.node.callee) ? 'The phone log narrates for the timeline; its wording is not specified.' : undefined,
  }),
  declareValuePlugin(PluginKind.Ignore, 'reason-text', {
    shouldIgnore: (path) => (isReason(path) ? 'A reason the phone gives goes to its log; its wording is not specified.' : undefined),
  }),
];

/*
 * Mutants that survive a full run, each known and why it is left (the counts: README's mutation block,
 * generated from reports/mutation-summary.json). formats/ and services/:
 * - settings-file.ts, `text.startsWith('##')` → false or → `endsWith('##')`: a "## …" line then marks
 *   the label "#"; only a GOTO or IF naming the label "#" could tell, and no settings file does.
 * - settings-file.ts, four conditions → false (a reason kept as a statement, an empty label kept, an IF on a
 *   variable the phone lacks kept, an empty setting name kept): evaluateSettings passes over a reason, no
 *   GOTO or IF names an empty label, the phone has no other variable so that IF never jumps, and SETTING_NAME
 *   refuses an empty name; only the log differs. Their → true twins are killed, so no disable comment.
 * - des-client.ts, `status === 404 / 403 / 423` → true: caught only by a DES that sends its error code
 *   under another status; DES's wire format is ours (ASSUME-19) and never does.
 * - http-client.ts, `request.body ?? ''` → junk after a GET: a server answers before reading past
 *   the head of a GET; the stray bytes would start a request nobody reads.
 * - http-client.ts, `^` dropped from the status line, and Content-Length looked up in the whole reply
 *   rather than its head: each needs a reply no server sends (bytes before the status line; no
 *   Content-Length, and a body that spells one).
 * Each equivalent, but a disable comment would also hide its killable twin (→ true) on the same line:
 * - server-address.ts formatServerAddress, `address.port === DEFAULT_PORTS[…]` → false: the default port
 *   written out names the same server, and the suite compares servers as addresses, not as text.
 * - state-chart.ts dhcpAnswered, `state.address !== undefined` → false: a second DHCP answer comes only
 *   after the phone has left the search and the wait (one request each), where it changes nothing.
 * - state-chart.ts someoneIsThere, `!isUnattended(state)` → false: an attended prompt runs no DES retry,
 *   so cancelling one and marking the state attended changes nothing.
 * - phone.ts, `'problem' in read` → false: a damaged LLDP frame becomes an announcement without servers,
 *   which leaves the search as it was, like a frame without a file server.
 * Mutants that cannot change behaviour carry a `// Stryker disable next-line … : reason` in the code;
 * such a comment applies only to mutants on the line of the node it leads (one before `} else` or
 * `} catch` leads nothing: write it after the `}`, or move the choice into the reason's call).
 */

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'cucumber',
  cucumber: { profile: 'instrumented' },
  plugins: ['@stryker-mutator/cucumber-runner', import.meta.url],
  ignorers: ['phone-log-text', 'reason-text'],
  // ports.ts is the seam's interface: types and constants, nothing to mutate. The wording catalogues
  // are the phone's own texts, which no requirement specifies (ASSUME-24; their size is checked by
  // npm run check:screens), and the *-phone.ts modules only combine the chart with a catalogue.
  mutate: ['support/phone/**/*.ts', '!support/phone/ports.ts', '!support/phone/wording.ts', '!support/phone/other-wording.ts', '!support/phone/*-phone.ts'],
  // Type errors are caught by `npm run typecheck` before; a checker would take one of the two cores.
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  ignorePatterns: ['reports', '.stryker-tmp', 'coverage', '.git', '*.log'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 97, low: 95, break: 95 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
