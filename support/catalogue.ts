/** The requirement catalogue (features/requirements.json): the IDs every scenario traces to. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Requirement {
  readonly id: string;
  readonly path: string;
  readonly summary: string;
  readonly source: { readonly paragraph: number | string; readonly lines: string };
}

export interface Assumption {
  readonly id: string;
  readonly path: string;
  readonly refines: readonly string[];
  readonly question: string;
  readonly decision: string;
  readonly reason: string;
  readonly signOff: 'awaiting' | 'signed off';
}

export interface Catalogue {
  readonly requirements: readonly Requirement[];
  readonly assumptions: readonly Assumption[];
}

export const CATALOGUE_PATH = join(__dirname, '..', 'features', 'requirements.json');

export function loadCatalogue(path = CATALOGUE_PATH): Catalogue {
  return JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
}

export const allIds = (catalogue: Catalogue): string[] => [...catalogue.requirements, ...catalogue.assumptions].map((entry) => entry.id);

export const REQ_TAG = '@req:';
export const requirementIdsOf = (tags: readonly { readonly name: string }[]): string[] =>
  tags.filter((tag) => tag.name.startsWith(REQ_TAG)).map((tag) => tag.name.slice(REQ_TAG.length));
