/**
 * Reads what DHCP and LLDP announce into configuration servers. Precedence follows the J100:
 * siaddr, then Avaya's option 43, then the site-specific option, each overriding the last.
 * Anything malformed is reported and ignored, never half-used.
 */
import { parseAvayaOption43 } from '../formats/dhcp-option-43';
import { parseLldpFrame } from '../formats/lldp';
import type { ServerAddress } from '../formats/server-address';
import { parseSiteSpecificOption, type SiteSpecificOption } from '../formats/sson';
import type { DhcpOffer, PhoneIdentity } from '../ports';

export const SSON_OPTION = 242;
export const AVAYA_VENDOR_OPTION = 43;
const DEFAULT_HTTP_PORT = 80;
const DEFAULT_TLS_PORT = 411;

export interface Discovered {
  readonly servers: readonly ServerAddress[];
  readonly problems: readonly string[];
}

export function serversFromDhcp(offer: DhcpOffer, identity: PhoneIdentity): Discovered {
  const problems: string[] = [];
  let found: Partial<SiteSpecificOption> = offer.nextServer ? { httpServers: [offer.nextServer] } : {};
  const vendor = offer.options.get(AVAYA_VENDOR_OPTION);
  if (vendor instanceof Uint8Array) {
    const option43 = parseAvayaOption43(vendor);
    if (!option43.ok) problems.push(`DHCP option 43 ignored: ${option43.error}`);
    else if (option43.value) found = overlay(found, option43.value);
  }
  const sson = offer.options.get(SSON_OPTION);
  if (typeof sson === 'string') {
    const option = parseSiteSpecificOption(sson);
    if (!option.ok) problems.push(`DHCP option ${SSON_OPTION} ignored: ${option.error}`);
    else found = overlay(found, option.value);
  }
  return { servers: toServers(found, identity), problems };
}

export function serversFromLldp(frame: Uint8Array): Discovered | { readonly problem: string } {
  const announcement = parseLldpFrame(frame);
  if (!announcement.ok) return { problem: `LLDP frame ignored: ${announcement.error}` };
  return {
    servers: announcement.value.fileServers.map((host) => ({ scheme: 'http', host, port: DEFAULT_HTTP_PORT, path: '/' })),
    problems: [],
  };
}

function overlay(base: Partial<SiteSpecificOption>, over: SiteSpecificOption): Partial<SiteSpecificOption> {
  const merged: { -readonly [K in keyof SiteSpecificOption]?: SiteSpecificOption[K] } = { ...base };
  for (const key of ['httpServers', 'tlsServers', 'httpDir', 'httpPort', 'tlsPort'] as const) {
    const value = over[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) Object.assign(merged, { [key]: value });
  }
  return merged;
}

/** ASSUME-14: HTTPS servers (TLSSRVR) first, then HTTP ones, each list in the order given. */
function toServers(found: Partial<SiteSpecificOption>, identity: PhoneIdentity): ServerAddress[] {
  const path = expand(found.httpDir ?? '/', identity);
  return [
    ...(found.tlsServers ?? []).map((host) => ({ scheme: 'https' as const, host, port: found.tlsPort ?? DEFAULT_TLS_PORT, path })),
    ...(found.httpServers ?? []).map((host) => ({ scheme: 'http' as const, host, port: found.httpPort ?? DEFAULT_HTTP_PORT, path })),
  ];
}

function expand(dir: string, identity: PhoneIdentity): string {
  const path = dir
    .replace(/\$MACADDR/g, identity.macAddress.replace(/:/g, '').toLowerCase())
    .replace(/\$MODEL4/g, identity.model.slice(0, 4))
    .replace(/\$SERIALNO/g, identity.serialNumber);
  return path.startsWith('/') ? path : `/${path}`;
}
