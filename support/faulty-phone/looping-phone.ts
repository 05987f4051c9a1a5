/**
 * A deliberately looping phone, for `npm run test:faulty-phone` only: the reference phone with two
 * loops injected, the kinds vendor firmware has. The suite must stop it fast, fail the scenarios it
 * loops in with a sentence about the loop, name the requirement, and leave every other scenario as it was.
 */
import type { PhoneFactory, PhonePorts, ScreenContent } from '../phone/ports';
import { phoneRunning } from '../phone/phone';
import { render } from '../phone/screens';
import { referenceWording } from '../phone/wording';
import { transition, type PhoneEvent, type PhoneState, type Step } from '../phone/state-chart';

/** The loops the phone carries, each with the requirement the suite must name when it stops it. */
export const INJECTED_LOOPS = [
  { requirement: 'YES-3', loop: 'when the server DES named cannot be contacted, the phone asks DES again, and again (a little virtual time passes per turn)' },
  { requirement: 'ASSUME-5', loop: 'when DES rejects the enrollment code, the phone redraws its prompt in an endless promise chain (no time passes, no timer ever runs)' },
] as const;

function loopingChart(redrawForever: (screen: ScreenContent) => void) {
  return (state: PhoneState, event: PhoneEvent): Step => {
    const step = transition(state, event);
    // YES-3: a settings failure after DES named the server goes back to DES instead of asking the user.
    if (state.name === 'fetching settings' && event.type === 'settings fetched' && event.outcome.kind === 'failed' && step.state.name === 'asking for server') {
      const asked = askedDesBefore.has(state);
      if (asked) return { state: { name: 'asking DES', withCode: false, address: state.address }, effects: [{ type: 'show', meaning: { kind: 'contacting DES' } }, { type: 'ask DES' }] };
    }
    if (state.name === 'asking DES' && event.type === 'DES answered') {
      if (event.outcome.kind === 'assigned') askedDesBefore.add(step.state);
      // ASSUME-5: the prompt is redrawn for ever, in microtasks only.
      if (event.outcome.kind === 'code rejected') redrawForever(render({ kind: 'enrollment code prompt' }, referenceWording));
    }
    return step;
  };
}

/** The states the phone reached straight from a DES answer (a state is a fresh object per transition). */
const askedDesBefore = new WeakSet<PhoneState>();

export const createPhone: PhoneFactory = (ports: PhonePorts) => {
  const redrawForever = (screen: ScreenContent): void => {
    const redraw = (): Promise<void> => Promise.resolve().then(() => {
      ports.screen.show(screen);
      return redraw();
    });
    void redraw();
  };
  return phoneRunning(loopingChart(redrawForever))(ports);
};
