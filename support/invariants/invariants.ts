/**
 * What holds for every boot, whatever the site and the user do. Each invariant reads only what
 * the boot recorded (traffic, screen meanings, keypad, status, faults; the phone's words and log
 * only to look for a code in clear) and returns what broke it, or nothing.
 */
import { AssertionError } from 'chai';
import type { PhoneStateName } from '../phone/ports';
import type { TrafficRecord } from '../network/traffic';
import { localDiscoverySurelyFindsAServer, pathOf, QUESTION_WINDOW_MS } from './boot-plan';
import type { FinishedBoot } from './boot';

export interface Invariant {
  /** The promise, in the words of the feature's Then step. */
  readonly promise: string;
  violation(boot: FinishedBoot): string | undefined;
}

/** Where a boot may end: provisioned, given up, waiting for the user at a prompt, or for an address (ASSUME-31). */
const AT_REST: readonly PhoneStateName[] = ['provisioned', 'unprovisioned', 'entering code', 'asking for server', 'asking for provisioning details', 'waiting for network'];
/** Generous: the slowest generated boots (60 s window, 30 s search, 10 s waits for silent services, six entries) need about two. */
export const REST_WITHIN_MS = 10 * 60_000;
const DES_OVER_TLS = 'TLS to des.avaya.com:443';

const traffic = (boot: FinishedBoot, ...services: TrafficRecord['service'][]): TrafficRecord[] =>
  boot.world.network.traffic.all().filter((r) => services.includes(r.service));
const at = (boot: FinishedBoot, record: TrafficRecord | undefined): string => (record ? `t+${boot.world.elapsed(record.at)} s` : 'never');

export const noDesAfterNo: Invariant = {
  promise: 'none of them contacts DES after the answer No',
  violation: (boot) => {
    const des = traffic(boot, 'DES')[0];
    return pathOf(boot.plan) === 'No' && des ? `The user answered No, yet the phone contacted DES at ${at(boot, des)} (${des.event}: ${des.detail}).` : undefined;
  },
};

export const noLocalSearchAfterYes: Invariant = {
  promise: 'none of them asks DHCP or LLDP for a server after the answer Yes',
  violation: (boot) => {
    const local = traffic(boot, 'DHCP', 'LLDP')[0];
    return pathOf(boot.plan) === 'Yes' && local ? `The user answered Yes, yet the phone used ${local.service} at ${at(boot, local)} (${local.event}).` : undefined;
  },
};

export const answerDecidesPath: Invariant = {
  promise: 'each follows the answer given within the first 60 seconds, and nothing else',
  violation: (boot) => {
    const path = pathOf(boot.plan);
    const first = traffic(boot, 'DES', 'DHCP', 'LLDP')[0];
    const searched = first?.service === 'DHCP' || first?.service === 'LLDP';
    const startedMs = first ? first.at - boot.world.poweredOn : Number.NaN;
    const { answer } = boot.plan;
    const answeredMs = answer === 'nobody answers' ? QUESTION_WINDOW_MS : answer.atMs;
    // ASSUME-31: without a DHCP server the phone gets no address and reaches nothing at all.
    const unreachable = first === undefined && boot.plan.dhcp === 'no DHCP server';
    const followed =
      unreachable ||
      (path === 'Yes' ? first?.service === 'DES' && startedMs >= answeredMs
      : path === 'No' ? searched && startedMs >= answeredMs && startedMs < QUESTION_WINDOW_MS
      : searched && startedMs >= QUESTION_WINDOW_MS);
    if (followed) return undefined;
    const given = answer === 'nobody answers' ? 'Nobody answered' : `The user answered ${answer.key} at t+${answer.atMs / 1000} s`;
    const wanted = { Yes: 'DES first, once the user answered', No: 'DHCP and LLDP first, as soon as the user answered', timeout: 'DHCP and LLDP first, once the 60 s were over' }[path];
    return `${given}, so the phone should have used ${wanted}; its first contact was ${first ? `${first.service} (${first.event}) at ${at(boot, first)}` : 'none'}.`;
  },
};

export const desOnlyAfterLocalSearchFailed: Invariant = {
  promise: 'none of them asks DES without an answer before DHCP and LLDP have found nothing',
  violation: (boot) => {
    if (pathOf(boot.plan) !== 'timeout') return undefined;
    const des = traffic(boot, 'DES')[0];
    if (!des) return undefined;
    if (localDiscoverySurelyFindsAServer(boot.plan)) {
      return `DHCP or LLDP named a server holding the settings within the search, yet the phone asked DES at ${at(boot, des)}.`;
    }
    const searchStarted = traffic(boot, 'DHCP')[0];
    const searchEnded = traffic(boot, 'LLDP').find((r) => r.event === 'stopped listening');
    if (!searchStarted || searchStarted.seq > des.seq || !searchEnded || searchEnded.seq > des.seq) {
      return `The phone asked DES at ${at(boot, des)}, before its search was over (search began ${at(boot, searchStarted)}, ended ${at(boot, searchEnded)}).`;
    }
    return undefined;
  },
};

export const comesToRest: Invariant = {
  promise: `every one of them comes to rest within ${REST_WITHIN_MS / 60_000} minutes, without an internal fault`,
  violation: ({ world, error }) => {
    // An expectation the simulated user relies on (the prompt it types into, by meaning) names the real cause.
    if (error instanceof AssertionError) return `The boot broke off because the user could not go on: ${error.message}`;
    if (error !== undefined) return `The boot broke off: ${error instanceof Error ? error.message : String(error)}`;
    if (world.phoneLog.faults.length) return `The phone failed internally:\n${world.phoneLog.faults.join('\n')}`;
    const { state } = world.status();
    if (!AT_REST.includes(state)) return `The phone stopped in state "${state}", which is neither an end nor a prompt for the user.`;
    const tookMs = world.elapsed() * 1000;
    return tookMs > REST_WITHIN_MS ? `The phone came to rest only after ${tookMs / 1000} s.` : undefined;
  },
};

export const desOnlyOverTls: Invariant = {
  promise: 'every connection any of them makes to DES is secured with TLS at des.avaya.com',
  violation: (boot) => {
    const insecure = traffic(boot, 'DES').find((r) => r.event === 'connection' && !(r.reached?.secure && r.reached.port === 443));
    return insecure ? `The phone connected to DES with "${insecure.detail}" at ${at(boot, insecure)}, not "${DES_OVER_TLS}".` : undefined;
  },
};

export const codesNeverInClear: Invariant = {
  promise: 'no enrollment code any of them was given appears in clear on its screen, in its log or in any record',
  violation: ({ world, typedCodes }) => {
    if (typedCodes.length === 0) return undefined;
    const leaks = world.timeline().filter(({ text }) => typedCodes.some((code) => text.includes(code)));
    return leaks.length ? `A typed enrollment code appears in clear: ${leaks.map(({ source, text }) => `${source}: ${text}`).join('; ')}` : undefined;
  },
};

export const INVARIANTS: readonly Invariant[] = [
  noDesAfterNo,
  noLocalSearchAfterYes,
  answerDecidesPath,
  desOnlyAfterLocalSearchFailed,
  comesToRest,
  desOnlyOverTls,
  codesNeverInClear,
];
