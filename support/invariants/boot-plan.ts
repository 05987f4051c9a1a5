/**
 * Any first boot, as fast-check generates it: the site (DES, configuration servers, DHCP, the
 * switch), the user's answer and its moment, and what the user types afterwards. Plans are plain
 * data with business words, so a shrunk counter-example reads as a description of one boot.
 */
import fc from 'fast-check';
import type { Fault } from '../faults';
import { DHCP_ANSWER_DELAY_MS } from '../network/local-network';
import { LLDP_DAMAGES, OPTION_43_DAMAGES, type LldpDamage, type Option43Damage } from '../site';

/** PROMPT-2: the window the specification gives the user, whatever the phone under test does. */
export const QUESTION_WINDOW_MS = 60_000;
/** ASSUME-9: how long the search for a server on the local network lasts. */
const SEARCH_MS = 30_000;

/** The site's configuration servers, by role; `dhcp` and `lldp` hosts are the ones those sources can name. */
export const SERVERS = {
  dhcp: 'http://192.0.2.50',
  dhcpSpare: 'http://192.0.2.51',
  dhcpTls: 'https://tls.example.com:411/j100',
  des: 'https://prov.example.com/j100',
  lldp: 'http://192.0.2.60',
  lldpSpare: 'http://192.0.2.61',
} as const;
export type ServerRole = keyof typeof SERVERS;
const ROLES = Object.keys(SERVERS) as ServerRole[];

/** How a configuration server behaves: it serves the site's settings, fails, or is not there at all. */
export type ServerCondition = 'holds the settings' | 'does not exist' | Fault;

export type Answer = { readonly key: 'Yes' | 'No'; readonly atMs: number } | 'nobody answers';

export interface DesPlan {
  readonly knows: { readonly assigns: ServerRole } | 'no server for the phone' | 'an unusable address';
  readonly fault: 'none' | Fault;
  /** A code DES accepts, and the server it then assigns (none: DES still has no server, ASSUME-7). */
  readonly acceptedCode: { readonly code: string; readonly assigns?: ServerRole };
  readonly expiredCode: string;
}

/**
 * What DHCP or LLDP hands the phone. `names` is what a correct phone reads from it; undefined
 * when the suite does not claim to know (damaged or random input).
 */
export interface Announcement<T> {
  readonly item: T;
  readonly names?: readonly ServerRole[];
}

export type SsonText = string;
export type Option43 =
  | { readonly naming: string }
  | { readonly naming: string; readonly damage: Option43Damage }
  | { readonly otherVendorNaming: string };

export type DhcpPlan =
  | 'no DHCP server'
  | 'a lease without a configuration server'
  | {
      readonly option43?: Announcement<Option43>;
      readonly sson?: Announcement<SsonText>;
      /** When the offer comes, after the phone asks (the SSON's delay; otherwise the site's usual half second). */
      readonly afterMs: number;
    };

export type LldpFrame =
  | { readonly fileServers: readonly string[] }
  | { readonly fileServer: string; readonly damage: LldpDamage }
  | { readonly randomBytes: readonly number[] };

export interface LldpPlan {
  readonly frame: Announcement<LldpFrame>;
  readonly afterMs: number;
}

/** What the user does once the phone waits for them; a move that does not fit the screen is not made. */
export type UserMove =
  | { readonly enters: 'the accepted code' | 'the expired code' }
  | { readonly entersCode: string }
  | { readonly presses: 'Cancel' }
  | { readonly entersServer: string }
  | { readonly setsInAdministrationMenu: string };

export interface BootPlan {
  readonly answer: Answer;
  readonly des: DesPlan;
  readonly servers: Readonly<Record<ServerRole, ServerCondition>>;
  readonly dhcp: DhcpPlan;
  readonly lldp: readonly LldpPlan[];
  readonly moves: readonly UserMove[];
}

const hostOf = (role: ServerRole): string => new URL(SERVERS[role]).hostname;

// --- the pieces -----------------------------------------------------------------------------

/** Moments around the edges that matter (the 60 s window), and anywhere else. */
const answerMoment = fc.oneof(
  fc.constantFrom(0, 59_000, 59_999, QUESTION_WINDOW_MS, QUESTION_WINDOW_MS + 1),
  fc.integer({ min: 0, max: 90_000 }),
);

const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ key: fc.constantFrom('Yes' as const, 'No' as const), atMs: answerMoment }) },
  { weight: 1, arbitrary: fc.constant('nobody answers' as const) },
);

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.constantFrom<Fault>('absent', 'name not resolvable', 'silent', 'drops mid-reply', 'rejects TLS', 'not HTTP', 'malformed reply'),
  fc.constantFrom(403, 404, 500, 503).map((status): Fault => ({ status })),
);

const serverCondition: fc.Arbitrary<ServerCondition> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('holds the settings' as const) },
  { weight: 1, arbitrary: fc.constant('does not exist' as const) },
  { weight: 2, arbitrary: fault },
);

const role = fc.constantFrom(...ROLES);

/** CODE-1: 8 or 12 digits. */
const wellFormedCode = fc.oneof(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{12}$/));

/** Never shorter than six characters, so finding one in a record cannot be a coincidence. */
const malformedCode = fc.oneof(
  fc.stringMatching(/^(\d{6,7}|\d{9,11}|\d{13,14})$/),
  fc.stringMatching(/^\d{4}[- ]\d{4}$/),
  fc.stringMatching(/^[0-9A-Za-z]{8}$/).filter((text) => /[A-Za-z]/.test(text)),
);

const des: fc.Arbitrary<DesPlan> = fc.record({
  knows: fc.oneof(
    { weight: 3, arbitrary: role.map((assigns) => ({ assigns })) },
    { weight: 3, arbitrary: fc.constant('no server for the phone' as const) },
    { weight: 1, arbitrary: fc.constant('an unusable address' as const) },
  ),
  fault: fc.oneof({ weight: 2, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fault }),
  acceptedCode: fc.record({ code: wellFormedCode, assigns: role }, { requiredKeys: ['code'] }),
  expiredCode: wellFormedCode,
});

const servers = fc.record(Object.fromEntries(ROLES.map((r) => [r, serverCondition])) as Record<ServerRole, fc.Arbitrary<ServerCondition>>);

/** Site-specific options a correct phone reads, with the servers they name. */
const READABLE_SSONS: readonly Announcement<SsonText>[] = [
  { item: `HTTPSRVR=${hostOf('dhcp')}`, names: ['dhcp'] },
  { item: `HTTPSRVR=${hostOf('dhcp')},${hostOf('dhcpSpare')}`, names: ['dhcp', 'dhcpSpare'] },
  { item: `TLSSRVR=${hostOf('dhcpTls')},HTTPDIR=j100`, names: ['dhcpTls'] },
  { item: `L2Q=1,L2QVLAN=1212,httpsrvr=${hostOf('dhcpSpare')}`, names: ['dhcpSpare'] },
  { item: 'L2Q=1,L2QVLAN=1212', names: [] },
];

/** Garbled options as DHCP servers hand them out; whatever the phone makes of them is its own business. */
const GARBLED_SSONS: readonly string[] = [
  '',
  `HTTPSRVR=${hostOf('dhcp')},,`,
  `HTTPSRVR=${hostOf('dhcp')} `,
  `HTTPPORT=99999,HTTPSRVR=${hostOf('dhcp')}`,
  'HTTPSRVR=192.0.2.500',
  `FOO=1,HTTPSRVR=${hostOf('dhcp')}`,
  'HTTPSRVR=',
  '=,=',
];

const sson: fc.Arbitrary<Announcement<SsonText>> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...READABLE_SSONS) },
  { weight: 1, arbitrary: fc.constantFrom(...GARBLED_SSONS).map((item) => ({ item })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((item) => ({ item })) },
);

const option43: fc.Arbitrary<Announcement<Option43>> = fc.oneof(
  fc.constantFrom<ServerRole>('dhcp', 'dhcpSpare').map((r) => ({ item: { naming: hostOf(r) }, names: [r] })),
  fc.constantFrom(...OPTION_43_DAMAGES).map((damage) => ({ item: { naming: hostOf('dhcp'), damage } })),
  fc.constant({ item: { otherVendorNaming: hostOf('dhcpSpare') }, names: [] }),
);

/** Around the 30 s a search lasts (ASSUME-9), and anywhere else. */
const localDelay = fc.oneof(fc.constantFrom(DHCP_ANSWER_DELAY_MS, SEARCH_MS - 1, SEARCH_MS, SEARCH_MS + 1), fc.integer({ min: 0, max: SEARCH_MS + 10_000 }));

const dhcp: fc.Arbitrary<DhcpPlan> = fc.oneof(
  fc.constantFrom('no DHCP server' as const, 'a lease without a configuration server' as const),
  fc
    .record({ option43, sson, ssonAfterMs: localDelay }, { requiredKeys: ['ssonAfterMs'] })
    .filter(({ option43, sson }) => option43 !== undefined || sson !== undefined)
    .map(({ option43, sson, ssonAfterMs }) => ({
      ...(option43 ? { option43 } : {}),
      ...(sson ? { sson } : {}),
      afterMs: sson ? ssonAfterMs : DHCP_ANSWER_DELAY_MS,
    })),
);

const lldpRole = fc.constantFrom<ServerRole>('lldp', 'lldpSpare');

const lldpFrame: fc.Arbitrary<Announcement<LldpFrame>> = fc.oneof(
  { weight: 3, arbitrary: fc.uniqueArray(lldpRole, { maxLength: 2 }).map((names) => ({ item: { fileServers: names.map(hostOf) }, names })) },
  { weight: 1, arbitrary: fc.record({ fileServer: lldpRole.map(hostOf), damage: fc.constantFrom(...LLDP_DAMAGES) }).map((item) => ({ item })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 48 }).map((randomBytes) => ({ item: { randomBytes } })) },
);

const lldp = fc.array(fc.record({ frame: lldpFrame, afterMs: localDelay }), { maxLength: 2 });

const typedServer = fc.oneof(
  { weight: 3, arbitrary: role.map((r) => SERVERS[r]) },
  { weight: 1, arbitrary: fc.constantFrom('', 'ftp://prov.example.com', 'http://', 'prov example com', 'http://prov.example.com:99999', 'admin@prov.example.com') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const move: fc.Arbitrary<UserMove> = fc.oneof(
  fc.constantFrom('the accepted code' as const, 'the expired code' as const).map((enters) => ({ enters })),
  wellFormedCode.map((entersCode) => ({ entersCode })),
  malformedCode.map((entersCode) => ({ entersCode })),
  fc.constant({ presses: 'Cancel' as const }),
  typedServer.map((entersServer) => ({ entersServer })),
  typedServer.map((setsInAdministrationMenu) => ({ setsInAdministrationMenu })),
);

/** Any first boot: any answer at any moment, any mix of services and faults, anything typed. */
export const anyFirstBoot: fc.Arbitrary<BootPlan> = fc.record({
  answer,
  des,
  servers,
  dhcp,
  lldp,
  moves: fc.array(move, { maxLength: 6 }),
});

// --- what the plan means ----------------------------------------------------------------------

/** The path the specification sends this boot down: an answer counts only before the 60 s are over (ASSUME-8). */
export function pathOf(plan: BootPlan): 'Yes' | 'No' | 'timeout' {
  return plan.answer !== 'nobody answers' && plan.answer.atMs < QUESTION_WINDOW_MS ? plan.answer.key : 'timeout';
}

/**
 * Whether DHCP or LLDP surely hand a correct phone a server that gives it the settings, in time:
 * only input the suite knows how to read, within the 30 s search (ASSUME-9), and every server it
 * names holds the settings. Unknown input makes the answer "not surely", never a guess.
 */
export function localDiscoverySurelyFindsAServer(plan: BootPlan): boolean {
  // A second to spare: what arrives in the search's last moment may or may not count.
  const intime = (afterMs: number): boolean => afterMs < SEARCH_MS - 1000;
  const good = (names: readonly ServerRole[]): boolean => names.every((r) => plan.servers[r] === 'holds the settings');
  const { dhcp: offer } = plan;
  const dhcpItems = typeof offer === 'string' ? [] : [offer.option43, offer.sson].filter((a) => a !== undefined);
  if (dhcpItems.some((a) => a.names === undefined)) return false;
  const dhcpNames = dhcpItems.flatMap((a) => a.names ?? []);
  if (typeof offer !== 'string' && intime(offer.afterMs) && dhcpNames.length > 0) return good(dhcpNames);
  // DHCP surely names nothing: the first LLDP frame naming servers decides.
  if (dhcpNames.length > 0 || plan.lldp.some(({ frame }) => frame.names === undefined)) return false;
  const lldpNames = plan.lldp.filter(({ frame }) => frame.names?.length).map(({ frame, afterMs }) => ({ names: frame.names!, afterMs }));
  return lldpNames.some(({ afterMs }) => intime(afterMs)) && lldpNames.every(({ names }) => good(names));
}
