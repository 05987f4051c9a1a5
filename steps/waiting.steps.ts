/** What happens while the phone waits: for an address (ASSUME-31), for someone to come (ASSUME-33), for time to pass. */
import { Given, Then, When } from '@cucumber/cucumber';
import type { Softkey } from '../support/phone/ports';
import { reachServerPrompt } from '../support/routes';
import type { ProvisioningWorld } from '../support/world';

/** RFC 2131 retries at 4, 8, 16 … s: three requests show the phone kept asking rather than asked once. */
const KEEPS_ASKING = 3;

Then('the phone shows that it has no network', function (this: ProvisioningWorld) {
  this.expect.isIn('waiting for network');
  this.expect.shows('no network');
});

Then('the phone keeps asking DHCP for an address', function (this: ProvisioningWorld) {
  this.expect.keptAskingForAddress(KEEPS_ASKING);
});

/** ASSUME-31 with RFC 2131's retransmission: the first request at once, then each wait twice the last, up to the cap. */
Then('the phone asked DHCP for an address at once, then at doubling intervals of at most {int} seconds', function (this: ProvisioningWorld, seconds: number) {
  this.expect.askedForAddressAtDoublingIntervals(seconds * 1000);
});

Then('the phone asked DHCP for an address only once', function (this: ProvisioningWorld) {
  this.expect.askedForAddressOnce();
});

Then('the phone asked DHCP for its network address only', function (this: ProvisioningWorld) {
  this.expect.gotAddressOnly();
});

When('a DHCP server comes onto the network', function (this: ProvisioningWorld) {
  this.dhcpServerArrives();
});

/** Time passes for the phone too: only a phone that keeps asking sees the server come. */
When('a DHCP server comes onto the network {duration} later', async function (this: ProvisioningWorld, ms: number) {
  await this.letTimePass(ms);
  this.dhcpServerArrives();
});

/** Once the phone has done what it does next, nobody touches it: only time passes, for the phone and the site alike. */
When('{duration} pass(es)', async function (this: ProvisioningWorld, ms: number) {
  await this.settle();
  await this.letTimePass(ms);
});

/** The site changes once the phone has reached where it waits. */
When('DES is given the configuration server {url} for the phone', async function (this: ProvisioningWorld, url: string) {
  await this.settle();
  this.network.des.assign(url);
});

Given('a new phone boots on a network without a DHCP server', async function (this: ProvisioningWorld) {
  this.site.noDhcpServer();
  await this.powerOn();
});

Given('a new phone is asking for the configuration server by hand', async function (this: ProvisioningWorld) {
  await this.powerOn();
  await reachServerPrompt(this);
});

Given('the phone was left unprovisioned', async function (this: ProvisioningWorld) {
  await this.powerOn();
  await reachServerPrompt(this);
  await this.press('Cancel');
  await this.settle();
  this.expect.isIn('unprovisioned');
});

Given('the phone is waiting for an address after Yes', async function (this: ProvisioningWorld) {
  this.site.noDhcpServer();
  await this.powerOn();
  await this.answer('Yes');
  await this.settle();
  this.expect.isIn('waiting for network');
});

When('the user presses {softkey} while the phone is asking DES again', async function (this: ProvisioningWorld, key: Softkey) {
  await this.whileAskingDesAgain(() => this.keypad.press(key));
});

When('the user enters the enrollment code {code} while the phone is asking DES again', async function (this: ProvisioningWorld, code: string) {
  await this.whileAskingDesAgain(() => this.keypad.enter(code, true));
});
