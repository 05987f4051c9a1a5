/**
 * Which campaigns invariant scenarios ask for, read from their steps: the kind of boot of their Given (the
 * same words as its step definition in steps/invariants.steps.ts) and the count of their When. Read before
 * the scenarios run, to start their boots early: from the selected scenarios (a BeforeAll hook), or from the
 * invariant feature files' pickles (a boot thread the plugin starts before the support code loads). Words that
 * no longer match cost only the early start: the scenario then runs its boots when it asks for them.
 * Loads neither fast-check nor the boots' machinery.
 */

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

/** What of a scenario tells its campaign: as Cucumber's pickles have it, or the plugin hands a boot thread. */
export interface AskingPickle {
  readonly pickle: { readonly tags: readonly { readonly name: string }[]; readonly steps: readonly { readonly text: string }[] };
}

export function campaignsAskedBy(pickles: readonly AskingPickle[]): AskedCampaign[] {
  return pickles.flatMap(({ pickle }) => {
    const population = pickle.steps.map((step) => POPULATION_OF_GIVEN[step.text]).find(Boolean);
    const boots = pickle.steps.map((step) => BOOT_COUNT.exec(step.text)?.[1]).find(Boolean);
    return pickle.tags.some((tag) => tag.name === '@invariant') && population && boots ? [{ population, bootsInFeature: Number(boots) }] : [];
  });
}
