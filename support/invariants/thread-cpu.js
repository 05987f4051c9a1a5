/**
 * The CPU time the calling thread has used so far, in milliseconds, from Linux's /proc/thread-self/schedstat
 * (nanoseconds on a core); undefined where the system does not tell. Node 20's process.cpuUsage() counts all the
 * process's threads together, and a thread cannot finish sooner than its own CPU time: the benchmark's lower bounds.
 * JavaScript, because the benchmark's CPU meter is preloaded before ts-node is registered.
 */
const { readFileSync } = require('node:fs');

function threadCpuMs() {
  try {
    const onCpuNs = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    // A kernel without scheduler statistics writes zeros: unknown, not idle.
    return Number.isFinite(onCpuNs) && onCpuNs > 0 ? onCpuNs / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

module.exports = { threadCpuMs };
