/**
 * A boot thread of a campaign (a worker thread): started by the campaign (campaign.ts), or by the plugin
 * (early-start-plugin.js) before Cucumber loads the support code; inside, it runs boot-worker.ts.
 * JavaScript, because the plugin runs before ts-node is registered. The plugin (imported by Cucumber) and the
 * campaign (required through ts-node) share this one module, and so the process's seed.
 */
const { availableParallelism } = require('node:os');
const { performance } = require('node:perf_hooks');
const { isMainThread, Worker } = require('node:worker_threads');

/**
 * A thread holds one plan and one boot at a time: the limit keeps V8 from letting garbage pile
 * up over a million boots, and turns a leak into a crash instead of a full machine. Only a worker thread
 * can have its own limit: that is why a large campaign runs in workers alone.
 */
const THREAD_HEAP_MB = 256;

/**
 * The seed of this process's campaigns when FC_SEED does not set one: chosen once, here, because the plugin
 * starts the boots before the campaign's module loads, and every invariant scenario of a run checks the same boots.
 */
const PROCESS_SEED = Math.floor(Math.random() * 0x7fffffff);

/** The epoch in real time, in every thread: Date is the virtual clock's while boots run. */
const realNow = () => performance.timeOrigin + performance.now();

/** Whether boots may start before their scenario asks: not on one core, nor when BOOT_THREADS says how many threads to use. */
const mayStartEarly = () => availableParallelism() >= 2 && !process.env.BOOT_THREADS;

/**
 * Starts a boot thread; `data` says what it runs (BootThreadData, campaign.ts). Returns the thread, the job it
 * runs (an early thread's first message) and what it saw (its last), both listened for from the start so that
 * nothing it says, nor its failure, is missed however late someone asks. Neither fails the run unless someone reads it.
 */
function startBootThread(data) {
  // swc is a native addon: loaded first by a worker that then ends, it crashes the process when the next worker
  // loads it (a segmentation fault, reproduced). Loaded here first, it stays with the process.
  require('@swc/core');
  const worker = new Worker(__filename, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
  const result = new Promise((resolve, reject) => {
    worker.on('message', (message) => 'result' in message && resolve(message.result));
    worker.once('error', reject);
    // Node delivers a thread's last messages before its exit: past a result, this changes nothing.
    worker.once('exit', (exitCode) => reject(new Error(exitCode === 0 ? 'A boot thread ended without reporting.' : `A boot thread stopped with exit code ${exitCode}.`)));
  });
  const job = new Promise((resolve, reject) => {
    worker.on('message', (message) => 'job' in message && resolve(message.job));
    result.catch(reject);
  });
  result.catch(() => undefined);
  job.catch(() => undefined);
  return { worker, job, result };
}

module.exports = { PROCESS_SEED, mayStartEarly, realNow, startBootThread };

if (!isMainThread) {
  // The thread compiles the suite's TypeScript (and a PHONE module) with swc, as ts-node does here (no type
  // checking), but without ts-node, which loads all of TypeScript to read the tsconfig: most of a thread's start-up.
  // Source maps are inline, so stack traces name .ts lines. The output is cached between runs, as ts-node's is.
  const { transformSync } = require('@swc/core');
  const { readFileSync } = require('node:fs');
  const { cachedCompile } = require('../compile-cache.js');
  process.setSourceMapsEnabled(true);
  const options = { sourceMaps: 'inline', module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } } };
  const compiler = `boot thread ${JSON.stringify(options)}`;
  require.extensions['.ts'] = (module, filename) => {
    const source = readFileSync(filename, 'utf8');
    module._compile(cachedCompile(compiler, filename, source, () => transformSync(source, { ...options, filename }).code), filename);
  };
  require('./boot-worker.ts');
}
