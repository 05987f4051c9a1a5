/**
 * No phone can hang the suite. Every call the phone makes to its ports is counted; a phone that makes
 * more calls than any boot needs, without virtual time moving on, is stopped and its scenario fails
 * with a sentence about what it kept doing. A phone whose scenario has ended is stopped the same way.
 *
 * Why the ports: a phone whose work is microtasks only never yields to a timer, so Cucumber's own
 * step timeout cannot fire; but it cannot avoid its ports, which the suite owns.
 */
import { performance } from 'node:perf_hooks';
import type { Clock, Network, PhonePorts } from './phone/ports';

/** A boot does a few hundred things in its whole life; a phone that does this many in one window is looping. */
export const RUNAWAY_BUDGET = 10_000;
/** The window the budget counts in, in virtual time: a loop that lets a little time pass per turn is caught too. */
export const RUNAWAY_WINDOW_MS = 60_000;
/**
 * A backstop in real time for one stretch of letting the phone work (settle, waiting for the question):
 * under Cucumber's 5 s step timeout, so the failure is this sentence about the phone, not a bare timeout.
 */
export const REAL_TIME_LIMIT_MS = 4_000;
/** How many recent things the sentence is derived from. */
const RECENT = 400;

/** The phone was stopped: the message says what it kept doing. */
export class RunawayPhone extends Error {
  override name = 'RunawayPhone';
}

/**
 * A stopped phone's own promise chains reject with RunawayPhone where nobody listens; the guard has
 * already failed the step (check), so those rejections are expected. Any other stays fatal, as by default.
 */
process.on('unhandledRejection', (reason) => {
  if (!(reason instanceof RunawayPhone)) throw reason;
});

export class RunawayGuard {
  private windowStart = Number.NaN;
  private count = 0;
  /** Calls made at the current virtual instant. */
  private instant = Number.NaN;
  private atInstant = 0;
  /** The last RECENT calls, as a ring: call n is at n % RECENT (a boot makes hundreds of calls, 10,000 boots a run). */
  private readonly ring: string[] = [];
  /** Calls ever counted, and how many there were when the current stretch began. */
  private total = 0;
  private totalAtStretch = 0;
  private stopped: RunawayPhone | undefined;
  private ended = false;
  private realStart = performance.now();

  constructor(
    private readonly now: () => number,
    /** "t+12.000 s": when, in the scenario's virtual time. */
    private readonly when: (at: number) => string,
    /** What the phone did, for the step's failure message. */
    private readonly diagnosis: () => string,
  ) {}

  /** Why the phone was stopped, if it was. */
  get failure(): RunawayPhone | undefined {
    return this.stopped;
  }

  /** Whether the phone's calls, timers and callbacks go nowhere: it was stopped, or its scenario is over. */
  get halted(): boolean {
    return this.ended || this.stopped !== undefined;
  }

  /** The scenario is over: whatever the phone does from now on goes nowhere. */
  endScenario(): void {
    this.ended = true;
  }

  /** Counts one call of the phone to a port; throws once the phone is stopped. */
  record(what: string): void {
    if (this.ended) this.stopped ??= new RunawayPhone(`The phone kept working after its scenario ended: ${what}.`);
    if (this.stopped) throw this.stopped;
    const now = this.now();
    if (!(now - this.windowStart < RUNAWAY_WINDOW_MS)) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    this.atInstant = now === this.instant ? this.atInstant + 1 : 1;
    this.instant = now;
    this.ring[this.total % RECENT] = what;
    this.total += 1;
    if (this.count >= RUNAWAY_BUDGET) {
      this.stopped = new RunawayPhone(this.sentence(now));
      throw this.stopped;
    }
  }

  /** Starts the real-time backstop for one stretch of letting the phone work. */
  startStretch(): void {
    this.realStart = performance.now();
    this.totalAtStretch = this.total;
  }

  /** Called between the phone's timers: fails the step if the phone was stopped or the stretch took too long in real time. */
  check(): void {
    // A step Cucumber gave up on (its timeout) may still be running the phone: it stops here.
    if (this.ended) throw new RunawayPhone('The scenario ended while a step was still running its phone.');
    const seconds = (performance.now() - this.realStart) / 1000;
    if (!this.stopped && seconds * 1000 > REAL_TIME_LIMIT_MS) {
      const during = this.recent(this.total - this.totalAtStretch || RECENT);
      this.stopped = new RunawayPhone(`The phone kept the suite busy for ${seconds.toFixed(1)} s of real time at ${this.when(this.now())}: ${this.loop(during)}.`);
    }
    if (this.stopped) throw new RunawayPhone(`${this.stopped.message}\n\n${this.diagnosis()}`);
  }

  private sentence(now: number): string {
    // Most of the budget spent at one instant: time did not pass for the loop, whatever came before it.
    const span = this.atInstant * 2 > RUNAWAY_BUDGET ? `at ${this.when(now)} without time passing` : `between ${this.when(this.windowStart)} and ${this.when(now)}`;
    return `The phone did ${RUNAWAY_BUDGET.toLocaleString('en-GB')} things ${span}: ${this.loop()}. It was stopped.`;
  }

  /** The last `count` calls (at most RECENT), oldest first. */
  private recent(count: number): string[] {
    const from = Math.max(0, this.total - Math.min(count, RECENT));
    return Array.from({ length: this.total - from }, (_, i) => this.ring[(from + i) % RECENT]!);
  }

  /**
   * What the phone keeps doing, from its most recent port calls: the activities that make up the loop,
   * in order. Rare ones are left out (what led into the loop); of the rest, network activities tell the
   * most, screens next, timers and log lines only when nothing else happens.
   */
  loop(recent: readonly string[] = this.recent(RECENT)): string {
    const counts = new Map<string, number>();
    recent.forEach((what) => counts.set(what, (counts.get(what) ?? 0) + 1));
    const most = Math.max(0, ...counts.values());
    const frequent = recent.filter((what) => counts.get(what)! * 4 >= most);
    const tiers = [(w: string) => !w.startsWith('(') && !w.startsWith('showing '), (w: string) => !w.startsWith('('), () => true];
    const telling = tiers.map((tier) => frequent.filter(tier)).find((activities) => activities.length) ?? [];
    const activities = [...new Set(telling)].map((what) => what.replace(/^\((.*)\)$/, '$1'));
    if (activities.length === 0) return 'it called none of its ports';
    if (activities.length === 1) return `it keeps ${activities[0]}`;
    return `it loops between ${activities.slice(0, -1).join(', ')} and ${activities.at(-1)}`;
  }
}

type ServiceNaming = (host: string) => string;

/**
 * The ports as the phone receives them: each call counted by the guard. Once the phone is stopped,
 * calls throw, timers are not set and lookups never answer, so promise chains and timer chains end.
 * Activities in parentheses (timers, log lines) are counted but only named when nothing else happens.
 */
export function guardedPorts(ports: PhonePorts, guard: RunawayGuard, activityAt: ServiceNaming): PhonePorts {
  const clock: Clock = {
    now: () => ports.clock.now(),
    setTimeout: (callback, ms) => {
      guard.record('(setting timers)');
      return ports.clock.setTimeout(() => (guard.halted ? undefined : callback()), ms);
    },
    clearTimeout: (handle) => ports.clock.clearTimeout(handle),
  };
  const network: Network = {
    resolve: (host) => {
      if (guard.halted) return new Promise(() => undefined);
      guard.record(activityAt(host));
      return ports.network.resolve(host);
    },
    connect: (target) => {
      guard.record(activityAt(target.host));
      return ports.network.connect(target);
    },
    requestDhcp: (options, onOffer) => {
      guard.record('asking DHCP');
      ports.network.requestDhcp(options, (offer) => guard.halted || onOffer(offer));
    },
    listenLldp: (onFrame) => {
      guard.record('listening for LLDP');
      return ports.network.listenLldp((frame) => guard.halted || onFrame(frame));
    },
  };
  return {
    identity: ports.identity,
    clock,
    network,
    screen: {
      show: (content) => {
        guard.record(`showing the ${content.meaning.kind} screen`);
        ports.screen.show(content);
      },
    },
    keypad: { onInput: (listener) => ports.keypad.onInput((input) => guard.halted || listener(input)) },
    log: {
      write: (line) => {
        guard.record('(writing its log)');
        ports.log.write(line);
      },
      // A defect report is kept even from a stopped phone: it may explain the loop.
      fault: (description) => ports.log.fault(description),
    },
    memory: {
      read: () => {
        guard.record('(reading its memory)');
        return ports.memory.read();
      },
      write: (provisioning) => {
        guard.record('storing its provisioning');
        ports.memory.write(provisioning);
      },
    },
  };
}
