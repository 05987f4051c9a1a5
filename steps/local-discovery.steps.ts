import { Given, Then } from '@cucumber/cucumber';
import { consecutiveAddresses, type LldpDamage, type LldpLayout, type Option43Damage, type Option43Ending } from '../support/site';
import type { ProvisioningWorld } from '../support/world';

Given('the DHCP server offers the site-specific option {string}', function (this: ProvisioningWorld, sson: string) {
  this.site.dhcpOffersSson(sson);
});

Given('the DHCP server offers the site-specific option {string} after {duration}', function (this: ProvisioningWorld, sson: string, ms: number) {
  this.site.dhcpOffersSson(sson, ms);
});

Given("the DHCP server offers Avaya's vendor option naming the server {string}", function (this: ProvisioningWorld, servers: string) {
  this.site.dhcpOffersVendorOption(servers);
});

Given("the DHCP server offers Avaya's vendor option naming the server {string} {option 43 damage}", function (this: ProvisioningWorld, server: string, damage: Option43Damage) {
  this.site.dhcpOffersDamagedVendorOption(server, damage);
});

Given("the DHCP server offers Avaya's vendor option naming the server {string} {option 43 ending}", function (this: ProvisioningWorld, server: string, ending: Option43Ending) {
  this.site.dhcpOffersVendorOptionEnding(server, ending);
});

Given("the DHCP server offers Avaya's vendor option with the settings {string}", function (this: ProvisioningWorld, settings: string) {
  this.site.dhcpOffersVendorSettings(settings);
});

Given('the DHCP server names the next server {ip} in its reply', function (this: ProvisioningWorld, ip: string) {
  this.site.dhcpNamesNextServer(ip);
});

Given("the DHCP server offers another vendor's option 43 naming the server {string}", function (this: ProvisioningWorld, server: string) {
  this.site.dhcpOffersOtherVendorsOption(server);
});

Given('the DHCP server offers a site-specific option whose HTTPDIR is {int} characters long', function (this: ProvisioningWorld, length: number) {
  this.site.dhcpOffersSson(`HTTPSRVR=192.0.2.50,HTTPDIR=${'d'.repeat(length)}`);
});

Given('there is no DHCP server on the network', function (this: ProvisioningWorld) {
  this.site.noDhcpServer();
});

Given('the DHCP server offers no configuration server', function (this: ProvisioningWorld) {
  this.site.dhcpOffersNoServer();
});

Given('the switch announces the file server {ip} over LLDP', function (this: ProvisioningWorld, ip: string) {
  this.site.switchAnnounces([ip], 1000);
});

Given('the switch announces the file server {ip} over LLDP after {duration}', function (this: ProvisioningWorld, ip: string, ms: number) {
  this.site.switchAnnounces([ip], ms);
});

Given('the switch announces the file server {ip} over LLDP in a frame {lldp damage}', function (this: ProvisioningWorld, ip: string, damage: LldpDamage) {
  this.site.switchAnnouncesDamaged(ip, damage, 1000);
});

Given('the switch announces the file server {ip} over LLDP in a frame {lldp layout}', function (this: ProvisioningWorld, ip: string, layout: LldpLayout) {
  this.site.switchAnnouncesLaidOut(ip, layout);
});

Given('the switch announces the file servers {ip} and {ip} over LLDP', function (this: ProvisioningWorld, first: string, second: string) {
  this.site.switchAnnounces([first, second], 1000);
});

Given('the switch announces the file server {ip} and the call server {ip} over LLDP', function (this: ProvisioningWorld, fileServer: string, callServer: string) {
  this.site.switchAnnouncesWithCallServer(fileServer, callServer);
});

Given('the switch announces {int} file servers over LLDP', function (this: ProvisioningWorld, count: number) {
  this.site.switchAnnounces(consecutiveAddresses('192.0.2.61', count), 1000);
});

Given('the switch announces {int} file servers over LLDP, the first of them {ip}', function (this: ProvisioningWorld, count: number, first: string) {
  this.site.switchAnnounces(consecutiveAddresses(first, count), 1000);
});

Given('the switch sends no LLDP at all', function (this: ProvisioningWorld) {
  this.site.switchSendsNothing();
});

Then('the phone never asked DHCP or LLDP for a configuration server', function (this: ProvisioningWorld) {
  this.expect.neverContacted('DHCP');
  this.expect.neverContacted('LLDP');
});

Then('the phone searched with DHCP and LLDP', function (this: ProvisioningWorld) {
  this.expect.contacted('DHCP');
  this.expect.contacted('LLDP');
});

Then('the phone gave up the search {duration} after it began', function (this: ProvisioningWorld, ms: number) {
  this.expect.searchLasted(ms);
});

Then('the phone ended its search within {duration}', function (this: ProvisioningWorld, ms: number) {
  this.expect.endedSearchWithin(ms);
});

// --- the product layer: what the local network names, in business words -----------------

Given('the DHCP server names the configuration server {url}', function (this: ProvisioningWorld, url: string) {
  this.site.dhcpOffersSson(`HTTPSRVR=${url}`);
  this.site.holdsSettings(url);
});

Given('the DHCP server names the configuration server {url}, which cannot be reached', function (this: ProvisioningWorld, url: string) {
  this.site.dhcpOffersSson(`HTTPSRVR=${url}`);
  this.site.serverFails(url, 'absent');
});

Given('the switch names the configuration server {url}', function (this: ProvisioningWorld, url: string) {
  this.site.switchAnnounces([url], 1000);
  this.site.holdsSettings(url);
});

Given('the switch names the configuration server {url} after {duration}', function (this: ProvisioningWorld, url: string, ms: number) {
  this.site.switchAnnounces([url], ms);
  this.site.holdsSettings(url);
});

Given('neither DHCP nor the switch names a configuration server', function (this: ProvisioningWorld) {
  this.site.dhcpOffersNoServer();
  this.site.switchAnnounces([], 1000);
});
