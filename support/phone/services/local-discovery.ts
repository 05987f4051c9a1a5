/**
 * Reads what DHCP and LLDP announce into configuration servers. Precedence follows the J100:
 * siaddr, then Avaya's option 43, then the site-specific option, each overriding the last
 * setting by setting (ASSUME-28). Anything malformed is reported and ignored, never half-used.
 */
import { parseAvayaOption43 } from '../formats/dhcp-option-43';
import { parseLldpFrame } from '../formats/lldp';
import type { ServerAddress } from '../formats/server-address';
import { parseSiteSpecificOption, type SiteSpecificOption } from '../formats/sson';
import { phoneVariables } from '../variables';
import type { DhcpOffer, PhoneIdentity } from '../ports';

export const SSON_OPTION = 242;
export const AVAYA_VENDOR_OPTION = 43;
/** The options the phone asks DHCP for with its lease when it searches locally (NO-1, TIMEOUT-1). */
export const PROVISIONING_OPTIONS: readonly number[] = [AVAYA_VENDOR_OPTION, SSON_OPTION];
const DEFAULT_HTTP_PORT = 80;
const DEFAULT_TLS_PORT = 411;

type ServerSettings = Partial<Omit<SiteSpecificOption, 'values'>>;

/** The servers a DHCP offer names; `report` hears why an option was ignored (ASSUME-25). */
export function serversFromDhcp(offer: DhcpOffer, identity: PhoneIdentity, report: (problem: string) => void): readonly ServerAddress[] {
  let found: ServerSettings = offer.nextServer ? { httpServers: [offer.nextServer] } : {};
  const vendor = offer.options.get(AVAYA_VENDOR_OPTION);
  if (vendor instanceof Uint8Array) {
    const option43 = parseAvayaOption43(vendor);
    // Stryker disable next-line ConditionalExpression: equivalent, only what the phone's log says changes
    if (!option43.ok) report(`DHCP option 43 ignored: ${option43.error}`);
    else if (option43.value) found = overlay(found, option43.value);
  }
  const sson = offer.options.get(SSON_OPTION);
  if (typeof sson === 'string') {
    const option = parseSiteSpecificOption(sson);
    if (!option.ok) report(`DHCP option ${SSON_OPTION} ignored: ${option.error}`);
    else found = overlay(found, option.value);
  }
  return toServers(found, identity);
}

/** LLDP's file servers count as HTTPSRVR (ASSUME-16 keeps DHCP's above them). */
export function serversFromLldp(frame: Uint8Array, identity: PhoneIdentity): { readonly servers: readonly ServerAddress[] } | { readonly problem: string } {
  const announcement = parseLldpFrame(frame);
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, only what the phone's log says changes
  if (!announcement.ok) return { problem: `LLDP frame ignored: ${announcement.error}` };
  return { servers: toServers({ httpServers: announcement.value.fileServers }, identity) };
}

/** A setting `over` leaves out (an absent one, an empty server list) keeps its value from `base`. */
function overlay(base: ServerSettings, over: SiteSpecificOption): ServerSettings {
  const { httpServers, tlsServers, values: _everyPair, ...scalars } = over;
  return {
    ...base,
    ...scalars,
    ...(httpServers.length > 0 ? { httpServers } : {}),
    ...(tlsServers.length > 0 ? { tlsServers } : {}),
  };
}

/** ASSUME-14: HTTPS servers (TLSSRVR) first, then HTTP ones, each list in the order given. */
function toServers(found: ServerSettings, identity: PhoneIdentity): ServerAddress[] {
  // Without HTTPDIR the files are at the server's root ("" expands to "/").
  const path = expand(found.httpDir ?? '', identity);
  return [
    ...(found.tlsServers ?? []).map((host) => ({ scheme: 'https' as const, host, port: found.tlsPort ?? DEFAULT_TLS_PORT, path })),
    ...(found.httpServers ?? []).map((host) => ({ scheme: 'http' as const, host, port: found.httpPort ?? DEFAULT_HTTP_PORT, path })),
  ];
}

function expand(dir: string, identity: PhoneIdentity): string {
  const values = phoneVariables(identity);
  const path = dir.replace(/\$(MACADDR|MODEL4|SERIALNO)/g, (_, name: string) => values[name]!);
  return path.startsWith('/') ? path : `/${path}`;
}
