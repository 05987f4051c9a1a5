import { Given, Then } from '@cucumber/cucumber';
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

Given('the DHCP server offers no configuration server', function (this: ProvisioningWorld) {
  this.site.dhcpOffersNoServer();
});

Given('the switch announces the file server {ip} over LLDP', function (this: ProvisioningWorld, ip: string) {
  this.site.switchAnnounces([ip], 1000);
});

Given('the switch announces the file server {ip} over LLDP after {duration}', function (this: ProvisioningWorld, ip: string, ms: number) {
  this.site.switchAnnounces([ip], ms);
});

Given('the switch sends LLDP without a file server', function (this: ProvisioningWorld) {
  this.site.switchAnnounces([], 1000);
});

Then('the phone never consulted DHCP or LLDP', function (this: ProvisioningWorld) {
  this.expect.neverContacted('DHCP');
  this.expect.neverContacted('LLDP');
});

Then('the phone searched with DHCP and LLDP', function (this: ProvisioningWorld) {
  this.expect.contacted('DHCP');
  this.expect.contacted('LLDP');
});
