/**
 * swc's output for the suite's TypeScript, kept on disk between runs (node_modules/.cache/j100-swc), so that a
 * run compiles only the files that changed (measured: most of the CPU time swc took in a run of the example
 * scenarios). Two compilers use it: ts-node, through this module's `create` (tsconfig.json, "ts-node"."transpiler":
 * ts-node's own swc transpiler, cached), and the boot threads (support/invariants/boot-thread.js).
 * One entry per file and compiler: it is used only when the file's path and source, the compiler's options and
 * the versions of swc and ts-node are all the same as when it was written; otherwise the file is compiled again and the entry
 * replaced. An entry that cannot be read or written costs only a compile.
 * JavaScript, because ts-node loads it before it can compile anything.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { threadId } = require('node:worker_threads');

const ROOT = join(__dirname, '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'j100-swc');
/** The compilers' versions: a new one may compile the same source differently. */
const VERSIONS = ['@swc/core', 'ts-node'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join(' ');

const sha1 = (text) => createHash('sha1').update(text).digest('hex');

/** `compile()`'s output for this file, from the cache if nothing it depends on changed. `compiler` names the compiler and its options. */
function cachedCompile(compiler, fileName, source, compile) {
  // By the file's place in the project: a copy of the project (Stryker's sandbox) shares the entry instead of adding its own.
  const entryFile = join(CACHE, `${sha1(`${compiler}\0${relative(ROOT, fileName)}`)}.json`);
  const inputs = sha1(`${VERSIONS}\0${fileName}\0${source}`);
  try {
    const entry = JSON.parse(readFileSync(entryFile, 'utf8'));
    if (entry.inputs === inputs) return entry.output;
  } catch {
    // No entry yet, or one that cannot be read: compiled below.
  }
  const output = compile();
  try {
    mkdirSync(CACHE, { recursive: true });
    // Written whole under a name of this thread's own, then renamed: a reader sees the old entry or the new one, never part of one.
    const partial = `${entryFile}.${process.pid}-${threadId}`;
    writeFileSync(partial, JSON.stringify({ inputs, output }));
    renameSync(partial, entryFile);
  } catch {
    // A cache that cannot be written (a read-only node_modules) costs the next run this compile again.
  }
  return output;
}

/** ts-node's transpiler interface: its own swc transpiler, each file's output cached. */
function create(createOptions) {
  const { transpile } = require('ts-node/transpilers/swc').create(createOptions);
  const compiler = `ts-node ${JSON.stringify(createOptions.service.config.options)}`;
  return { transpile: (input, options) => cachedCompile(compiler, options.fileName, input, () => transpile(input, options)) };
}

module.exports = { cachedCompile, create };
