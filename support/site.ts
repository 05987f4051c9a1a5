/** Setting up the site the phone boots into: DES's records, configuration servers, DHCP, the switch. */
import { encodeAvayaOption43, encodeLldpFrame } from './network/encodings';
import type { StubNetwork } from './network/stub-network';
import type { ConfigurationServer } from './network/configuration-server';
import type { Fault } from './faults';
import { formatServerAddress, parseServerAddress, type ServerAddress } from './phone/formats/server-address';

/** The site's side of the contract, written down here rather than taken from the phone under test. */
const SETTINGS_FILE = '46xxsettings.txt';
const SSON_OPTION = 242;
const AVAYA_VENDOR_OPTION = 43;

export const SITE_SETTINGS = [
  '## 46xxsettings.txt of the example site',
  'SET SIP_CONTROLLER_LIST "sbc.example.com:5061;transport=tls"',
  'SET SIPDOMAIN example.com',
  '',
].join('\n');

/** A file that is not a settings file at all: what a misconfigured server sends. */
const GARBLED_FILE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

/** Ways Avaya's DHCP option 43 arrives damaged, as QA names them. */
export const OPTION_43_DAMAGES = [
  'cut off in the middle of the server name',
  'cut off after a sub-option number',
  'with a control character after the server name',
] as const;
export type Option43Damage = (typeof OPTION_43_DAMAGES)[number];

/** Ways a switch's LLDP frame arrives damaged or foreign, as QA names them. */
export const LLDP_DAMAGES = [
  'cut off in the middle',
  'cut off inside its End TLV',
  'without its End TLV',
  'with stray bytes after the address',
  "under another organisation's OUI",
] as const;
export type LldpDamage = (typeof LLDP_DAMAGES)[number];

/** IEEE 802.3's OUI: a real organisationally specific TLV that is not Avaya's. */
const IEEE_802_3_OUI = [0x00, 0x12, 0x0f] as const;
/** Cisco's IANA enterprise number: an option 43 meant for other phones. */
const CISCO_ENTERPRISE_NUMBER = 9;

/** A server address as the suite writes it; an invalid one is a mistake in the feature, not the phone. */
export function serverAddress(text: string): ServerAddress {
  const parsed = parseServerAddress(text);
  if (!parsed.ok) throw new Error(`The feature names an invalid server "${text}": ${parsed.error}`);
  return parsed.value;
}

export const canonical = (text: string): string => formatServerAddress(serverAddress(text));

export class Site {
  /** The options of the DHCP server's offer: each Given adds one, so an offer can carry several. */
  private readonly dhcpOptions = new Map<number, string | Uint8Array>();
  private readonly dhcpDescriptions: string[] = [];

  constructor(private readonly network: StubNetwork) {}

  configurationServer(url: string): ConfigurationServer {
    const { scheme, host, port } = serverAddress(url);
    return this.network.configurationServer({ host, port, secure: scheme === 'https' });
  }

  holdsSettings(url: string, content: string | Uint8Array = SITE_SETTINGS): void {
    const address = serverAddress(url);
    this.configurationServer(url).serve(`${address.path.replace(/\/?$/, '/')}${SETTINGS_FILE}`, content);
  }

  /** The site's settings, padded with a comment to exactly `kib` KiB. */
  holdsSettingsOfSize(url: string, kib: number): void {
    const padding = kib * 1024 - Buffer.byteLength(SITE_SETTINGS) - '## \n'.length;
    this.holdsSettings(url, `${SITE_SETTINGS}## ${'-'.repeat(padding)}\n`);
  }

  /** A settings file saved by an editor that writes Latin-1, not UTF-8: its "ü" is one byte no UTF-8 text has. */
  holdsLatin1Settings(url: string): void {
    this.holdsSettings(url, Uint8Array.from(Buffer.from(`${SITE_SETTINGS}SET LOCATION "Zürich"\n`, 'latin1')));
  }

  serverFails(url: string, fault: Fault): void {
    if (fault === 'malformed reply') this.holdsSettings(url, GARBLED_FILE);
    else this.configurationServer(url).fail(fault);
  }

  desFails(fault: Fault): void {
    this.network.des.fail(fault);
  }

  dhcpOffersSson(sson: string, afterMs?: number): void {
    this.offerDhcpOption(SSON_OPTION, sson, `option ${SSON_OPTION} "${sson}"`, afterMs);
  }

  dhcpOffersVendorOption(httpServers: string): void {
    const bytes = encodeAvayaOption43({ httpServers });
    this.offerDhcpOption(AVAYA_VENDOR_OPTION, bytes, `option ${AVAYA_VENDOR_OPTION} (Avaya, ${bytes.length} bytes) HTTPSRVR=${httpServers}`);
  }

  dhcpOffersDamagedVendorOption(httpServers: string, damage: Option43Damage): void {
    const intact = encodeAvayaOption43({ httpServers });
    const damaged: Record<Option43Damage, () => Uint8Array> = {
      'cut off in the middle of the server name': () => intact.slice(0, -3),
      'cut off after a sub-option number': () => Uint8Array.from([...intact, 3]),
      'with a control character after the server name': () => encodeAvayaOption43({ httpServers: `${httpServers}\u0007` }),
    };
    const bytes = damaged[damage]();
    this.offerDhcpOption(AVAYA_VENDOR_OPTION, bytes, `option ${AVAYA_VENDOR_OPTION} (Avaya, ${bytes.length} bytes) HTTPSRVR=${httpServers}, ${damage}`);
  }

  dhcpOffersOtherVendorsOption(httpServers: string): void {
    const bytes = encodeAvayaOption43({ httpServers, enterpriseNumber: CISCO_ENTERPRISE_NUMBER });
    this.offerDhcpOption(AVAYA_VENDOR_OPTION, bytes, `option ${AVAYA_VENDOR_OPTION} (enterprise ${CISCO_ENTERPRISE_NUMBER}, ${bytes.length} bytes)`);
  }

  dhcpOffersNoServer(): void {
    this.dhcpOptions.clear();
    this.dhcpDescriptions.length = 0;
    this.network.dhcp.answerWith({ options: new Map() }, 'a lease with no site-specific option');
  }

  noDhcpServer(): void {
    this.network.dhcp.leave();
  }

  switchAnnounces(fileServers: readonly string[], afterMs: number): void {
    const frame = encodeLldpFrame({ fileServers });
    const what = fileServers.length ? `Avaya file server TLV ${fileServers.join(', ')}` : 'no Avaya file server TLV';
    this.network.switch.announce(frame, afterMs, `${frame.length} bytes, ${what}`);
  }

  switchAnnouncesDamaged(fileServer: string, damage: LldpDamage, afterMs: number): void {
    const fileServers = [fileServer];
    const frames: Record<LldpDamage, () => Uint8Array> = {
      'cut off in the middle': () => encodeLldpFrame({ fileServers }).slice(0, -4),
      'cut off inside its End TLV': () => encodeLldpFrame({ fileServers }).slice(0, -1),
      'without its End TLV': () => encodeLldpFrame({ fileServers, endTlv: false }),
      'with stray bytes after the address': () => encodeLldpFrame({ fileServers, strayBytes: 2 }),
      "under another organisation's OUI": () => encodeLldpFrame({ fileServers, oui: IEEE_802_3_OUI }),
    };
    const frame = frames[damage]();
    this.network.switch.announce(frame, afterMs, `${frame.length} bytes, file server ${fileServer}, ${damage}`);
  }

  switchSendsNothing(): void {
    this.network.switch.silence();
  }

  private offerDhcpOption(option: number, value: string | Uint8Array, description: string, afterMs?: number): void {
    this.dhcpOptions.set(option, value);
    this.dhcpDescriptions.push(description);
    this.network.dhcp.answerWith({ options: new Map(this.dhcpOptions) }, this.dhcpDescriptions.join('; '), afterMs);
  }
}
