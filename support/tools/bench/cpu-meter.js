// Preloaded by the benchmark into every run it times (`node --require`): on exit, writes to BENCH_CPU_FILE the
// process's CPU time, all its threads together (V8's compiler and GC helpers, boot threads), and the CPU time of its
// main thread (the test run's own), in milliseconds, as JSON.
const { writeFileSync } = require('node:fs');
const { threadCpuMs } = require('../../invariants/thread-cpu.js');

const target = process.env.BENCH_CPU_FILE;
if (target) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ processMs: (user + system) / 1000, mainThreadMs: threadCpuMs() }));
  });
}
