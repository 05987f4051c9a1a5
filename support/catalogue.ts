/** The requirement catalogue (features/requirements.json): the IDs every scenario traces to. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Requirement {
  readonly id: string;
  readonly path: string;
  readonly summary: string;
  readonly source: { readonly paragraph: number | string; readonly lines: string };
}

/** Whose decision it is: product signs "product" decisions; "engineering" ones are QA's and engineering's. */
export type Audience = 'product' | 'engineering';

/** A number the suite had to pick, and where the real one would come from. */
export interface Placeholder {
  readonly value: string;
  readonly realValueFrom: string;
}

export interface Assumption {
  readonly id: string;
  readonly path: string;
  readonly audience: Audience;
  readonly refines: readonly string[];
  readonly question: string;
  readonly decision: string;
  readonly reason: string;
  readonly placeholder?: Placeholder;
  /** The entry this one was split from (its engineering part). */
  readonly splitFrom?: string;
  /** Kept for its ID only: the decision now lives in that entry. */
  readonly mergedInto?: string;
}

export interface Catalogue {
  readonly requirements: readonly Requirement[];
  readonly assumptions: readonly Assumption[];
}

export const CATALOGUE_PATH = join(__dirname, '..', 'features', 'requirements.json');

export function loadCatalogue(path = CATALOGUE_PATH): Catalogue {
  return JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
}

/** The assumptions in force: merged entries are kept for their IDs only. */
export const liveAssumptions = (catalogue: Catalogue): Assumption[] => catalogue.assumptions.filter((a) => a.mergedInto === undefined);

export const allIds = (catalogue: Catalogue): string[] => [...catalogue.requirements, ...liveAssumptions(catalogue)].map((entry) => entry.id);

/** What product signs: the source's clauses and the product-audience decisions. */
export const productIds = (catalogue: Catalogue): string[] => [
  ...catalogue.requirements.map((r) => r.id),
  ...liveAssumptions(catalogue).filter((a) => a.audience === 'product').map((a) => a.id),
];

export const REQ_TAG = '@req:';
export const requirementIdsOf = (tags: readonly { readonly name: string }[]): string[] =>
  tags.filter((tag) => tag.name.startsWith(REQ_TAG)).map((tag) => tag.name.slice(REQ_TAG.length));
