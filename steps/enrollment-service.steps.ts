import { Given, Then, When } from '@cucumber/cucumber';
import type { Fault } from '../support/faults';
import type { ProvisioningWorld } from '../support/world';

Given('DES assigns the phone to the configuration server {url}', function (this: ProvisioningWorld, url: string) {
  this.network.des.assign(url);
});

Given('DES has no configuration server for the phone', function (this: ProvisioningWorld) {
  this.network.des.knowsNoServer();
});

Given('DES accepts the enrollment code {code} for the configuration server {url}', function (this: ProvisioningWorld, code: string, url: string) {
  this.network.des.acceptCode(code, url);
});

Given('DES accepts the enrollment code {code} but still has no configuration server for the phone', function (this: ProvisioningWorld, code: string) {
  this.network.des.acceptCode(code);
});

Given('the enrollment code {code} has expired', function (this: ProvisioningWorld, code: string) {
  this.network.des.expireCode(code);
});

Given('DES {fault}', function (this: ProvisioningWorld, fault: Fault) {
  this.site.desFails(fault);
});

Then('the phone asked DES {int} time(s)', function (this: ProvisioningWorld, times: number) {
  this.expect.askedDes(times);
});

Then('the phone asked DES again, this time with the enrollment code {code}', function (this: ProvisioningWorld, code: string) {
  this.expect.askedDes(2);
  this.expect.lastAskedDesWith(code);
});

Then('the phone never contacted DES', function (this: ProvisioningWorld) {
  this.expect.neverContacted('DES');
});

Then('the phone asked DES only after DHCP and LLDP found nothing', function (this: ProvisioningWorld) {
  this.expect.searchedLocallyBeforeDes();
});

Then('the phone reached DES only over TLS at des.avaya.com', function (this: ProvisioningWorld) {
  this.expect.reachedDesOnlyOverTls();
});

Given('DES leaves the provisioning URL out of its reply', function (this: ProvisioningWorld) {
  this.network.des.replyWith('no provisioning URL');
});

Given('DES sends the bare provisioning URL instead of its usual reply', function (this: ProvisioningWorld) {
  this.network.des.replyWith('bare provisioning URL');
});

Given('DES rejects enrollment codes without saying why', function (this: ProvisioningWorld) {
  this.network.des.replyWith('no refusal reason');
});

// --- the product layer: what DES knows, in business words -------------------------------

Given('DES names the configuration server {url}', function (this: ProvisioningWorld, url: string) {
  this.network.des.assign(url);
  this.site.holdsSettings(url);
});

Given('DES names the configuration server {url}, which cannot be reached', function (this: ProvisioningWorld, url: string) {
  this.network.des.assign(url);
  this.site.serverFails(url, 'absent');
});

Given('DES names the configuration server {url} for the enrollment code {code}', function (this: ProvisioningWorld, url: string, code: string) {
  this.network.des.acceptCode(code, url);
  this.site.holdsSettings(url);
});

Given('DES cannot be reached', function (this: ProvisioningWorld) {
  this.site.desFails('absent');
});

Given('DES answers with an error', function (this: ProvisioningWorld) {
  this.site.desFails({ status: 500 });
});

Then('the phone never asked for an enrollment code', function (this: ProvisioningWorld) {
  this.expect.neverShowed('enrollment code prompt');
});

Then('the phone reached DES only over a secure connection', function (this: ProvisioningWorld) {
  this.expect.reachedDesOnlyOverTls();
});

/** ASSUME-33: DES gets a server for the phone only after the phone has come to rest at its prompt. */
When('DES names the configuration server {url} once the phone waits at its prompt', async function (this: ProvisioningWorld, url: string) {
  await this.settle();
  this.site.holdsSettings(url);
  this.network.des.assign(url);
});
