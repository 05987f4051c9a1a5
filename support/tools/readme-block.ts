/**
 * A block of the README that a tool generates between two markers: the assumptions table, the
 * numbers, the benchmark. One place replaces it, and one writes it or checks that it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const README = join(__dirname, '..', '..', 'README.md');

export interface ReadmeBlock {
  readonly begin: string;
  readonly end: string;
  /** What the block holds, for messages: "the table of assumptions", "the numbers block". */
  readonly name: string;
}

export function replaceBlock(readme: string, { begin, end }: ReadmeBlock, body: string): string {
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README.md has lost its markers ${begin} … ${end}`);
  return `${readme.slice(0, start + begin.length)}\n${body}\n${readme.slice(stop)}`;
}

export const isCurrent = (readme: string, block: ReadmeBlock, body: string): boolean => replaceBlock(readme, block, body) === readme;

export function writeBlock(block: ReadmeBlock, body: string): void {
  writeFileSync(README, replaceBlock(readFileSync(README, 'utf8'), block, body));
}

/** A tool's arguments `--check`: 1 with `howToFix` when the README's block is stale, else 0; no arguments: rewrites it (0). */
export function writeOrCheckBlock(block: ReadmeBlock, body: string, source: string, howToFix: string, args: readonly string[]): number {
  if (args[0] !== '--check') {
    writeBlock(block, body);
    return 0;
  }
  if (!isCurrent(readFileSync(README, 'utf8'), block, body)) {
    console.error(`README.md: ${block.name} differs from ${source}. ${howToFix}`);
    return 1;
  }
  console.log(`README.md: ${block.name} matches ${source}.`);
  return 0;
}
