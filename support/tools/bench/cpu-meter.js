// Preloaded by the benchmark into every run it times (`node --require`): on exit, writes the process's CPU time,
// all its threads together (V8's compiler and GC helpers, boot threads), in milliseconds, to BENCH_CPU_FILE.
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_CPU_FILE;
if (target) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, String((user + system) / 1000));
  });
}
