/**
 * A Cucumber plugin (cucumber.js, `plugin`) that starts the invariants' boots as early as a run can:
 *   - it remembers the scenarios the run selected, after --tags, --name and --shard, for the BeforeAll hook
 *     (steps/invariants.steps.ts), which starts their campaign before the first scenario;
 *   - under a profile that runs every scenario (`pluginOptions.invariants.startBeforeSupportCode`), it starts a
 *     boot thread earlier still, once Cucumber has found the feature files and before it loads the support code
 *     (compiling it keeps this thread busy a while): it parses the invariant scenarios of the files with
 *     Cucumber's own parser, already loaded here (loading it cost the thread a fifth of its start, measured),
 *     and the thread reads the campaign they ask for (asked.ts, through campaign.ts earlyJob) and runs it; the
 *     BeforeAll hook takes it over if the selected scenarios ask for the same campaign.
 * Which scenarios a run selects is known only once the support code has loaded, and a thread started on a guess
 * that proves wrong slowed a run of example scenarios (measured). So there is no such thread when the command line
 * narrows the selection (--tags, --name, --shard), runs nothing (--dry-run) or hands the scenarios to other
 * processes (--parallel), nor after the process's first run (its campaigns have run: Stryker, the API). A thread
 * nobody takes over is terminated: when the selection holds no invariant scenario, when the first scenario starts,
 * or when the run ends; it never keeps the process alive.
 * JavaScript, because Cucumber imports plugins before ts-node is registered.
 */
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
// Cucumber's own copy of its parser, already loaded: another version would cost the thread that waits for it a load.
const { generateMessages } = createRequire(require.resolve('@cucumber/cucumber'))('@cucumber/gherkin');
const { PROCESS_SEED, mayStartEarly, realNow, startBootThread } = require('./boot-thread.js');

const PLAIN_GHERKIN = 'text/x.cucumber.gherkin+plain';

const INVARIANT_TAG = '@invariant';
/** Command-line options after which the selection may hold no invariant scenario, or another process runs them. */
const NARROWING = /^(--tags|--name|--shard|--dry-run|--parallel)(=|$)|^-t|^-d$/;

/** @type {readonly { readonly pickle: import('@cucumber/messages').Pickle }[] | undefined} */
let selected;
/** @type {import('./campaign').EarlyThread | undefined} */
let earlyThread;
let firstRun = true;

const isInvariant = ({ pickle }) => pickle.tags.some((tag) => tag.name === INVARIANT_TAG);

/**
 * The invariant scenarios of the feature files that mention the tag, as much of their pickles as tells their
 * campaign (asked.ts, AskingPickle): what a file holds, whatever a run selects of it. Read as plain Gherkin in
 * the default language (not --language, nor Markdown), so such a file may yield none; a file Cucumber cannot
 * parse yields none here, and Cucumber reports it. Either costs only the early start.
 */
function invariantPickles(featureFiles) {
  let id = 0;
  const newId = () => String(id++);
  return featureFiles.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(INVARIANT_TAG)) return [];
    return generateMessages(text, file, PLAIN_GHERKIN, { includePickles: true, includeSource: false, includeGherkinDocument: false, newId }).flatMap(({ pickle }) =>
      pickle && isInvariant({ pickle }) ? [{ pickle: { tags: pickle.tags.map(({ name }) => ({ name })), steps: pickle.steps.map(({ text: stepText }) => ({ text: stepText })) } }] : [],
    );
  });
}

function startEarlyThread(sourcePaths) {
  if (process.argv.slice(2).some((argument) => NARROWING.test(argument)) || !mayStartEarly()) return undefined;
  let pickles;
  try {
    pickles = invariantPickles(sourcePaths);
  } catch {
    // A file the parser chokes on costs only the early start: Cucumber reads it next and says what is wrong.
    return undefined;
  }
  if (!pickles.length) return undefined;
  const startedAt = realNow();
  const thread = { startedAt, ...startBootThread({ early: { pickles, seed: PROCESS_SEED } }) };
  // Until the campaign takes it over (it then refs it again), the thread must not keep alive a process whose run failed.
  thread.worker.unref();
  return thread;
}

function terminateUnclaimed() {
  void earlyThread?.worker.terminate();
  earlyThread = undefined;
}

module.exports = {
  type: 'plugin',
  optionsKey: 'invariants',
  coordinator({ on, transform, options }) {
    // A process may run Cucumber more than once (Stryker, the API): nothing is known of this run's selection yet.
    selected = undefined;
    terminateUnclaimed();
    if (options.startBeforeSupportCode === true && firstRun) on('paths:resolve', ({ sourcePaths }) => (earlyThread = startEarlyThread(sourcePaths)));
    firstRun = false;
    // The last transform of the selection: what it receives is what will run. It changes nothing.
    transform('pickles:order', (pickles) => {
      selected = pickles;
      if (!pickles.some(isInvariant)) terminateUnclaimed();
      return undefined;
    });
    on('message', (envelope) => (envelope.testCaseStarted || envelope.testRunFinished) && terminateUnclaimed());
    return terminateUnclaimed;
  },
  /** The scenarios the run selected, as Cucumber's pickles; undefined when the run was not configured with this plugin. */
  selectedPickles: () => selected,
  /** The boot thread started before the support code loaded, whatever it runs, for the campaign to take over or end; once. */
  takeEarlyThread() {
    const thread = earlyThread;
    earlyThread = undefined;
    return thread;
  },
};
