/**
 * A Cucumber plugin (cucumber.js, `plugin`) that starts the invariants' boots as early as a run can:
 *   - once Cucumber has found the feature files, before it loads the support code (a second or so of
 *     compiling on one core), it starts a boot thread for the campaign the invariant scenarios in those
 *     files ask for (boot-worker.ts reads them), if nothing may narrow the run's selection (below);
 *   - it remembers the scenarios the run selected, after --tags, --name and --shard, for the BeforeAll hook
 *     (steps/invariants.steps.ts), which claims that thread if the selected scenarios ask for its campaign,
 *     or starts one itself;
 *   - a thread nobody claimed stops: when the selection holds no invariant scenario, when the first scenario
 *     starts (the hook did not want it), or at the end.
 * Which scenarios a run selects is known only once the support code has loaded: a thread started on a guess
 * that proves wrong costs a run of example scenarios a few tenths of a second (measured), so there is no early
 * thread when the command line narrows the selection (--tags, --name, --shard), runs nothing (--dry-run) or
 * leaves the scenarios to other processes (--parallel), nor under a profile that says so in `pluginOptions`
 * (`instrumented`, for Stryker and c8: those runs leave the invariants out, and Stryker runs Cucumber once per mutant).
 * JavaScript, because Cucumber imports plugins before ts-node is registered.
 */
const { readFileSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { PROCESS_SEED, startBootThread } = require('./boot-thread.js');

/** @type {readonly { readonly pickle: import('@cucumber/messages').Pickle }[] | undefined} */
let selected;
/** @type {import('./campaign').EarlyThread | undefined} */
let earlyThread;

const isInvariant = ({ pickle }) => pickle.tags.some((tag) => tag.name === '@invariant');

/** Command-line options after which the selection may hold no invariant scenario, or another process runs them. */
const NARROWING = /^(--tags|-t|--name|-n|--shard|--dry-run|-d|--parallel)(=|$)/;

function startEarlyThread(sourcePaths) {
  if (process.argv.slice(2).some((argument) => NARROWING.test(argument))) return undefined;
  // As the campaign would: no thread of its own on one core, nor when BOOT_THREADS says how many threads to use.
  if (availableParallelism() < 2 || process.env.BOOT_THREADS) return undefined;
  const featureFiles = sourcePaths.filter((path) => readFileSync(path, 'utf8').includes('@invariant'));
  if (!featureFiles.length) return undefined;
  return { startedAt: performance.timeOrigin + performance.now(), ...startBootThread({ early: { featureFiles, seed: PROCESS_SEED } }) };
}

function stopUnclaimed() {
  void earlyThread?.worker.terminate();
  earlyThread = undefined;
}

module.exports = {
  type: 'plugin',
  optionsKey: 'invariants',
  coordinator({ on, transform, options }) {
    // A process may run Cucumber more than once (Stryker, the API): nothing is known of this run's selection yet.
    selected = undefined;
    stopUnclaimed();
    if (options.startBeforeSupportCode !== false) on('paths:resolve', ({ sourcePaths }) => (earlyThread = startEarlyThread(sourcePaths)));
    // The last transform of the selection: what it receives is what will run. It changes nothing.
    transform('pickles:order', (pickles) => {
      selected = pickles;
      if (!pickles.some(isInvariant)) stopUnclaimed();
      return undefined;
    });
    on('message', (envelope) => (envelope.testCaseStarted || envelope.testRunFinished) && stopUnclaimed());
    return stopUnclaimed;
  },
  /** The scenarios the run selected, as Cucumber's pickles; undefined when the run was not configured with this plugin. */
  selectedPickles: () => selected,
  /** The boot thread started before the support code loaded, for the campaign to claim; undefined if none (or already claimed). */
  claimEarlyThread() {
    const thread = earlyThread;
    earlyThread = undefined;
    return thread;
  },
};
