/** Setting up the site the phone boots into: DES's records, configuration servers, DHCP, the switch. */
import { encodeAvayaOption43, encodeLldpFrame } from './network/encodings';
import type { StubNetwork } from './network/stub-network';
import type { ConfigurationServer } from './network/configuration-server';
import type { Fault } from './faults';
import { formatServerAddress, parseServerAddress, type ServerAddress } from './phone/formats/server-address';
import { SETTINGS_FILE } from './phone/services/settings-client';
import { AVAYA_VENDOR_OPTION, SSON_OPTION } from './phone/services/local-discovery';

export const SITE_SETTINGS = [
  '## 46xxsettings.txt of the example site',
  'SET SIP_CONTROLLER_LIST "sbc.example.com:5061;transport=tls"',
  'SET SIPDOMAIN example.com',
  '',
].join('\n');

/** A file that is not a settings file at all: what a misconfigured server sends. */
const GARBLED_FILE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

/** A server address as the suite writes it; an invalid one is a mistake in the feature, not the phone. */
export function serverAddress(text: string): ServerAddress {
  const parsed = parseServerAddress(text);
  if (!parsed.ok) throw new Error(`The feature names an invalid server "${text}": ${parsed.error}`);
  return parsed.value;
}

export const canonical = (text: string): string => formatServerAddress(serverAddress(text));

export class Site {
  constructor(private readonly network: StubNetwork) {}

  configurationServer(url: string): ConfigurationServer {
    const { scheme, host, port } = serverAddress(url);
    return this.network.configurationServer({ host, port, secure: scheme === 'https' });
  }

  holdsSettings(url: string, content: string | Uint8Array = SITE_SETTINGS): void {
    const address = serverAddress(url);
    this.configurationServer(url).serve(`${address.path.replace(/\/?$/, '/')}${SETTINGS_FILE}`, content);
  }

  serverFails(url: string, fault: Fault): void {
    if (fault === 'malformed reply') this.holdsSettings(url, GARBLED_FILE);
    else this.configurationServer(url).fail(fault);
  }

  desFails(fault: Fault): void {
    this.network.des.fail(fault);
  }

  dhcpOffersSson(sson: string, afterMs?: number): void {
    this.network.dhcp.answerWith({ options: new Map([[SSON_OPTION, sson]]) }, `option ${SSON_OPTION} "${sson}"`, afterMs);
  }

  dhcpOffersVendorOption(httpServers: string): void {
    const bytes = encodeAvayaOption43({ httpServers });
    this.network.dhcp.answerWith(
      { options: new Map([[AVAYA_VENDOR_OPTION, bytes]]) },
      `option ${AVAYA_VENDOR_OPTION} (Avaya, ${bytes.length} bytes) HTTPSRVR=${httpServers}`,
    );
  }

  dhcpOffersNoServer(): void {
    this.network.dhcp.answerWith({ options: new Map() }, 'a lease with no site-specific option');
  }

  switchAnnounces(fileServers: readonly string[], afterMs: number): void {
    const frame = encodeLldpFrame({ fileServers });
    const what = fileServers.length ? `Avaya file server TLV ${fileServers.join(', ')}` : 'no Avaya file server TLV';
    this.network.switch.announce(frame, afterMs, `${frame.length} bytes, ${what}`);
  }
}
