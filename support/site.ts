/** Setting up the site the phone boots into: DES's records, configuration servers, DHCP, the switch. */
import { avayaTlv, encodeAvayaOption43, encodeLldpFrame } from './network/encodings';
import type { StubNetwork } from './network/stub-network';
import { AVAYA_VENDOR_OPTION, SSON_OPTION } from './network/local-network';
import type { ConfigurationServer } from './network/configuration-server';
import type { Fault } from './faults';
import type { ServerAddress } from './phone/formats/server-address';

/** The site's side of the contract, written down here rather than taken from the phone under test. */
const SETTINGS_FILE = '46xxsettings.txt';

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

/** Ways a well-formed Avaya option 43 may end, as DHCP servers send it (RFC 2132 Pad and End). */
export const OPTION_43_ENDINGS = [
  'padded at the end',
  'closed with an End byte',
  'followed by an empty sub-option the phone does not use',
] as const;
export type Option43Ending = (typeof OPTION_43_ENDINGS)[number];
const OPTION_43_PAD = 0;
const OPTION_43_END = 255;
/** Sub-option 6 has no meaning for the phone (2 to 5 and 7 do). */
const UNUSED_SUBOPTION = 6;

/** Option 43 sub-options by the setting names the site-specific option uses. */
const OPTION_43_SETTINGS = { HTTPSRVR: 'httpServers', HTTPDIR: 'httpDir', HTTPPORT: 'httpPort', TLSSRVR: 'tlsServers', TLSPORT: 'tlsPort' } as const;

/** Ways a switch's LLDP frame arrives damaged or foreign, as QA names them. */
export const LLDP_DAMAGES = [
  'cut off in the middle',
  'cut off inside its End TLV',
  'without its End TLV',
  'with stray bytes after the address',
  "under another organisation's OUI",
  'cut off after its Chassis ID',
  'without its TTL',
  'with an End TLV that is not empty',
  'with an organisationally specific TLV too short for its subtype',
  'with the address left out',
  'padded to 1501 bytes',
] as const;
export type LldpDamage = (typeof LLDP_DAMAGES)[number];

/** Unusual but well-formed LLDP frames a switch may send. */
export const LLDP_LAYOUTS = ['padded to 1500 bytes', 'after an organisationally specific TLV of only an OUI and subtype'] as const;
export type LldpLayout = (typeof LLDP_LAYOUTS)[number];
/** Avaya's LLDP subtype for the call server, which is not a file server. */
const CALL_SERVER_SUBTYPE = 3;

/** IEEE 802.3's OUI: a real organisationally specific TLV that is not Avaya's. */
const IEEE_802_3_OUI = [0x00, 0x12, 0x0f] as const;
/** Cisco's IANA enterprise number: an option 43 meant for other phones. */
const CISCO_ENTERPRISE_NUMBER = 9;

/**
 * A server address as the suite writes it, read with Node's URL parser rather than the phone's own,
 * so that a fault in the phone's parser or formatter cannot hide itself. A bare address means http.
 */
function siteUrl(text: string): URL {
  const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The feature names a server "${text}" that is not http or https.`);
  return url;
}

export function serverAddress(text: string): ServerAddress {
  let address = serverAddresses.get(text);
  if (!address) {
    const url = siteUrl(text);
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    address = Object.freeze({ scheme, host: url.hostname, port: Number(url.port) || (scheme === 'https' ? 443 : 80), path: url.pathname });
    serverAddresses.set(text, address);
  }
  return address;
}

/** Addresses already read: a boot campaign sets up the same few servers thousands of times, and parsing a URL costs more than the rest. */
const serverAddresses = new Map<string, ServerAddress>();

/** The address as the phone should report it: default port left out, path always starting with "/". */
export const canonical = (text: string): string => {
  const url = siteUrl(text);
  return `${url.protocol}//${url.host}${url.pathname}`;
};

/** `count` IPv4 addresses counting up from `first`, e.g. 192.0.2.61, 192.0.2.62, … */
export function consecutiveAddresses(first: string, count: number): string[] {
  const [a, b, c, d = 0] = first.split('.').map(Number);
  return Array.from({ length: count }, (_, i) => `${a}.${b}.${c}.${d + i}`);
}

export class Site {
  /** The options of the DHCP server's offer: each Given adds one, so an offer can carry several. */
  private readonly dhcpOptions = new Map<number, string | Uint8Array>();
  private readonly dhcpDescriptions: string[] = [];
  private nextServer: string | undefined;

  constructor(private readonly network: StubNetwork) {}

  configurationServer(url: string): ConfigurationServer {
    const { scheme, host, port } = serverAddress(url);
    return this.network.configurationServer({ host, port, secure: scheme === 'https' });
  }

  holdsSettings(url: string, content: string | Uint8Array = SITE_SETTINGS): void {
    this.holdsFile(url, SETTINGS_FILE, content);
  }

  /** A file beside the settings file, in the server's directory, such as one the settings file includes with GET. */
  holdsFile(url: string, file: string, content: string | Uint8Array): void {
    this.configurationServer(url).serve(`${serverAddress(url).path.replace(/\/?$/, '/')}${file}`, content);
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

  /** Settings written as in the site-specific option, e.g. `TLSSRVR=192.0.2.52,HTTPDIR=j100`, sent as option 43 sub-options. */
  dhcpOffersVendorSettings(settings: string): void {
    const suboptions: Partial<Record<(typeof OPTION_43_SETTINGS)[keyof typeof OPTION_43_SETTINGS], string>> = {};
    for (const pair of settings.split(/,(?=[A-Z]+=)/)) {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (!(name in OPTION_43_SETTINGS)) throw new Error(`The feature names "${name}", which option 43 has no sub-option for.`);
      suboptions[OPTION_43_SETTINGS[name as keyof typeof OPTION_43_SETTINGS]] = value;
    }
    const bytes = encodeAvayaOption43(suboptions);
    this.offerDhcpOption(AVAYA_VENDOR_OPTION, bytes, `option ${AVAYA_VENDOR_OPTION} (Avaya, ${bytes.length} bytes) ${settings}`);
  }

  dhcpOffersVendorOptionEnding(httpServers: string, ending: Option43Ending): void {
    const trailingBytes: Record<Option43Ending, readonly number[]> = {
      'padded at the end': [OPTION_43_PAD, OPTION_43_PAD, OPTION_43_PAD],
      'closed with an End byte': [OPTION_43_END],
      'followed by an empty sub-option the phone does not use': [UNUSED_SUBOPTION, 0],
    };
    const bytes = encodeAvayaOption43({ httpServers, trailingBytes: trailingBytes[ending] });
    this.offerDhcpOption(AVAYA_VENDOR_OPTION, bytes, `option ${AVAYA_VENDOR_OPTION} (Avaya, ${bytes.length} bytes) HTTPSRVR=${httpServers}, ${ending}`);
  }

  /** siaddr, the "next server" field of the DHCP reply. */
  dhcpNamesNextServer(address: string): void {
    this.nextServer = address;
    this.answerDhcp(`next server (siaddr) ${address}`);
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
    this.nextServer = undefined;
    this.dhcpOptions.clear();
    this.dhcpDescriptions.length = 0;
    this.network.dhcp.answerWith({ options: new Map() }, 'no provisioning options');
  }

  noDhcpServer(): void {
    this.network.dhcp.leave();
  }

  /** A DHCP server (back) on the network, leasing addresses with no provisioning options. */
  dhcpServerArrives(): void {
    this.network.dhcp.arrive();
  }

  switchAnnounces(fileServers: readonly string[], afterMs: number): void {
    const frame = encodeLldpFrame(fileServers.length ? { fileServers } : {});
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
      'cut off after its Chassis ID': () => encodeLldpFrame({ mandatoryTlvs: 1, endTlv: false }),
      'without its TTL': () => encodeLldpFrame({ fileServers, mandatoryTlvs: 2 }),
      'with an End TLV that is not empty': () => encodeLldpFrame({ fileServers, endTlvBytes: 2 }),
      'with an organisationally specific TLV too short for its subtype': () => encodeLldpFrame({ fileServers, otherTlvs: [[127, [...IEEE_802_3_OUI]]] }),
      'with the address left out': () => encodeLldpFrame({ fileServers: [] }),
      'padded to 1501 bytes': () => encodeLldpFrame({ fileServers, padTo: 1501 }),
    };
    const frame = frames[damage]();
    this.network.switch.announce(frame, afterMs, `${frame.length} bytes, file server ${fileServer}, ${damage}`);
  }

  switchAnnouncesLaidOut(fileServer: string, layout: LldpLayout): void {
    const fileServers = [fileServer];
    const frames: Record<LldpLayout, () => Uint8Array> = {
      'padded to 1500 bytes': () => encodeLldpFrame({ fileServers, padTo: 1500 }),
      'after an organisationally specific TLV of only an OUI and subtype': () => encodeLldpFrame({ fileServers, otherTlvs: [[127, [...IEEE_802_3_OUI, 1]]] }),
    };
    const frame = frames[layout]();
    this.network.switch.announce(frame, 1000, `${frame.length} bytes, file server ${fileServer}, ${layout}`);
  }

  /** One frame with Avaya's call-server TLV first, then its file-server TLV. */
  switchAnnouncesWithCallServer(fileServer: string, callServer: string): void {
    const frame = encodeLldpFrame({ fileServers: [fileServer], otherTlvs: [avayaTlv(CALL_SERVER_SUBTYPE, callServer)] });
    this.network.switch.announce(frame, 1000, `${frame.length} bytes, Avaya call server TLV ${callServer}, file server TLV ${fileServer}`);
  }

  switchSendsNothing(): void {
    this.network.switch.silence();
  }

  private offerDhcpOption(option: number, value: string | Uint8Array, description: string, afterMs?: number): void {
    this.dhcpOptions.set(option, value);
    this.answerDhcp(description, afterMs);
  }

  /** Each Given adds to one offer: the DHCP server answers with all of it. */
  private answerDhcp(description: string, afterMs?: number): void {
    this.dhcpDescriptions.push(description);
    const nextServer = this.nextServer === undefined ? {} : { nextServer: this.nextServer };
    this.network.dhcp.answerWith({ ...nextServer, options: new Map(this.dhcpOptions) }, this.dhcpDescriptions.join('; '), afterMs);
  }
}
