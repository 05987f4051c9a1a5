/**
 * Which campaigns invariant scenarios ask for, read from their steps: the kind of boot of their Given (the
 * same words as its step definition in steps/invariants.steps.ts) and the count of their When. Read before
 * the scenarios run, to start their boots early: from the selected scenarios (a BeforeAll hook), or from the
 * feature files themselves (a boot thread the plugin starts before the support code loads). Words that no
 * longer match cost only the early start: the scenario then runs its boots when it asks for them.
 * Loads neither fast-check nor the boots' machinery.
 */
import { readFileSync } from 'node:fs';
import type { Pickle } from '@cucumber/messages';

/** The population (campaign.ts, POPULATIONS) each Given names. */
const POPULATION_OF_GIVEN: Readonly<Record<string, string>> = {
  'any first boot: any answer at any moment, any mix of services and faults': 'any first boot',
};
const BOOT_COUNT = /^(\d+) such boots run$/;

export interface AskedCampaign {
  readonly population: string;
  /** As the feature says; BOOTS may ask for more. */
  readonly bootsInFeature: number;
}

export function campaignsAskedBy(pickles: readonly { readonly pickle: Pickle }[]): AskedCampaign[] {
  return pickles.flatMap(({ pickle }) => {
    const population = pickle.steps.map((step) => POPULATION_OF_GIVEN[step.text]).find(Boolean);
    const boots = pickle.steps.map((step) => BOOT_COUNT.exec(step.text)?.[1]).find(Boolean);
    return pickle.tags.some((tag) => tag.name === '@invariant') && population && boots ? [{ population, bootsInFeature: Number(boots) }] : [];
  });
}

/** The campaigns the invariant scenarios of these feature files ask for, whatever a run selects of them. */
export function campaignsInFeatures(files: readonly string[]): AskedCampaign[] {
  const { generateMessages } = require('@cucumber/gherkin') as typeof import('@cucumber/gherkin');
  const { IdGenerator, SourceMediaType } = require('@cucumber/messages') as typeof import('@cucumber/messages');
  const newId = IdGenerator.incrementing();
  return campaignsAskedBy(
    files.flatMap((file) =>
      generateMessages(readFileSync(file, 'utf8'), file, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includePickles: true, includeSource: false, includeGherkinDocument: false, newId }).flatMap(
        (envelope) => (envelope.pickle ? [{ pickle: envelope.pickle }] : []),
      ),
    ),
  );
}
