import { Given, Then, type DataTable } from '@cucumber/cucumber';
import type { Fault } from '../support/faults';
import type { ProvisioningWorld } from '../support/world';

Given("the configuration server {url} holds the site's settings", function (this: ProvisioningWorld, url: string) {
  this.site.holdsSettings(url);
});

Given('the configuration server {url} holds these settings:', function (this: ProvisioningWorld, url: string, file: string) {
  this.site.holdsSettings(url, file);
});

Given('the configuration server {url} holds these settings, saved with Windows line endings:', function (this: ProvisioningWorld, url: string, file: string) {
  this.site.holdsSettings(url, file.replace(/\n/g, '\r\n'));
});

Given('the configuration server {url} also holds the settings file {string}:', function (this: ProvisioningWorld, url: string, name: string, file: string) {
  this.site.holdsFile(url, name, file);
});

Given('the configuration server {url} holds a settings file of {int} KiB', function (this: ProvisioningWorld, url: string, kib: number) {
  this.site.holdsSettingsOfSize(url, kib);
});

Given('the configuration server {url} holds a settings file written in Latin-1', function (this: ProvisioningWorld, url: string) {
  this.site.holdsLatin1Settings(url);
});

Given('the configuration server {url} {fault}', function (this: ProvisioningWorld, url: string, fault: Fault) {
  this.site.serverFails(url, fault);
});

Then('the phone is provisioned from {url}', function (this: ProvisioningWorld, url: string) {
  this.expect.provisionedFrom(url);
});

Then('the phone uses the setting {word} {string}', function (this: ProvisioningWorld, name: string, value: string) {
  this.expect.setting(name, value);
});

Then('the phone uses these settings and no others:', function (this: ProvisioningWorld, settings: DataTable) {
  this.expect.settingsExactly(settings.rowsHash());
});

Then('the phone tried the configuration servers {url} and {url} in that order', function (this: ProvisioningWorld, first: string, second: string) {
  this.expect.askedServersInOrder([first, second]);
});

Then('the phone fetched {string}, then {string} from the configuration server {url}, and nothing else', function (this: ProvisioningWorld, first: string, second: string, url: string) {
  this.expect.fetchedFiles(url, [first, second]);
});

Then('the phone looked up the name {url}', function (this: ProvisioningWorld, name: string) {
  this.expect.lookedUp(name);
});

Then('the phone tried the configuration server {url} and no other', function (this: ProvisioningWorld, url: string) {
  this.expect.askedServersInOrder([url]);
});

Then('the phone has no setting {word}', function (this: ProvisioningWorld, name: string) {
  this.expect.noSetting(name);
});

Then('the phone contacted no configuration server', function (this: ProvisioningWorld) {
  this.expect.neverContacted('configuration server');
});

Then('the phone never contacted the configuration server {url}', function (this: ProvisioningWorld, url: string) {
  this.expect.neverContactedServer(url);
});

Given('the configuration server {url} cannot be reached', function (this: ProvisioningWorld, url: string) {
  this.site.serverFails(url, 'absent');
});

Then("the phone has the site's settings", function (this: ProvisioningWorld) {
  this.expect.hasSiteSettings();
});
