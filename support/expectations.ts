/**
 * What a scenario expects of the phone. Every failure says what was expected and then what
 * the phone did instead: its state, its screen and its timeline (screen, user, log, traffic).
 */
import { AssertionError } from 'chai';
import { renderScreen } from './devices';
import type { Service } from './network/traffic';
import type { PhoneStateName, ScreenContent } from './phone/ports';
import { canonical, serverAddress } from './site';
import type { ProvisioningWorld } from './world';

/** ASSUME-9: the length of the local search, as the specification states it (not read from the phone). */
const LOCAL_SEARCH_SECONDS = 30;

export type ManualForm = 'configuration server' | 'provisioning details';

const manualPrompts: Record<ManualForm, { state: PhoneStateName; title: string }> = {
  'configuration server': { state: 'asking for server', title: 'Enter configuration server' },
  'provisioning details': { state: 'asking for provisioning details', title: 'Enter provisioning details' },
};

export class Expectations {
  constructor(private readonly world: ProvisioningWorld) {}

  check(condition: boolean, expectation: string): void {
    if (!condition) throw new AssertionError(`Expected ${expectation}.\n\n${this.world.diagnosis()}`);
  }

  shows(title: string): void {
    this.check(this.world.screen.current()?.title === title, `the phone's screen to show "${title}"`);
  }

  offersSoftkeys(keys: readonly string[]): void {
    const offered = this.world.screen.current()?.softkeys ?? [];
    this.check(offered.join(' | ') === keys.join(' | '), `the phone to offer ${keys.join(' and ')} and nothing else (it offers ${offered.join(', ') || 'nothing'})`);
  }

  /** Since the latest power on, a screen with exactly this title, detail line and softkeys (none when empty). */
  showed(expected: ScreenContent): void {
    const keys = (content: ScreenContent): string => (content.softkeys ?? []).join(' | ');
    const shown = this.world.screen.history.filter(({ at }) => at >= this.world.poweredOn).map(({ content }) => content);
    const same = (content: ScreenContent): boolean =>
      content.title === expected.title && content.detail === expected.detail && keys(content) === keys(expected);
    this.check(shown.some(same), `the phone to have shown ${renderScreen(expected)}${expected.detail === undefined ? ' without a detail line' : ''}${keys(expected) ? '' : ' without softkeys'}`);
  }

  isIn(state: PhoneStateName): void {
    this.check(this.world.status().state === state, `the phone to be in state "${state}"`);
  }

  /** Since the latest power on. */
  neverShowed(title: string): void {
    const shown = this.world.screen.history.filter(({ at }) => at >= this.world.poweredOn);
    this.check(!shown.some(({ content }) => content.title === title), `the phone not to show "${title}" since it was powered on`);
  }

  asksByHand(form: ManualForm): void {
    const { state, title } = manualPrompts[form];
    this.isIn(state);
    this.shows(title);
  }

  told(text: string): void {
    const seen = this.world.screen.history.some(({ content }) => renderScreen(content).includes(text));
    this.check(seen, `the phone to tell the user "${text}"`);
    this.world.acknowledgeRejections(text);
  }

  /** The rejection must be on screen now, so the user can correct the entry. */
  refused(message: string): void {
    this.check(this.world.screen.current()?.detail === message, `the phone to refuse the entry saying "${message}"`);
    this.world.acknowledgeRejections();
  }

  provisionedFrom(url: string): void {
    const status = this.world.status();
    this.check(
      status.state === 'provisioned' && status.configurationServer === canonical(url),
      `the phone to be provisioned from ${canonical(url)} (it is ${status.state}${status.configurationServer ? ` from ${status.configurationServer}` : ''})`,
    );
  }

  setting(name: string, value: string): void {
    const actual = this.world.status().settings[name];
    this.check(actual === value, `the phone's setting ${name} to be "${value}" (it is ${actual === undefined ? 'not set' : `"${actual}"`})`);
  }

  contacted(service: Service): void {
    this.check(this.world.network.contacted(service), `the phone to contact ${service}`);
  }

  neverContacted(service: Service): void {
    this.check(!this.world.network.contacted(service), `the phone never to contact ${service}`);
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
    return this.world.network.traffic.of('DES').filter((record) => record.event === 'request').map((record) => record.detail);
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
    const prompt = this.world.screen.history.find(({ at, content }) => contacted && at > contacted.at && content.title.startsWith('Enter '));
    const waited = contacted && prompt ? prompt.at - contacted.at : undefined;
    this.check(waited === ms, `the phone to give up on ${service} ${ms / 1000} s after contacting it (it ${waited === undefined ? 'never gave up' : `gave up after ${waited / 1000} s`})`);
  }

  reachedDesOnlyOverTls(): void {
    const connections = this.world.network.traffic.of('DES').filter((r) => r.event === 'connection');
    this.check(
      connections.length > 0 && connections.every((r) => r.detail === 'TLS to des.avaya.com:443'),
      'every connection to DES to be TLS to des.avaya.com:443',
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

  /** The first screen since power on: nothing may come before the question (PROMPT-1). */
  firstShows(title: string): void {
    const first = this.world.screen.history.find(({ at }) => at >= this.world.poweredOn);
    this.check(first?.content.title === title, `the first screen to be "${title}" (it was "${first?.content.title ?? 'nothing'}")`);
  }

  /** What QA reads in the phone's log (syslog): the reason it ignored DHCP, LLDP or a settings file. */
  logged(text: string): void {
    this.check(this.world.phoneLog.lines.some(({ line }) => line.includes(text)), `the phone's log to say "${text}"`);
    this.world.acknowledgeRejections(text);
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
    const tried = this.world.network.traffic.of('configuration server').some((r) => r.event === 'connection' && r.detail.endsWith(` ${host}:${port}`));
    this.check(!tried, `the phone never to contact the configuration server ${canonical(url)}`);
  }

  searchLasted(ms: number): void {
    const lasted = this.searchDuration();
    this.check(lasted === ms, `the phone to end its search for a server ${ms / 1000} s after it began (${lasted === undefined ? 'it never ended' : `it ended after ${lasted / 1000} s`})`);
  }

  /** Codes the phone refused itself (ASSUME-4): each refusal is in its log, none reached DES. */
  refusedCodesOnThePhone(times: number): void {
    const refusals = this.world.phoneLog.lines.filter(({ line }) => /enrollment code refused on the phone/i.test(line)).length;
    this.check(refusals === times, `the phone to refuse ${times} enrollment code(s) itself (it refused ${refusals})`);
    this.world.acknowledgeRejections('Enrollment code refused');
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
      .map(({ event, detail }) => (event === 'name lookup' ? detail.split(' → ')[0] : event === 'connection' ? /to (.*):\d+$/.exec(detail)?.[1] : undefined))
      .filter((host): host is string => host !== undefined);
    return hosts.filter((host, index) => host !== hosts[index - 1]);
  }
}
