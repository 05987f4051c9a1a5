/**
 * A deliberately faulty phone, for `npm run test:faulty-phone` only: the reference state chart and
 * interpreter with the defects of defects.ts injected around them (nothing copied). The suite
 * must fail on it and name each broken requirement. FAULTY_PHONE_DEFECT=<requirement> injects that
 * requirement's defect alone, so the check can see which scenarios each defect fails.
 */
import type { Connection, Keypad, Network, PhoneFactory, PhonePorts, Screen } from '../phone/ports';
import { phoneRunning } from '../phone/phone';
import { transition, type Effect, type PhoneEvent, type PhoneState, type Step } from '../phone/state-chart';
import { DES_ADDRESS } from '../phone/services/des-client';
import { INJECTED_DEFECTS } from './defects';

const only = process.env.FAULTY_PHONE_DEFECT;
if (only !== undefined && !INJECTED_DEFECTS.some((d) => d.requirement === only)) {
  throw new Error(`FAULTY_PHONE_DEFECT=${only} names no injected defect; it may be one of ${INJECTED_DEFECTS.map((d) => d.requirement).join(', ')}.`);
}
const injected = (requirement: string): boolean => only === undefined || only === requirement;

const pressed = (event: PhoneEvent, key: 'No' | 'Cancel'): boolean => event.type === 'input' && event.input.kind === 'softkey' && event.input.key === key;

function faultyChart(onTimeout: () => void) {
  return (state: PhoneState, event: PhoneEvent): Step => {
    // CODE-3: Cancel at the code prompt goes back to DES.
    if (injected('CODE-3') && state.name === 'entering code' && pressed(event, 'Cancel')) {
      return { state: { name: 'asking DES', withCode: false, address: state.address }, effects: [{ type: 'show', meaning: { kind: 'contacting DES' } }, { type: 'ask DES' }] };
    }
    if (event.type === 'answer window closed') onTimeout();
    const step = transition(state, event);
    // PROMPT-2: the answer window is a second short.
    const effects: Effect[] = step.effects.map((e) => (injected('PROMPT-2') && e.type === 'start timer' && e.timer === 'answer window' ? { ...e, ms: e.ms - 1000 } : e));
    // NO-1: after No the phone still asks DES (and ignores what it says).
    if (injected('NO-1') && state.name === 'asking' && pressed(event, 'No')) effects.push({ type: 'ask DES' });
    return { state: step.state, effects };
  };
}

/** CODE-2: a DES request with an enrollment code goes out without the serial number (Content-Length kept right). */
function withoutSerialNumber(connection: Connection): Connection {
  const send = connection.send.bind(connection);
  connection.send = (data) => {
    const [head = '', body = ''] = data.split('\r\n\r\n');
    if (!body.includes('enrollmentCode')) return send(data);
    const { serialNumber: _left, ...rest } = JSON.parse(body) as Record<string, unknown>;
    const stripped = JSON.stringify(rest);
    send(`${head.replace(/Content-Length: \d+/, `Content-Length: ${stripped.length}`)}\r\n\r\n${stripped}`);
  };
  return connection;
}

export const createPhone: PhoneFactory = (ports: PhonePorts) => {
  let timedOut = false;
  // ASSUME-19: once the question timed out, DES is asked without TLS.
  const network: Network = {
    resolve: (host) => ports.network.resolve(host),
    connect: (target) => {
      if (target.host !== DES_ADDRESS.host) return ports.network.connect(target);
      const connection = ports.network.connect(injected('ASSUME-19') && timedOut ? { ...target, secure: false } : target);
      return injected('CODE-2') ? withoutSerialNumber(connection) : connection;
    },
    requestDhcp: (options, onOffer) => ports.network.requestDhcp(options, onOffer),
    listenLldp: (onFrame) => ports.network.listenLldp(onFrame),
  };
  // ASSUME-20: the code DES checks is shown as typed.
  let typed = '';
  const screen: Screen = {
    show: (content) =>
      ports.screen.show(injected('ASSUME-20') && content.meaning.kind === 'contacting DES' && content.meaning.codeDigits ? { ...content, detail: `Enrollment code ${typed}` } : content),
  };
  const keypad: Keypad = {
    onInput: (listener) =>
      ports.keypad.onInput((input) => {
        if (input.kind === 'entry') typed = input.text;
        listener(input);
      }),
  };
  return phoneRunning(faultyChart(() => (timedOut = true)))({ ...ports, network, screen, keypad });
};
