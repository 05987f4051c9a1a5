/**
 * Allure's side of requirement-status.ts, called by allure-reporter.js: once the run is over,
 * every story (one per requirement or decision) is named with its status and sign-off, e.g.
 * "YES-4 — … [covered · changed since sign-off]", and a scenario whose requirement changed since
 * it was signed says what changed at the top of its description.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { requirementStatuses, type RequirementStatus } from './requirement-status';

interface AllureResult {
  labels: { name: string; value: string }[];
  description?: string;
}

const STORY_ID = /^(\S+) — /;

export const storySuffix = (s: RequirementStatus): string => `[${s.run} · ${s.signOff.state === 'awaiting' ? 'sign-off awaiting' : s.signOff.state}]`;

const changeNote = (s: RequirementStatus): string | undefined =>
  s.signOff.state === 'changed since sign-off'
    ? `**${s.id}: changed since sign-off** (signed by ${s.signOff.by} on ${s.signOff.at.slice(0, 10)}): ${s.signOff.changes.join('; ')}.`
    : undefined;

/** Rewrites the run's *-result.json files in place; returns how many it changed. */
export function annotateStories(resultsDir: string, envelopes: readonly Envelope[]): number {
  const { statuses } = requirementStatuses(envelopes);
  let changed = 0;
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith('-result.json'))) {
    const path = join(resultsDir, file);
    const result = JSON.parse(readFileSync(path, 'utf8')) as AllureResult;
    const notes: string[] = [];
    const stories = result.labels.filter((l) => l.name === 'story');
    for (const label of stories) {
      const status = statuses.get(STORY_ID.exec(label.value)?.[1] ?? label.value);
      if (!status) continue;
      label.value = `${label.value} ${storySuffix(status)}`;
      const note = changeNote(status);
      if (note) notes.push(note);
    }
    if (!stories.length) continue;
    if (notes.length) result.description = [...notes, result.description ?? ''].join('\n\n').trim();
    writeFileSync(path, JSON.stringify(result));
    changed++;
  }
  return changed;
}
