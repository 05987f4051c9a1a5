/**
 * One scenario's world: a phone (any implementation of the ports), its user, its network,
 * and the one virtual clock they share. Steps call these domain-level methods; the World
 * owns the mechanics of time and recording.
 */
import type { IWorldOptions } from '@cucumber/cucumber';
// Cucumber's World class alone (the same class @cucumber/cucumber exports): boot threads build worlds without loading all of Cucumber.
import World from '@cucumber/cucumber/lib/support_code_library_builder/world';
// sinon's fake timers, without the rest of sinon: loading sinon costs more than a hundred scenarios.
import { install, type Clock as FakeClock } from '@sinonjs/fake-timers';
import { NonVolatileMemory, PhoneLog, RecordedScreen, renderScreen, UserKeypad, type Shown } from './devices';
import { loadPhoneFactory } from './phone-under-test';
import type { Clock, Phone, PhoneIdentity, PhoneStatus, Softkey } from './phone/ports';
import { StubNetwork } from './network/stub-network';
import { Expectations, isRefusal, type ManualForm } from './expectations';
import { Site } from './site';
import { stamper, type Moment, type Stamp } from './moment';
import { guardedPorts, RunawayGuard } from './runaway-guard';

/** The scenario's virtual clock, as sinon's fake timers install it. */
export type VirtualClock = FakeClock;

/** Cucumber's own stopwatch uses performance.now and hrtime: leave them real. */
const VIRTUAL_TIMERS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;
const START_OF_TIME = Date.parse('2026-11-29T09:00:00Z');

/** The one installed clock of this process or thread, if any. */
let installed: VirtualClock | undefined;

/** A fresh virtual clock, installed for the global timers mock-socket also uses. One at a time. */
export function installVirtualClock(): VirtualClock {
  uninstallVirtualClock();
  installed = install({ toFake: [...VIRTUAL_TIMERS], now: START_OF_TIME });
  return installed;
}

/**
 * The installed clock set back to the start of time with no timers, or a new one: installing a
 * clock costs more than most scenarios, so scenarios share one and reset it.
 */
export function resetVirtualClock(): VirtualClock {
  if (!installed) return installVirtualClock();
  installed.reset();
  return installed;
}

export function uninstallVirtualClock(): void {
  // Also a clock an earlier load of this module left installed (a runner that reloads the suite between runs).
  (installed ?? (globalThis.Date as { clock?: VirtualClock }).clock)?.uninstall();
  installed = undefined;
}

export const PHONE_IDENTITY: PhoneIdentity = {
  model: 'J179',
  macAddress: '00:1B:4F:5A:10:01',
  serialNumber: '22WZ51234567',
  firmware: '4.1.3.0.7',
};

/** Bounds "let the phone get on with it": a boot that needs more virtual time than this hangs. */
const SETTLE_LIMIT_MS = 30 * 60_000;
/** ASSUME-17: DES answers, or the phone gives it up, within 10 s. */
const DES_ANSWERS_WITHIN_MS = 10_000;
/** Timeline entries a failure message quotes at most. */
const DIAGNOSIS_ENTRIES = 200;
/** A J100 takes about a minute to restart; nothing in the specification depends on the figure. */
const RESTART_MS = 60_000;
/** Where the phone waits for someone: background work it may still do there (ASSUME-33, ASSUME-34) is not waited for. */
const WAITING_FOR_SOMEONE: ReadonlySet<PhoneStatus['state']> = new Set(['entering code', 'asking for server', 'asking for provisioning details', 'unprovisioned', 'provisioned']);
/**
 * ASSUME-31: a phone without an address keeps asking DHCP; once its screen has meant the same, and the site has not
 * changed, for this long, it is at rest waiting for the network.
 */
const NO_NETWORK_REST_MS = 2 * 60_000;
/** How long a phone may take from power on to the question before the suite calls it broken. */
const STARTUP_LIMIT_MS = 5 * 60_000;

/**
 * Resolves once the promise chains the phone has running have all settled: Node runs a process.nextTick
 * callback only when the microtask queue is empty. A real macrotask (setImmediate, as clock.tickAsync yields)
 * costs ten times as much, and a phone schedules nothing outside its ports (support/phone/README.md).
 */
const chainsSettled = (): Promise<void> => Promise.resolve().then(() => new Promise((resolve) => process.nextTick(resolve)));
/**
 * One real turn of Node's event loop: Node reports a promise rejection nobody handled (a phone that throws
 * inside its own promise chain) only once no nextTick is pending, and the runaway guard turns that report
 * into an uncaught exception, which fails the step that is running.
 */
export const eventLoopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface TimelineEntry extends Moment {
  readonly source: string;
  readonly text: string;
}

export class ProvisioningWorld extends World {
  clock!: VirtualClock;
  network!: StubNetwork;
  screen!: RecordedScreen;
  keypad!: UserKeypad;
  phoneLog!: PhoneLog;
  site!: Site;
  readonly expect = new Expectations(this);
  memory!: NonVolatileMemory;
  private phone: Phone | undefined;
  /** Stops a phone that loops without time passing, or works on after its scenario (support/runaway-guard.ts). */
  guard!: RunawayGuard;
  private stamp!: Stamp;
  private poweredOnAt = 0;
  /** When the site last changed while the phone waited for it (a DHCP server came): the phone needs time to notice. */
  private siteChangedAt = Number.NEGATIVE_INFINITY;
  private turnAfterEachOperation = true;
  /** An operation (see operation) is running: those it runs within it leave the turn of the event loop to it. */
  private inOperation = false;
  /** The phone's refusals a step has checked, by position in its screen history (see assertNothingWentUnnoticed). */
  private readonly acknowledgedRejections = new Set<number>();

  constructor(options: IWorldOptions) {
    super(options);
  }

  /**
   * Called by the Before hook with the scenario's virtual clock. A scenario takes a turn of the event loop after each
   * of its steps' operations on the phone (see operation), so that a rejection nobody handled fails the step where it
   * happened. The invariants' boots leave the turns to their caller (support/invariants/campaign.ts), who takes one
   * every few hundred boots: a turn costs more than all of a boot's timers (measured).
   */
  start(clock: VirtualClock, turns: 'after each operation' | 'left to the caller' = 'after each operation'): void {
    this.turnAfterEachOperation = turns === 'after each operation';
    this.clock = clock;
    this.stamp = stamper(() => clock.now);
    this.network = new StubNetwork(this.portClock(), this.stamp);
    this.screen = new RecordedScreen(this.stamp);
    this.keypad = new UserKeypad(this.stamp);
    this.phoneLog = new PhoneLog(this.stamp);
    this.memory = new NonVolatileMemory(this.stamp);
    this.site = new Site(this.network);
    this.guard = new RunawayGuard(() => clock.now, (at) => `t+${this.elapsed(at).toFixed(3)} s`, () => this.diagnosis());
  }

  stop(): void {
    this.guard?.endScenario();
    this.network?.shutDown();
  }

  // --- the phone -----------------------------------------------------------------------

  powerOn(): Promise<void> {
    return this.operation(async () => {
      this.poweredOnAt = this.clock.now;
      const ports = { identity: PHONE_IDENTITY, clock: this.portClock(), screen: this.screen, keypad: this.keypad, network: this.network, log: this.phoneLog, memory: this.memory };
      this.phone = loadPhoneFactory()(guardedPorts(ports, this.guard, (host) => this.network.activityAt(host)));
      this.phone.powerOn();
      await this.letTimePass(0);
      this.guard.check();
    });
  }

  /** A restart keeps what the phone stored (non-volatile memory) and nothing else. */
  restart(): Promise<void> {
    return this.operation(async () => {
      await this.settle();
      await this.letTimePass(RESTART_MS);
      this.keypad = new UserKeypad(this.stamp);
      await this.powerOn();
    });
  }

  /** Virtual time of the latest power on. */
  get poweredOn(): number {
    return this.poweredOnAt;
  }

  status(): PhoneStatus {
    return this.phone?.status() ?? { state: 'off', settings: {} };
  }

  // --- the user --------------------------------------------------------------------------
  // Answers and the administration menu act at a moment in time; replies to a prompt first let
  // the phone reach that prompt. Outcome steps let the phone finish first (see hooks.ts).

  /** `afterMs` counts from the moment the question appeared (ASSUME-8), however long the phone took to start. */
  answer(key: Softkey, afterMs = 0): Promise<void> {
    return this.operation(async () => {
      await this.waitWithoutAnswer(afterMs);
      this.keypad.press(key);
    });
  }

  waitWithoutAnswer(ms: number): Promise<void> {
    return this.operation(async () => {
      const shownAt = await this.questionShown();
      await this.letTimePass(Math.max(0, shownAt + ms - this.clock.now));
      this.guard.check();
    });
  }

  /** When the question appeared since power on; lets a slow-starting phone get there first. */
  private async questionShown(): Promise<number> {
    // The product layer's "When the user answers …" may be a scenario's first step: that starts the first boot.
    if (this.phone === undefined) await this.powerOn();
    const deadline = this.poweredOnAt + STARTUP_LIMIT_MS;
    this.guard.startStretch();
    for (;;) {
      this.guard.check();
      const shown = this.screen.history.find(({ at, content }) => at >= this.poweredOnAt && content.meaning?.kind === 'question');
      if (shown) return shown.at;
      if (this.clock.countTimers() === 0 || this.clock.now >= deadline) {
        throw new Error(`The phone did not ask the auto provisioning question within ${STARTUP_LIMIT_MS / 1000} s of power on.\n\n${this.diagnosis()}`);
      }
      await this.nextTimer();
    }
  }

  press(key: Softkey): Promise<void> {
    return this.onceSettled(() => this.keypad.press(key));
  }

  enterCode(code: string): Promise<void> {
    return this.onceSettled(() => this.keypad.enter(code, true));
  }

  /** The user can only type into the prompt the phone shows. */
  enterManually(form: ManualForm, text: string): Promise<void> {
    return this.onceSettled(() => {
      this.expect.asksByHand(form);
      this.keypad.enter(text, false);
    });
  }

  setInAdministrationMenu(server: string): Promise<void> {
    return this.operation(async () => {
      await this.letTimePass(0);
      this.keypad.setInAdministrationMenu(server);
    });
  }

  /** The installer waits for the phone's prompt, then uses the administration menu instead. */
  setInAdministrationMenuAtPrompt(server: string): Promise<void> {
    return this.onceSettled(() => this.keypad.setInAdministrationMenu(server));
  }

  /** The user acts once the phone waits for them (or has finished). */
  private onceSettled(act: () => void): Promise<void> {
    return this.operation(async () => {
      await this.settle();
      act();
    });
  }

  /** A phone that went through its first boot with DES: the starting point of later boots. */
  provisionThroughDes(url: string): Promise<void> {
    return this.operation(async () => {
      this.network.des.assign(url);
      this.site.holdsSettings(url);
      await this.powerOn();
      await this.answer('Yes');
      await this.settle();
      this.expect.provisionedFrom(url);
    });
  }

  /** ASSUME-33: lets time run until the phone has asked DES again by itself, has the user act before DES answers, then lets DES answer. */
  whileAskingDesAgain(act: () => void): Promise<void> {
    return this.operation(async () => {
      await this.settle();
      const connections = (): number => this.network.traffic.of('DES').filter((r) => r.event === 'connection').length;
      const before = connections();
      while (connections() === before) {
        this.expect.check(this.clock.countTimers() > 0, 'the phone to ask DES again by itself');
        await this.nextTimer();
      }
      act();
      await this.letTimePass(DES_ANSWERS_WITHIN_MS);
    });
  }

  /**
   * Lets virtual time run until the phone waits for the user or has finished. At the question
   * the phone is waiting for the user: only "nobody answers for …" lets that minute pass.
   */
  settle(): Promise<void> {
    return this.operation(() => this.runUntilWaiting());
  }

  private async runUntilWaiting(): Promise<void> {
    this.guard.startStretch();
    await this.letTimePass(0);
    this.guard.check();
    if (this.status().state === 'asking') return;
    const deadline = this.clock.now + SETTLE_LIMIT_MS;
    while (this.clock.countTimers() > 0 && this.clock.now < deadline) {
      const { state } = this.status();
      if (WAITING_FOR_SOMEONE.has(state)) return;
      if (state === 'waiting for network' && this.clock.now - Math.max(this.meaningShownSince(), this.siteChangedAt) >= NO_NETWORK_REST_MS) return;
      await this.nextTimer();
      this.guard.check();
    }
    if (this.clock.countTimers() > 0) {
      throw new Error(`The phone was still busy after ${SETTLE_LIMIT_MS / 60_000} virtual minutes: ${this.guard.loop()}.\n\n${this.diagnosis()}`);
    }
  }

  /** A DHCP server comes (back) onto the network: a phone waiting for an address is not at rest before it could notice. */
  dhcpServerArrives(): void {
    this.site.dhcpServerArrives();
    this.siteChangedAt = this.clock.now;
  }

  /** Since when the screen has meant what it means now: a phone may show the same meaning again (with each DHCP request, say). */
  private meaningShownSince(): number {
    const { history } = this.screen;
    const kind = history.at(-1)?.content.meaning?.kind;
    let since = this.clock.now;
    for (let i = history.length - 1; i >= 0 && history[i]!.content.meaning?.kind === kind; i--) since = history[i]!.at;
    return since;
  }

  /**
   * Lets `ms` of virtual time pass, as clock.tickAsync does but without its real macrotasks: fires each timer
   * due by then, in order, and lets the promise chains it started settle before the next. Unlike tickAsync, a
   * timer of 0 ms set from such a chain is due at once, as one set from a timer is; and a timer that throws
   * ends the step there.
   */
  letTimePass(ms: number): Promise<void> {
    return this.operation(async () => {
      const until = this.clock.now + ms;
      this.guard.startStretch();
      await chainsSettled();
      while (this.nextTimerAt() <= until) {
        await this.nextTimer();
        this.guard.check();
      }
      // No timer is due before `until`: this only moves the time on.
      this.clock.tick(until - this.clock.now);
    });
  }

  /**
   * Runs one of the world's operations on the phone. When a scenario's outermost operation ends, even by
   * throwing, it takes one real turn of the event loop (eventLoopTurn), so that a promise rejection nobody
   * handled fails the step that made it; operations within it take none (a turn costs more than most
   * stretches of virtual time). The boots take theirs every few hundred boots (see start).
   */
  private operation<T>(work: () => Promise<T>): Promise<T> {
    return this.turnAfterEachOperation && !this.inOperation ? this.outermostOperation(work) : work();
  }

  private async outermostOperation<T>(work: () => Promise<T>): Promise<T> {
    this.inOperation = true;
    try {
      return await work();
    } finally {
      this.inOperation = false;
      await eventLoopTurn();
    }
  }

  /** When the next timer is due, from fake-timers' own heap of timers (typed, though its documentation calls it internal). */
  private nextTimerAt(): number {
    const heap = this.clock.timerHeap;
    if (!heap && this.clock.countTimers() > 0) throw new Error('@sinonjs/fake-timers keeps its timers elsewhere than clock.timerHeap: ProvisioningWorld.letTimePass must learn where.');
    return heap?.peek()?.callAt ?? Infinity;
  }

  /**
   * Fires the next timer, then lets the promise chains it started settle. Not async: each await allocates.
   * Checks the runaway guard first: a step Cucumber gave up on (its phone threw) must not go on firing the
   * next scenario's timers, whichever loop it is in.
   */
  private nextTimer(): Promise<void> {
    this.guard.check();
    this.clock.next();
    return chainsSettled();
  }

  /** Virtual seconds since power on. */
  elapsed(at = this.clock.now): number {
    return (at - this.poweredOnAt) / 1000;
  }

  // --- what happened ---------------------------------------------------------------------

  timeline(): TimelineEntry[] {
    const entries: TimelineEntry[] = [
      ...this.screen.history.map(({ at, seq, content }) => ({ at, seq, source: 'screen', text: renderScreen(content) })),
      ...this.keypad.history.map(({ at, seq, description }) => ({ at, seq, source: 'user', text: description })),
      ...this.phoneLog.lines.map(({ at, seq, line }) => ({ at, seq, source: 'phone log', text: line })),
      ...this.memory.writes.map(({ at, seq, provisioning }) => ({ at, seq, source: 'memory', text: `stored ${JSON.stringify(provisioning)}` })),
      ...this.network.traffic.all().map(({ at, seq, service, event, detail }) => ({ at, seq, source: service, text: `${event}: ${detail}` })),
    ];
    return entries.sort((a, b) => a.seq - b.seq);
  }

  /** The whole timeline, or (with `atMost`) its beginning and end: a looping phone's runs to thousands of lines. */
  renderTimeline(atMost = Infinity): string {
    const entries = this.timeline();
    const shown = entries.length <= atMost ? entries : [...entries.slice(0, atMost / 4), undefined, ...entries.slice(-atMost * 3 / 4)];
    return shown
      .map((entry) => (entry ? this.renderEntry(entry) : `… ${entries.length - atMost} more entries …`))
      .join('\n');
  }

  private renderEntry({ at, source, text }: TimelineEntry): string {
    return `t+${this.elapsed(at).toFixed(3).padStart(8)} s  ${source.padEnd(20)} ${text}`;
  }

  /** What the phone did, for a failure message: its state, its screen and its history. */
  diagnosis(): string {
    const current = this.screen?.current();
    return [
      `The phone is in state "${this.status().state}" at t+${this.elapsed().toFixed(3)} s.`,
      `Its screen shows: ${current ? renderScreen(current) : '(nothing)'}`,
      'What happened, in virtual time:',
      this.renderTimeline(DIAGNOSIS_ENTRIES) || '(nothing)',
    ].join('\n');
  }

  /** A step has checked that the user saw the refusals shown so far. */
  acknowledgeRejections(): void {
    this.rejections().forEach(({ index }) => this.acknowledgedRejections.add(index));
  }

  /**
   * A scenario that passes must not hide trouble: a fault inside the phone, or an entry the
   * phone refused that no step checked (the user would have seen it; QA must too).
   */
  assertNothingWentUnnoticed(): void {
    if (this.guard.failure) throw new Error(`${this.guard.failure.message}\n\n${this.diagnosis()}`);
    if (this.phoneLog.faults.length) {
      throw new Error(`The phone failed internally:\n${this.phoneLog.faults.join('\n')}\n\n${this.diagnosis()}`);
    }
    const unchecked = this.rejections().filter(({ index }) => !this.acknowledgedRejections.has(index));
    if (unchecked.length) {
      const when = unchecked.map(({ shown }) => `t+${this.elapsed(shown.at).toFixed(3)} s: ${renderScreen(shown.content)}`);
      throw new Error(`The phone refused an entry on screen that no step checked:\n${when.join('\n')}\n\n${this.diagnosis()}`);
    }
  }

  /** The screens on which the phone refused what was typed, with their place in the screen's history. */
  private rejections(): { readonly index: number; readonly shown: Shown }[] {
    return this.screen.history.map((shown, index) => ({ index, shown })).filter(({ shown }) => isRefusal(shown));
  }

  private portClock(): Clock {
    return {
      now: () => this.clock.now,
      setTimeout: (callback, ms) => this.clock.setTimeout(callback, ms),
      clearTimeout: (handle) => this.clock.clearTimeout(handle as Parameters<VirtualClock['clearTimeout']>[0]),
    };
  }
}
