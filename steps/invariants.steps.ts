import { AfterAll, BeforeAll, Given, Then, When } from '@cucumber/cucumber';
import type { Pickle } from '@cucumber/messages';
import type fc from 'fast-check';
import type { BootPlan } from '../support/invariants/boot-plan';
import { campaignsAskedBy } from '../support/invariants/asked';
import type { CampaignResult } from '../support/invariants/campaign';
import * as TimeLimit from '../support/invariants/time-limit';
import type * as Invariants from '../support/invariants/invariants';
import type { ProvisioningWorld } from '../support/world';

// The boots' machinery (fast-check, the generators, the worker threads) loads when an invariant
// scenario first runs: a run of example scenarios never pays for it.
const bootPlan = (): typeof import('../support/invariants/boot-plan') => require('../support/invariants/boot-plan');
const campaign = (): typeof import('../support/invariants/campaign') => require('../support/invariants/campaign');
const invariants = (): typeof Invariants => require('../support/invariants/invariants');

/**
 * Generating, running and shrinking ten thousand boots takes seconds, not Cucumber's default five: the
 * campaign's own limit, and a minute more, so that the campaign reports running out of time before Cucumber
 * gives up on the step and leaves its boots running in this thread into the next scenario.
 */
const LONG = { timeout: TimeLimit.CAMPAIGN_LIMIT_MS + 60_000 };
/** An invariant scenario's kind of boot, then its boots once they ran. */
const populations = new WeakMap<ProvisioningWorld, fc.Arbitrary<BootPlan>>();
const results = new WeakMap<ProvisioningWorld, CampaignResult>();

let startedEarly = false;

/**
 * Invariant scenarios ahead: their boots start now, in a worker thread, on the core the example scenarios leave
 * idle, unless the plugin's thread already runs them (support/invariants/early-start-plugin.js).
 */
BeforeAll(function () {
  const selected = (require('../support/invariants/early-start-plugin.js') as { selectedPickles(): readonly { pickle: Pickle }[] | undefined }).selectedPickles();
  try {
    for (const { population, bootsInFeature } of selected ? campaignsAskedBy(selected) : []) {
      const { campaignOf, POPULATIONS, startEarly } = campaign();
      // A population campaign.ts no longer knows by that name costs only the early start.
      const arbitrary = POPULATIONS[population];
      if (!arbitrary) continue;
      startEarly(campaignOf(arbitrary, bootsInFeature));
      startedEarly = true;
    }
  } catch (error) {
    // A malformed BOOTS, FC_SEED or BOOT_THREADS: each invariant scenario says so when it asks for its boots.
    if (!(error instanceof TimeLimit.SettingRefused)) throw error;
  }
});

/** A run that stopped before its invariant scenarios (--fail-fast) stops their boots too. */
AfterAll(function () {
  if (startedEarly) campaign().stopUnclaimed();
});

const holds = (world: ProvisioningWorld, invariant: Invariants.Invariant): Promise<void> => campaign().expectHolds(results.get(world)!, invariant);

Given('any first boot: any answer at any moment, any mix of services and faults', function (this: ProvisioningWorld) {
  populations.set(this, bootPlan().anyFirstBoot);
});

When('{int} such boots run', LONG, async function (this: ProvisioningWorld, boots: number) {
  const { campaignOf, figures, run, summary } = campaign();
  const result = await run(campaignOf(populations.get(this)!, boots));
  results.set(this, result);
  this.attach(summary(result), { mediaType: 'text/plain', fileName: 'boots.txt' });
  // The same figures for the benchmark (support/tools/bench.ts), which reads the run's message stream.
  this.attach(JSON.stringify(figures(result)), { mediaType: 'application/json', fileName: 'boots.json' });
});

Then('none of them contacts DES after the answer No', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().noDesAfterNo);
});

Then('none of them asks DHCP or LLDP for a server after the answer Yes', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().noLocalSearchAfterYes);
});

Then('each follows the answer given within the first 60 seconds, and nothing else', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().answerDecidesPath);
});

Then('none of them asks DES without an answer before DHCP and LLDP have found nothing', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().desOnlyAfterLocalSearchFailed);
});

Then('every one of them comes to rest within 10 minutes, without an internal fault', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().comesToRest);
});

Then('every connection any of them makes to DES is secured with TLS at des.avaya.com', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().desOnlyOverTls);
});

Then('no enrollment code any of them was given appears in clear on its screen, in its log or in any record', LONG, function (this: ProvisioningWorld) {
  return holds(this, invariants().codesNeverInClear);
});
