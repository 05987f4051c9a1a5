import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import type { ManualForm } from '../support/expectations';
import { LOCKOUT_MINUTES, WRONG_CODES_BEFORE_LOCKOUT } from '../support/network/des-service';
import { reachCodePrompt, reachDetailsPrompt, reachServerPrompt } from '../support/routes';
import type { Service } from '../support/network/traffic';
import type { Notice, ScreenKind, Softkey, SoftkeyRole } from '../support/phone/ports';
import { canonical } from '../support/site';
import type { ProvisioningWorld } from '../support/world';

When('the user presses {softkey}', async function (this: ProvisioningWorld, key: Softkey) {
  await this.press(key);
});

When('the user enters the enrollment code {code}', async function (this: ProvisioningWorld, code: string) {
  await this.enterCode(code);
});

When('the user enters these enrollment codes one after another:', async function (this: ProvisioningWorld, codes: DataTable) {
  for (const [code = ''] of codes.raw()) await this.enterCode(code);
});

When('the user enters a configuration server address of {int} characters', async function (this: ProvisioningWorld, length: number) {
  const start = 'https://prov.example.com/';
  await this.enterManually('configuration server', `${start}${'p'.repeat(length - start.length)}`);
});

/** A DNS name of exactly `length` characters, in parts of at most 63 characters. */
When('the user enters a configuration server name of {int} characters', async function (this: ProvisioningWorld, length: number) {
  await this.enterManually('configuration server', Array.from({ length }, (_, at) => (at % 64 === 63 ? '.' : 'p')).join(''));
});

When('the user enters a configuration server name with a part of {int} characters', async function (this: ProvisioningWorld, length: number) {
  await this.enterManually('configuration server', `${'p'.repeat(length)}.example.com`);
});

When('the user enters the {manual form} {url}', async function (this: ProvisioningWorld, form: ManualForm, url: string) {
  await this.enterManually(form, url);
});

When('the installer sets the configuration server {url} in the administration menu', async function (this: ProvisioningWorld, url: string) {
  await this.setInAdministrationMenu(url);
});

When('the installer sets the configuration server {url} in the administration menu instead of typing it', async function (this: ProvisioningWorld, url: string) {
  await this.setInAdministrationMenuAtPrompt(url);
});

Then('the phone showed {screen} with {keys}', function (this: ProvisioningWorld, screen: ScreenKind, keys: SoftkeyRole[]) {
  this.expect.showed(screen, keys);
});

Then('every screen the phone showed fits a desk phone\'s screen', function (this: ProvisioningWorld) {
  this.expect.fitsItsScreen();
});

Then('the phone asks for the enrollment code', function (this: ProvisioningWorld) {
  this.expect.asksForCode();
});

Then('the phone asks for the enrollment code again, saying {notice}', function (this: ProvisioningWorld, notice: Notice) {
  this.expect.asksForCode();
  this.expect.says(notice);
});

Then('the phone asks for the {manual form} by hand', function (this: ProvisioningWorld, form: ManualForm) {
  this.expect.asksByHand(form);
});

Then('the phone asks for the {manual form} by hand, saying {notice}', function (this: ProvisioningWorld, form: ManualForm, notice: Notice) {
  this.expect.asksByHand(form);
  this.expect.says(notice);
});

Then('the phone refuses the code and asks for it again', function (this: ProvisioningWorld) {
  this.expect.isIn('entering code');
  this.expect.refused('enrollment code prompt');
});

Then('the phone refuses the entry and asks for the {manual form} again', function (this: ProvisioningWorld, form: ManualForm) {
  this.expect.refusedEntryAt(form);
});

Then('the phone accepts it and tries to reach that server', function (this: ProvisioningWorld) {
  this.expect.triedTypedServer();
});

Then('the phone refused {int} enrollment code(s) itself', function (this: ProvisioningWorld, times: number) {
  this.expect.refusedEntries(['enrollment code prompt'], times, 'enrollment code(s)');
});

Then('the phone refused {int} server address(es) itself', function (this: ProvisioningWorld, times: number) {
  this.expect.refusedEntries(['configuration server prompt', 'provisioning details prompt'], times, 'server address(es)');
});

Then('the phone shows that it is not provisioned', function (this: ProvisioningWorld) {
  this.expect.isIn('unprovisioned');
  this.expect.shows('not provisioned');
});

Then('the phone showed that DES is checking the enrollment code', function (this: ProvisioningWorld) {
  this.expect.showedCodeBeingChecked();
});

Then('the phone showed that it is getting its settings from {url}', function (this: ProvisioningWorld, url: string) {
  this.expect.showedMeaning({ kind: 'fetching settings', server: canonical(url) });
});

Then('the phone showed that it is provisioned from {url} with the SIP domain {string}', function (this: ProvisioningWorld, url: string, sipDomain: string) {
  this.expect.showedMeaning({ kind: 'provisioned', server: canonical(url), sipDomain });
});

Then('the enrollment code {code} appears nowhere the phone or the suite records', function (this: ProvisioningWorld, code: string) {
  this.expect.neverRecorded(code);
});

Then('the phone gave up on {service} {duration} after contacting it', function (this: ProvisioningWorld, service: Service, ms: number) {
  this.expect.gaveUpOn(service, ms);
});

// --- the shortest routes to a prompt (support/routes.ts), and the lockout ------------------

Given('the phone is asking for the configuration server by hand', async function (this: ProvisioningWorld) {
  await reachServerPrompt(this);
});

Given('the phone is asking for the enrollment code', async function (this: ProvisioningWorld) {
  await reachCodePrompt(this);
});

Given('the phone is asking for the provisioning details by hand', async function (this: ProvisioningWorld) {
  await reachDetailsPrompt(this);
});

When('the user keeps entering wrong enrollment codes until DES locks the phone out', async function (this: ProvisioningWorld) {
  for (let attempt = 1; attempt <= WRONG_CODES_BEFORE_LOCKOUT; attempt++) await this.enterCode(String(11_110_000 + attempt));
});

/** ASSUME-6 without the placeholder: however many minutes DES gives, the phone passes them on. */
Then('the phone asks for the configuration server by hand, saying how long DES locked it out', function (this: ProvisioningWorld) {
  this.expect.asksByHand('configuration server');
  this.expect.says({ kind: 'locked out', minutes: LOCKOUT_MINUTES });
});

Then('the enrollment code {code} is never shown in clear', function (this: ProvisioningWorld, code: string) {
  this.expect.neverShowedInClear(code);
});

/** ASSUME-34 without the placeholder: however many minutes DES gave, they pass. */
When('the lockout DES gave is over', async function (this: ProvisioningWorld) {
  await this.settle();
  await this.letTimePass(LOCKOUT_MINUTES * 60_000);
});

/** ASSUME-34's other side: a minute before the lockout DES gave ends, it still holds. */
When('the lockout DES gave is nearly over', async function (this: ProvisioningWorld) {
  await this.settle();
  await this.letTimePass((LOCKOUT_MINUTES - 1) * 60_000);
});
