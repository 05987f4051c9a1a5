/**
 * What a scenario expects of the phone. Every failure says what was expected and then what
 * the phone did instead: its state, its screen and its timeline (screen, user, log, traffic).
 * Screens are compared by meaning (support/phone/ports.ts ScreenMeaning); the phone's words are
 * its own, except the question's title (PROMPT-1). Nothing here reads the phone's log.
 */
import { AssertionError } from 'chai';
import { isDeepStrictEqual } from 'node:util';
import { describeMeaning, describeNotice, type Shown } from './devices';
import type { Service } from './network/traffic';
import type { Notice, PhoneStateName, PromptKind, ScreenKind, ScreenMeaning, SoftkeyRole } from './phone/ports';
import { overflow } from './screen-limit';
import { canonical, serverAddress, SITE_SETTINGS } from './site';
import type { ProvisioningWorld } from './world';

/** ASSUME-9: the length of the local search, as the specification states it (not read from the phone). */
const LOCAL_SEARCH_SECONDS = 30;

export type ManualForm = 'configuration server' | 'provisioning details';

const manualPrompts: Record<ManualForm, { state: PhoneStateName; prompt: PromptKind }> = {
  'configuration server': { state: 'asking for server', prompt: 'configuration server prompt' },
  'provisioning details': { state: 'asking for provisioning details', prompt: 'provisioning details prompt' },
};

const PROMPTS: readonly ScreenKind[] = ['enrollment code prompt', 'configuration server prompt', 'provisioning details prompt'];

/** A server as a phone may write it (a bare address, the default port, no "/" for an empty path) means its canonical form. */
const serverForm = (server: string): string => {
  try {
    return canonical(server);
  } catch {
    return server;
  }
};
/** A screen's meaning with its server, if any, in canonical form: phones write the same server differently. */
const comparable = (meaning: ScreenMeaning | undefined): ScreenMeaning | undefined => (meaning && 'server' in meaning ? { ...meaning, server: serverForm(meaning.server) } : meaning);
const noticeOf = (meaning: ScreenMeaning | undefined): Notice | undefined => (meaning && 'notice' in meaning ? meaning.notice : undefined);

/** A screen's meaning for a sentence: what it meant, or that it had none. */
const described = (shown: { readonly meaning?: ScreenMeaning } | undefined): string =>
  shown === undefined ? 'nothing' : shown.meaning ? describeMeaning(shown.meaning) : 'a screen without a meaning';

/** Whether a screen carried the phone's own refusal of what was typed. */
export const isRefusal = ({ content }: Shown): boolean => noticeOf(content.meaning)?.kind === 'entry refused';

export class Expectations {
  constructor(private readonly world: ProvisioningWorld) {}

  check(condition: boolean, expectation: string): void {
    if (!condition) throw new AssertionError(`Expected ${expectation}.\n\n${this.world.diagnosis()}`);
  }

  /** The screens shown since the latest power on. */
  private shownSincePowerOn(): Shown[] {
    return this.world.screen.history.filter(({ at }) => at >= this.world.poweredOn);
  }

  shows(kind: ScreenKind): void {
    const current = this.world.screen.current();
    this.check(current?.meaning?.kind === kind, `the phone's screen to show the ${kind} (it shows ${described(current)})`);
  }

  offersSoftkeys(keys: readonly SoftkeyRole[]): void {
    const offered = this.world.screen.current()?.softkeys ?? [];
    this.check(offered.join(' | ') === keys.join(' | '), `the phone to offer ${keys.join(' and ')} and nothing else (it offers ${offered.join(', ') || 'nothing'})`);
  }

  /** Since the latest power on, a screen of this meaning offering exactly these softkeys (none when empty). */
  showed(kind: ScreenKind, keys: readonly SoftkeyRole[]): void {
    const same = ({ content }: Shown): boolean => content.meaning?.kind === kind && (content.softkeys ?? []).join(' | ') === keys.join(' | ');
    const ofKind = this.shownSincePowerOn().filter(({ content }) => content.meaning?.kind === kind);
    this.check(
      this.shownSincePowerOn().some(same),
      `the phone to have shown the ${kind} with ${keys.length ? `the softkeys ${keys.join(' and ')}` : 'no softkeys'}${ofKind.length ? ` (it offered ${ofKind.map(({ content }) => (content.softkeys ?? []).join(' and ') || 'none').join('; ')})` : ''}`,
    );
  }

  /** Since the latest power on, a screen meaning exactly this (its facts, such as the server, included). */
  showedMeaning(expected: ScreenMeaning): void {
    this.check(
      this.shownSincePowerOn().some(({ content }) => isDeepStrictEqual(comparable(content.meaning), comparable(expected))),
      `the phone to have shown: ${describeMeaning(expected)}`,
    );
  }

  /** ASSUME-24: every screen since power on fits a J100-class screen (SCREEN_LIMIT). */
  fitsItsScreen(): void {
    const problems = this.shownSincePowerOn()
      .map(({ content }) => [content, overflow(content)] as const)
      .filter(([, problem]) => problem !== undefined)
      .map(([content, problem]) => `the ${described(content)}: ${problem}`);
    this.check(problems.length === 0, `every screen to fit the phone's screen (${problems.join('; ')})`);
  }

  /** ASSUME-20: the code DES checks is on screen as a count of digits at most (the meaning says how many). */
  showedCodeBeingChecked(): void {
    const entry = this.world.keypad.history.map(({ input }) => input).filter((input) => input.kind === 'entry').at(-1);
    this.showedMeaning({ kind: 'contacting DES', codeDigits: entry?.text.length ?? 0 });
  }

  isIn(state: PhoneStateName): void {
    const actual = this.world.status().state;
    this.check(actual === state, `the phone to be in state "${state}" (it is in "${actual}")`);
  }

  neverShowed(kind: ScreenKind): void {
    const shown = this.shownSincePowerOn().find(({ content }) => content.meaning?.kind === kind);
    this.check(!shown, `the phone not to show the ${kind} since it was powered on (it did, at t+${shown ? this.world.elapsed(shown.at) : 0} s)`);
  }

  asksByHand(form: ManualForm): void {
    const { state, prompt } = manualPrompts[form];
    this.isIn(state);
    this.shows(prompt);
  }

  asksForCode(): void {
    this.isIn('entering code');
    this.shows('enrollment code prompt');
  }

  /** The current prompt tells the user this notice (a lockout with its minutes). */
  says(notice: Notice): void {
    const current = noticeOf(this.world.screen.current()?.meaning);
    this.check(isDeepStrictEqual(current, notice), `the phone's prompt to say: ${describeNotice(notice)} (it says ${current ? describeNotice(current) : 'nothing of the kind'})`);
    if (notice.kind === 'entry refused') this.world.acknowledgeRejections();
  }

  /** The phone refused what was typed: the same prompt is on screen now, with the refusal, so the user can type again. */
  refused(prompt: PromptKind): void {
    this.shows(prompt);
    this.says({ kind: 'entry refused' });
  }

  /** The phone refused the address typed at this form and asks for it again. */
  refusedEntryAt(form: ManualForm): void {
    this.asksByHand(form);
    this.refused(manualPrompts[form].prompt);
  }

  /** Entries the phone refused itself at these prompts since power on (ASSUME-4, ASSUME-12). */
  refusedEntries(prompts: readonly PromptKind[], times: number, what: string): void {
    const refusals = this.shownSincePowerOn().filter((shown) => isRefusal(shown) && prompts.includes(shown.content.meaning.kind as PromptKind)).length;
    this.check(refusals === times, `the phone to refuse ${times} ${what} itself (it refused ${refusals})`);
    this.world.acknowledgeRejections();
  }

  provisionedFrom(url: string): void {
    const status = this.world.status();
    this.check(
      status.state === 'provisioned' && status.configurationServer !== undefined && serverForm(status.configurationServer) === canonical(url),
      `the phone to be provisioned from ${canonical(url)} (it is ${status.state}${status.configurationServer ? ` from ${status.configurationServer}` : ''})`,
    );
  }

  setting(name: string, value: string): void {
    const actual = this.world.status().settings[name];
    this.check(actual === value, `the phone's setting ${name} to be "${value}" (it is ${actual === undefined ? 'not set' : `"${actual}"`})`);
  }

  contacted(service: Service): void {
    this.check(this.world.network.contacted(service), `the phone to contact ${service} (it never did)`);
  }

  neverContacted(service: Service): void {
    const first = this.world.network.traffic.of(service)[0];
    this.check(first === undefined, `the phone never to contact ${service} (it did${first ? ` at t+${this.world.elapsed(first.at)} s: ${first.event}` : ''})`);
  }

  tookPath(path: 'Yes' | 'No' | 'timeout'): void {
    const { traffic } = this.world.network;
    const firstDhcp = traffic.of('DHCP')[0];
    if (path === 'Yes') {
      this.contacted('DES');
      this.neverContacted('DHCP');
      this.neverContacted('LLDP');
    } else {
      this.check(firstDhcp !== undefined, 'the phone to search with DHCP');
      if (path === 'No') this.neverContacted('DES');
      const searchedAt = this.world.elapsed(firstDhcp!.at);
      const inWindow = path === 'timeout' ? searchedAt >= 60 : searchedAt < 60;
      this.check(inWindow, `the ${path} path, which searches ${path === 'timeout' ? 'once the 60 s are over' : 'as soon as the user answers'} (it searched at t+${searchedAt} s)`);
    }
  }

  desRequests(): readonly string[] {
    return this.world.network.des.provisioningRequests();
  }

  /** ASSUME-31 (RFC 2131): the first request for an address as soon as the phone shows it has none, then each wait twice the last, up to the cap. */
  askedForAddressAtDoublingIntervals(capMs: number): void {
    const asked = this.world.network.traffic.of('DHCP lease').filter(({ event }) => event === 'request').map(({ at }) => at);
    const noNetwork = this.shownSincePowerOn().find(({ content }) => content.meaning?.kind === 'no network');
    const waits = asked.slice(1).map((at, index) => at - asked[index]!);
    const doubling = waits.length > 1 && waits[0]! < capMs && waits.every((wait, index) => index === 0 || wait === Math.min(2 * waits[index - 1]!, capMs));
    this.check(
      noNetwork !== undefined && asked[0] === noNetwork.at && doubling,
      `the phone to ask DHCP for an address as soon as it showed it had none, then at doubling intervals of at most ${capMs / 1000} s (it asked at ${asked.map((at) => `t+${this.world.elapsed(at)} s`).join(', ') || 'no time'})`,
    );
  }

  /** ASSUME-31: an address, once leased, serves the whole boot. */
  askedForAddressOnce(): void {
    const requests = this.dhcpRequests();
    this.check(requests === 1, `the phone to ask DHCP for an address once and keep it (it asked ${requests} times)`);
  }

  /** ASSUME-31: without an address the phone keeps asking, at least `times` times. */
  keptAskingForAddress(times: number): void {
    const requests = this.dhcpRequests();
    this.check(requests >= times, `the phone to keep asking DHCP for an address (it asked ${requests} time${requests === 1 ? '' : 's'})`);
  }

  /** ASSUME-30: after Yes the phone gets an address from DHCP, and asks it for no provisioning options. */
  gotAddressOnly(): void {
    const { traffic } = this.world.network;
    const leases = traffic.of('DHCP lease').filter(({ event }) => event === 'offer').length;
    const optionRequests = traffic.of('DHCP').filter(({ event }) => event === 'request').length;
    this.check(
      leases > 0 && optionRequests === 0,
      `the phone to get its address from DHCP and ask it for nothing else (it got ${leases} lease${leases === 1 ? '' : 's'} for an address alone, and asked for provisioning options ${optionRequests} time${optionRequests === 1 ? '' : 's'})`,
    );
  }

  private dhcpRequests(): number {
    return this.world.network.traffic.all().filter(({ service, event }) => service.startsWith('DHCP') && event === 'request').length;
  }

  askedDes(times: number): void {
    const count = this.desRequests().length;
    this.check(count === times, `the phone to ask DES ${times} time(s) (it asked ${count})`);
  }

  lastAskedDesWith(code: string): void {
    const fingerprint = `#${this.world.network.des.fingerprint(code)}`;
    this.check(this.desRequests().at(-1)?.includes(fingerprint) === true, `the phone's last DES request to carry the enrollment code it was given`);
  }

  /** No record the phone or the suite keeps (screen, log, traffic, user actions) holds the code. */
  neverRecorded(code: string): void {
    const leaks = this.world.timeline().filter(({ text }) => text.includes(code));
    this.check(leaks.length === 0, `the enrollment code never to be recorded in clear (found in: ${leaks.map((l) => l.source).join(', ')})`);
  }

  /** The phone stopped waiting for a silent service after `ms` and moved on to ask the user. */
  gaveUpOn(service: Service, ms: number): void {
    const contacted = this.world.network.traffic.of(service).find((r) => r.event === 'connection');
    const prompt = this.world.screen.history.find(({ at, content }) => contacted && at > contacted.at && PROMPTS.includes(content.meaning?.kind));
    const waited = contacted && prompt ? prompt.at - contacted.at : undefined;
    this.check(waited === ms, `the phone to give up on ${service} ${ms / 1000} s after contacting it (it ${waited === undefined ? 'never gave up' : `gave up after ${waited / 1000} s`})`);
  }

  reachedDesOnlyOverTls(): void {
    const connections = this.world.network.traffic.of('DES').filter((r) => r.event === 'connection');
    this.check(
      connections.length > 0 && connections.every(({ reached }) => reached?.host === 'des.avaya.com' && reached.port === 443 && reached.secure),
      `every connection to DES to be TLS to des.avaya.com:443 (it ${connections.length === 0 ? 'never connected to DES' : `connected to ${connections.map(({ reached }) => (reached ? `${reached.host}:${reached.port}${reached.secure ? ' over TLS' : ' in clear'}` : 'an unknown host')).join(', ')}`})`,
    );
  }

  /** The search ends when the phone stops listening for LLDP, measured from when it started. */
  endedSearchWithin(ms: number): void {
    const took = this.searchDuration();
    this.check(took !== undefined && took <= ms, `the phone to end its search within ${ms / 1000} s (it ${took === undefined ? 'never ended it' : `ended it after ${took / 1000} s`})`);
  }

  /** From the moment the phone starts listening for DHCP and LLDP until it stops; undefined while it searches. */
  private searchDuration(): number | undefined {
    const lldp = this.world.network.traffic.of('LLDP');
    const began = lldp.find((r) => r.event === 'listening');
    const ended = lldp.find((r) => r.event === 'stopped listening');
    return began && ended ? ended.at - began.at : undefined;
  }

  /** TIMEOUT-2 with ASSUME-9: DES only once the whole 30-second search has found nothing. */
  searchedLocallyBeforeDes(): void {
    const { traffic } = this.world.network;
    const firstDes = traffic.of('DES')[0];
    const searchStart = traffic.of('DHCP')[0];
    const waited = firstDes && searchStart ? (firstDes.at - searchStart.at) / 1000 : undefined;
    this.check(
      waited !== undefined && waited >= LOCAL_SEARCH_SECONDS,
      `the phone to ask DES only after searching with DHCP and LLDP for the full ${LOCAL_SEARCH_SECONDS} s (${waited === undefined ? 'it did not do both' : `it asked DES ${waited} s into the search`})`,
    );
  }

  /** The first screen since power on: nothing may come before the question (PROMPT-1), and its title is the source's, word for word. */
  firstShowsQuestion(title: string): void {
    const first = this.shownSincePowerOn()[0];
    this.check(
      first?.content.meaning?.kind === 'question' && first.content.title === title,
      `the first screen to be the question "${title}" (it was ${described(first?.content)}${first ? `, titled "${first.content.title}"` : ''})`,
    );
  }

  /** These settings and no others: a line the phone could not read set nothing, not even under another name. */
  settingsExactly(expected: Readonly<Record<string, string>>): void {
    const actual = this.world.status().settings;
    const listed = (settings: Readonly<Record<string, string>>): string =>
      Object.entries(settings).map(([name, value]) => `${name} "${value}"`).join(', ') || 'none';
    this.check(isDeepStrictEqual({ ...actual }, { ...expected }), `the phone's settings to be ${listed(expected)} and no others (they are ${listed(actual)})`);
  }

  noSetting(name: string): void {
    const actual = this.world.status().settings[name];
    this.check(actual === undefined, `the phone to have no setting ${name} (it is "${actual}")`);
  }

  /** The phone did not refuse the address typed last: it went to look for that server. */
  triedTypedServer(): void {
    const entry = this.world.keypad.history.map(({ input }) => input).filter((input) => input.kind === 'entry').at(-1);
    const host = entry ? serverAddress(entry.text).host : undefined;
    const tried = this.serversTried();
    this.check(host !== undefined && tried.includes(host), `the phone to accept the address typed and try to reach ${host ?? 'it'} (it tried ${tried.join(', ') || 'no server'})`);
  }

  /** The files the phone asked that server for, in order: the settings file and what it includes. */
  fetchedFiles(url: string, files: readonly string[]): void {
    const directory = serverAddress(url).path.replace(/\/?$/, '/');
    const expected = files.map((file) => `GET ${directory}${file}`);
    const requested = this.world.network.traffic.of('configuration server').filter((r) => r.event === 'request').map((r) => r.detail);
    this.check(
      requested.join('\n') === expected.join('\n'),
      `the phone to request ${expected.join(', then ')} and nothing else (it requested ${requested.join(', ') || 'nothing'})`,
    );
  }

  /** No connection to that server: what the phone ignored did not send it there. */
  neverContactedServer(url: string): void {
    const { host, port } = serverAddress(url);
    const tried = this.world.network.traffic.of('configuration server').some((r) => r.event === 'connection' && r.reached?.host === host && r.reached.port === port);
    this.check(!tried, `the phone never to contact the configuration server ${canonical(url)}`);
  }

  searchLasted(ms: number): void {
    const lasted = this.searchDuration();
    this.check(lasted === ms, `the phone to end its search for a server ${ms / 1000} s after it began (${lasted === undefined ? 'it never ended' : `it ended after ${lasted / 1000} s`})`);
  }

  /** The phone asked DNS for this name before contacting it as a configuration server: it took it for a name. */
  lookedUp(name: string): void {
    const lookups = this.world.network.traffic.of('configuration server').filter((r) => r.event === 'name lookup').map((r) => r.detail.split(' → ')[0]);
    this.check(lookups.includes(name), `the phone to look up the name ${name} (it looked up ${lookups.join(', ') || 'no name'})`);
  }

  /** Exactly these servers, in this order: a server the phone made up or skipped fails the check. */
  askedServersInOrder(urls: readonly string[]): void {
    const tried = this.serversTried();
    const expected = urls.map((url) => serverAddress(url).host);
    this.check(
      tried.join(' ') === expected.join(' '),
      `the phone to try ${expected.join(', then ')} in that order and no other server (it tried ${tried.join(', ') || 'none'})`,
    );
  }

  /** The hosts the phone looked up or connected to as configuration servers, each once per attempt. */
  private serversTried(): string[] {
    const hosts = this.world.network.traffic
      .of('configuration server')
      .map(({ event, detail, reached }) => (event === 'name lookup' ? detail.split(' → ')[0] : reached?.host))
      .filter((host): host is string => host !== undefined);
    return hosts.filter((host, index) => host !== hosts[index - 1]);
  }

  // --- the product layer's expectations: what the phone does and keeps --------------------

  /** Before any answer the phone has not looked for a configuration server anywhere. */
  lookedNowhere(): void {
    for (const service of ['DES', 'DHCP', 'LLDP', 'configuration server'] as const) this.neverContacted(service);
  }

  /** The settings the site's configuration servers hold (support/site.ts) are the phone's. */
  hasSiteSettings(): void {
    for (const [, name, value] of SITE_SETTINGS.matchAll(/^SET (\S+) "?([^"\n]*)"?$/gm)) this.setting(name!, value!);
  }

  /** ASSUME-20: no screen since power on held the code in clear, in its words or its meaning. */
  neverShowedInClear(code: string): void {
    const shown = this.shownSincePowerOn().filter(({ content }) => JSON.stringify(content).includes(code));
    this.check(shown.length === 0, `the enrollment code never to be shown in clear (it was, on: ${shown.map(({ content }) => described(content)).join(', ')})`);
  }
}
