/**
 * The shortest route the specification allows to each prompt, for the Givens of both layers.
 * Each route passes through as few other requirements as possible, so a defect fails its own
 * requirement's scenarios first, and each checks it arrived before the scenario goes on.
 */
import type { ProvisioningWorld } from './world';

/** ASSUME-1: Yes, and DES cannot be reached (not the code prompt's Cancel, CODE-3, a requirement of its own). */
export async function reachServerPrompt(world: ProvisioningWorld): Promise<void> {
  world.site.desFails('absent');
  await world.answer('Yes');
  await world.settle();
  world.expect.asksByHand('configuration server');
}

/** YES-4: Yes, and DES has no configuration server for the phone. */
export async function reachCodePrompt(world: ProvisioningWorld): Promise<void> {
  world.network.des.knowsNoServer();
  await world.answer('Yes');
  await world.settle();
  world.expect.asksForCode();
}

/** NO-2: No, and neither DHCP nor the switch names a server. */
export async function reachDetailsPrompt(world: ProvisioningWorld): Promise<void> {
  world.site.dhcpOffersNoServer();
  world.site.switchAnnounces([], 1000);
  await world.answer('No');
  await world.settle();
  world.expect.asksByHand('provisioning details');
}
