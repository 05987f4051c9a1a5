/** Timing child processes on a noisy machine: wall time, medians, interleaved repeats. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const CUCUMBER = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');

export interface Timed {
  readonly ms: number;
  readonly ok: boolean;
  /** The end of stdout and stderr, to explain a failure. */
  readonly tail: string;
}

export function timed(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Timed {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  const output = `${run.error?.message ?? ''}${String(run.stdout ?? '')}${String(run.stderr ?? '')}`;
  return { ms, ok: !run.error && run.status === 0, tail: output.trim().split('\n').slice(-15).join('\n') };
}

/** Cucumber straight from its bin (npx would add its own start-up), with the `bench` profile (no paths, no files). */
export function cucumber(paths: readonly string[], dryRun: boolean, options: { env?: NodeJS.ProcessEnv; tags?: string; format?: readonly string[] } = {}): Timed {
  const formats = (options.format ?? []).flatMap((format) => ['--format', format]);
  const args = [CUCUMBER, '--profile', 'bench', ...(dryRun ? ['--dry-run'] : []), ...(options.tags ? ['--tags', options.tags] : []), ...formats, ...paths];
  return timed(process.execPath, args, { env: options.env ?? process.env });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
