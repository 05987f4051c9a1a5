/** Timing Node child processes on a noisy machine: wall and CPU time, medians, interleaved repeats. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const CUCUMBER = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const CPU_METER = join(__dirname, 'cpu-meter.js');

export interface Timed {
  readonly ms: number;
  /** CPU time of the whole process, all its threads (cpu-meter.js): less noisy than wall time, and what a busy CI machine pays. */
  readonly cpuMs: number;
  /** CPU time of the process's main thread, the test run's own; undefined where the system does not tell (thread-cpu.js), or the run failed. */
  readonly mainThreadCpuMs: number | undefined;
  readonly ok: boolean;
  /** The end of stdout and stderr, to explain a failure. */
  readonly tail: string;
}

/** Runs a Node script with the CPU meter preloaded. */
export function timed(script: string, args: readonly string[], options: SpawnSyncOptions = {}): Timed {
  const scratch = mkdtempSync(join(tmpdir(), 'j100-cpu-'));
  const cpuFile = join(scratch, 'cpu-ms');
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--require', CPU_METER, script, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      ...options,
      env: { ...(options.env ?? process.env), BENCH_CPU_FILE: cpuFile },
    });
    const ms = performance.now() - started;
    const output = `${run.error?.message ?? ''}${String(run.stdout ?? '')}${String(run.stderr ?? '')}`;
    const ok = !run.error && run.status === 0;
    const cpu = ok ? (JSON.parse(readFileSync(cpuFile, 'utf8')) as { processMs: number; mainThreadMs?: number }) : undefined;
    return { ms, cpuMs: cpu?.processMs ?? Number.NaN, mainThreadCpuMs: cpu?.mainThreadMs, ok, tail: output.trim().split('\n').slice(-15).join('\n') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Cucumber straight from its bin (npx would add its own start-up), with the `bench` profile (no paths, no files). */
export function cucumber(paths: readonly string[], dryRun: boolean, options: { env?: NodeJS.ProcessEnv; tags?: string; format?: readonly string[] } = {}): Timed {
  const formats = (options.format ?? []).flatMap((format) => ['--format', format]);
  const args = ['--profile', 'bench', ...(dryRun ? ['--dry-run'] : []), ...(options.tags ? ['--tags', options.tags] : []), ...formats, ...paths];
  return timed(CUCUMBER, args, { env: options.env ?? process.env });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
