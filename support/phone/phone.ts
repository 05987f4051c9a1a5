/**
 * The reference phone: runs the state chart against its ports. It holds no decisions of
 * its own; it carries out effects and turns what the world answers into events.
 */
import type { Phone, PhoneFactory, PhonePorts } from './ports';
import { askDes } from './services/des-client';
import { fetchSettings } from './services/settings-client';
import { PROVISIONING_OPTIONS, serversFromDhcp, serversFromLldp } from './services/local-discovery';
import { initialState, transition, type Effect, type PhoneEvent, type PhoneState, type Timer } from './state-chart';
import { render, type Wording } from './screens';
import { referenceWording } from './wording';

const timerEvents: Record<Timer, PhoneEvent> = {
  'answer window': { type: 'answer window closed' },
  'discovery window': { type: 'discovery window closed' },
  'DHCP retry': { type: 'DHCP retry due' },
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, a waiting prompt takes any event but a key, a lockout's end or DES's answer for this timer's (state-chart.ts waitingForUser)
  'DES retry': { type: 'DES retry due' },
  lockout: { type: 'lockout over' },
};

/**
 * Runs a state chart through the ports, wording its screens with a catalogue: the reference phone
 * runs the reference chart in the reference wording (support/faulty-phone runs an altered chart,
 * support/phone/other-wording-phone.ts another wording).
 */
export const phoneRunning = (chart: typeof transition, wording: Wording = referenceWording): PhoneFactory => (ports: PhonePorts): Phone => {
  let state: PhoneState = initialState;
  const timers = new Map<Timer, unknown>();
  /** Stops listening for LLDP; a phone that never searched has nothing to stop. */
  let stopLldp = (): void => undefined;

  const dispatch = (event: PhoneEvent): void => {
    const step = chart(state, event);
    state = step.state;
    step.effects.forEach(perform);
  };

  const whenSettled = <T>(work: Promise<T>, toEvent: (value: T) => PhoneEvent): void => {
    work.then(
      (value) => dispatch(toEvent(value)),
      // Stryker disable next-line ArrowFunction: equivalent, the services settle every failure into an outcome; this only reports a defect of theirs
      (error: unknown) => ports.log.fault(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
  };

  function perform(effect: Effect): void {
    switch (effect.type) {
      case 'show':
        return ports.screen.show(render(effect.meaning, wording));
      // Stryker disable next-line StringLiteral: equivalent, the phone's log narrates for the timeline and no requirement specifies it
      case 'log':
        return ports.log.write(effect.line);
      case 'start timer':
        timers.set(
          effect.timer,
          ports.clock.setTimeout(() => {
            timers.delete(effect.timer);
            dispatch(timerEvents[effect.timer]);
          }, effect.ms),
        );
        return;
      case 'cancel timer':
        ports.clock.clearTimeout(timers.get(effect.timer));
        timers.delete(effect.timer);
        return;
      case 'ask DES': {
        const { retry } = effect;
        return whenSettled(askDes(ports, effect.code), (outcome) => (retry ? { type: 'DES answered', outcome, retry } : { type: 'DES answered', outcome }));
      }
      case 'request address':
        // Stryker disable next-line ArrayDeclaration: equivalent, only options 43 and 242 ask DHCP for a server: any other list asks for an address alone
        return ports.network.requestDhcp([], ({ address }) =>
          // Stryker disable next-line ArrayDeclaration: equivalent, an answer to this request reaches the chart only outside the search, where it reads no servers
          dispatch({ type: 'DHCP answered', address, servers: [] }),
        );
      case 'start local discovery':
        ports.network.requestDhcp(PROVISIONING_OPTIONS, (offer) => {
          // Stryker disable next-line ArrowFunction: equivalent, what the phone ignored in an option reaches only its log
          const servers = serversFromDhcp(offer, ports.identity, (problem) => ports.log.write(problem));
          dispatch({ type: 'DHCP answered', address: offer.address, servers });
        });
        stopLldp = ports.network.listenLldp((frame) => {
          const read = serversFromLldp(frame, ports.identity);
          // Stryker disable next-line StringLiteral: equivalent, a frame read as no servers leaves the search as it was, like one without a file server
          if ('problem' in read) ports.log.write(read.problem);
          else dispatch({ type: 'LLDP announced', servers: read.servers });
        });
        return;
      case 'stop local discovery':
        return stopLldp();
      case 'fetch settings':
        return whenSettled(fetchSettings(ports, effect.servers), (outcome) => ({ type: 'settings fetched', outcome }));
      case 'store':
        return ports.memory.write(effect.provisioning);
    }
  }

  ports.keypad.onInput((input) => dispatch({ type: 'input', input }));

  return {
    powerOn: () => {
      const stored = ports.memory.read();
      dispatch(stored ? { type: 'power on', stored } : { type: 'power on' });
    },
    status: () =>
      state.name === 'provisioned'
        ? { state: state.name, configurationServer: state.server, settings: state.settings }
        : { state: state.name, settings: {} },
  };
};

export const createReferencePhone: PhoneFactory = phoneRunning(transition);
/** What the PHONE=<module> seam looks for: `PHONE=support/phone/phone.ts` names the reference phone explicitly. */
export const createPhone: PhoneFactory = createReferencePhone;
