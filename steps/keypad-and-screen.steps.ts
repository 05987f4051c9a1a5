import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import type { ManualForm } from '../support/expectations';
import type { Service } from '../support/network/traffic';
import type { Softkey } from '../support/phone/ports';
import type { ProvisioningWorld } from '../support/world';

Given('the phone is asking for the configuration server by hand', async function (this: ProvisioningWorld) {
  await this.reachServerPrompt();
});

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

Then('the phone shows {string}', function (this: ProvisioningWorld, title: string) {
  this.expect.shows(title);
});

Then('the phone showed {string} with {hint} and {keys}', function (this: ProvisioningWorld, title: string, hint: string | undefined, keys: string[]) {
  this.expect.showed({ title, detail: hint, softkeys: keys });
});

Then('the phone asks for the enrollment code', function (this: ProvisioningWorld) {
  this.expect.isIn('entering code');
  this.expect.shows('Enter enrollment code');
});

Then('the phone asks for the {manual form} by hand', function (this: ProvisioningWorld, form: ManualForm) {
  this.expect.asksByHand(form);
});

Then('the phone refuses it, saying {message}', function (this: ProvisioningWorld, message: string) {
  this.expect.refused(message);
});

Then('the phone accepts it and tries to reach that server', function (this: ProvisioningWorld) {
  this.expect.triedTypedServer();
});

Then('the phone tells the user {message}', function (this: ProvisioningWorld, text: string) {
  this.expect.told(text);
});

Then('the phone refused {int} enrollment codes itself', function (this: ProvisioningWorld, times: number) {
  this.expect.refusedCodesOnThePhone(times);
});

Then('the phone shows that it is not provisioned', function (this: ProvisioningWorld) {
  this.expect.isIn('unprovisioned');
  this.expect.shows('Not provisioned');
});

Then('the enrollment code {code} appears nowhere the phone or the suite records', function (this: ProvisioningWorld, code: string) {
  this.expect.neverRecorded(code);
});

Then('the phone gave up on {service} {duration} after contacting it', function (this: ProvisioningWorld, service: Service, ms: number) {
  this.expect.gaveUpOn(service, ms);
});
