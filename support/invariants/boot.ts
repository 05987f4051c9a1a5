/**
 * One generated boot on its own rig: a ProvisioningWorld built outside Cucumber, so the boot runs
 * exactly as a scenario's would (same phone seam, network, site and recorders). Boots run one after
 * another on one virtual clock, reset between them: installing a clock costs more than a boot.
 * Each boot gets a fresh world; its servers are stopped before the next boot.
 */
import type { IWorldOptions } from '@cucumber/cucumber';
import { installVirtualClock, ProvisioningWorld, uninstallVirtualClock, type VirtualClock } from '../world';
import { QUESTION_WINDOW_MS, SERVERS, type BootPlan, type DhcpPlan, type LldpPlan, type ServerRole, type UserMove } from './boot-plan';

/** A boot records everything itself; nothing is attached to a report. */
const OUTSIDE_CUCUMBER: IWorldOptions = { attach: () => Promise.resolve(), log: () => undefined, link: () => undefined, parameters: {} };

export interface FinishedBoot {
  readonly plan: BootPlan;
  readonly world: ProvisioningWorld;
  /** What the user typed while the phone asked for an enrollment code. */
  readonly typedCodes: readonly string[];
  /** What went wrong while the boot ran (the phone threw, or it never came to rest). */
  readonly error?: unknown;
}

/** Runs boots one at a time on one installed virtual clock; close() uninstalls it. */
export class BootRig {
  private readonly clock: VirtualClock = installVirtualClock();

  async run(plan: BootPlan): Promise<FinishedBoot> {
    this.clock.reset();
    const world = new ProvisioningWorld(OUTSIDE_CUCUMBER);
    world.start(this.clock, 'left to the caller');
    const typedCodes: string[] = [];
    try {
      setUpSite(world, plan);
      await world.powerOn();
      await answer(world, plan);
      for (const move of plan.moves) await make(world, move, plan, typedCodes);
      await world.settle();
      return { plan, world, typedCodes };
    } catch (error) {
      return { plan, world, typedCodes, error };
    } finally {
      world.stop();
    }
  }

  close(): void {
    uninstallVirtualClock();
  }
}

function setUpSite(world: ProvisioningWorld, plan: BootPlan): void {
  const { des } = plan;
  if (des.knows === 'no server for the phone') world.network.des.knowsNoServer();
  else world.network.des.assign(des.knows === 'an unusable address' ? 'ftp://prov.example.com/j100' : SERVERS[des.knows.assigns]);
  world.network.des.acceptCode(des.acceptedCode.code, des.acceptedCode.assigns && SERVERS[des.acceptedCode.assigns]);
  world.network.des.expireCode(des.expiredCode);
  if (des.fault !== 'none') world.site.desFails(des.fault);

  for (const [role, condition] of Object.entries(plan.servers) as [ServerRole, BootPlan['servers'][ServerRole]][]) {
    if (condition === 'holds the settings') world.site.holdsSettings(SERVERS[role]);
    else if (condition !== 'does not exist') world.site.serverFails(SERVERS[role], condition);
  }
  offerDhcp(world, plan.dhcp);
  plan.lldp.forEach((frame) => announceLldp(world, frame));
}

function offerDhcp(world: ProvisioningWorld, dhcp: DhcpPlan): void {
  if (dhcp === 'no DHCP server') return world.site.noDhcpServer();
  if (dhcp === 'a lease without a configuration server') return world.site.dhcpOffersNoServer();
  const option43 = dhcp.option43?.item;
  if (option43 && 'otherVendorNaming' in option43) world.site.dhcpOffersOtherVendorsOption(option43.otherVendorNaming);
  else if (option43 && 'damage' in option43) world.site.dhcpOffersDamagedVendorOption(option43.naming, option43.damage);
  else if (option43) world.site.dhcpOffersVendorOption(option43.naming);
  // The offer comes when the SSON says; an offer of option 43 alone comes at the site's usual moment.
  if (dhcp.sson) world.site.dhcpOffersSson(dhcp.sson.item, dhcp.afterMs);
}

function announceLldp(world: ProvisioningWorld, { frame: { item }, afterMs }: LldpPlan): void {
  if ('fileServers' in item) world.site.switchAnnounces(item.fileServers, afterMs);
  else if ('damage' in item) world.site.switchAnnouncesDamaged(item.fileServer, item.damage, afterMs);
  else world.network.switch.announce(Uint8Array.from(item.randomBytes), afterMs, `${item.randomBytes.length} random bytes`);
}

async function answer(world: ProvisioningWorld, plan: BootPlan): Promise<void> {
  if (plan.answer === 'nobody answers') return world.waitWithoutAnswer(QUESTION_WINDOW_MS);
  // A key pressed once the window is over answers nothing: the phone is already on the timeout path.
  await world.answer(plan.answer.key, plan.answer.atMs);
}

/** The user reads the screen: codes go into the code prompt, addresses into the address prompts. */
async function make(world: ProvisioningWorld, move: UserMove, plan: BootPlan, typedCodes: string[]): Promise<void> {
  await world.settle();
  const { state } = world.status();
  const atPrompt = state === 'entering code' || state === 'asking for server' || state === 'asking for provisioning details';
  if ('presses' in move) {
    if (atPrompt) await world.press(move.presses);
  } else if ('enters' in move || 'entersCode' in move) {
    if (state !== 'entering code') return;
    const code = 'entersCode' in move ? move.entersCode : move.enters === 'the accepted code' ? plan.des.acceptedCode.code : plan.des.expiredCode;
    typedCodes.push(code);
    await world.enterCode(code);
  } else if ('entersServer' in move) {
    if (state === 'asking for server') await world.enterManually('configuration server', move.entersServer);
    if (state === 'asking for provisioning details') await world.enterManually('provisioning details', move.entersServer);
  } else {
    await world.setInAdministrationMenu(move.setsInAdministrationMenu);
  }
}
