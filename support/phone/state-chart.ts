/**
 * The reference phone's whole decision logic: a pure state chart.
 * `transition(state, event)` returns the next state and the effects the interpreter
 * (`phone.ts`) carries out through the ports. Comments name the requirement or assumption
 * each transition implements (see features/requirements.json).
 */
import { parseEnrollmentCode } from './formats/enrollment-code';
import { formatServerAddress, parseServerAddress, type ServerAddress } from './formats/server-address';
import type { KeypadInput, Notice, ScreenMeaning, Softkey, StoredProvisioning } from './ports';
import { ANSWER_WINDOW_MS, DISCOVERY_WINDOW_MS } from './timings';

/** The prompt a failing server brings back: NO-2 asks for the provisioning details, the DES paths for the configuration server (YES-3, CODE-3). */
type Prompt = 'provisioning details' | 'configuration server';

/** What the phone does when no server in its list gives it settings. */
type Fallback =
  | { readonly to: 'stored settings'; readonly stored: StoredProvisioning } // ASSUME-15
  | { readonly to: 'DES' } // ASSUME-11 on the timeout path
  | { readonly to: 'prompt'; readonly prompt: Prompt }; // YES-3, NO-2, ASSUME-11, ASSUME-12

export type PhoneState =
  | { readonly name: 'off' }
  | { readonly name: 'asking' }
  | { readonly name: 'asking DES'; readonly withCode: boolean }
  | { readonly name: 'entering code' }
  | {
      readonly name: 'discovering locally';
      readonly path: 'no' | 'timeout';
      /** Servers each source announced; undefined while it has not answered. */
      readonly dhcp?: readonly ServerAddress[];
      readonly lldp?: readonly ServerAddress[];
    }
  | { readonly name: 'fetching settings'; readonly fallback: Fallback }
  | { readonly name: 'asking for server' }
  | { readonly name: 'asking for provisioning details' }
  /** ASSUME-21: a server from the administration menu that fails brings back the prompt the phone showed. */
  | { readonly name: 'unprovisioned'; readonly prompt: Prompt }
  | { readonly name: 'provisioned'; readonly server: string; readonly settings: Readonly<Record<string, string>> };

export type DesOutcome =
  | { readonly kind: 'assigned'; readonly server: ServerAddress }
  | { readonly kind: 'no server assigned' }
  | { readonly kind: 'code rejected'; readonly reason: string }
  | { readonly kind: 'locked out'; readonly minutes: number }
  /** DES was reached but its answer was an error or of no use (ASSUME-1, ASSUME-23). */
  | { readonly kind: 'answered with an error'; readonly reason: string }
  | { readonly kind: 'unreachable'; readonly reason: string };

export type SettingsOutcome =
  | { readonly kind: 'downloaded'; readonly server: ServerAddress; readonly settings: Readonly<Record<string, string>> }
  | { readonly kind: 'failed'; readonly reason: string };

export type PhoneEvent =
  | { readonly type: 'power on'; readonly stored?: StoredProvisioning }
  | { readonly type: 'input'; readonly input: KeypadInput }
  | { readonly type: 'answer window closed' }
  | { readonly type: 'discovery window closed' }
  | { readonly type: 'DHCP answered'; readonly servers: readonly ServerAddress[] }
  | { readonly type: 'LLDP announced'; readonly servers: readonly ServerAddress[] }
  | { readonly type: 'DES answered'; readonly outcome: DesOutcome }
  | { readonly type: 'settings fetched'; readonly outcome: SettingsOutcome };

export type Timer = 'answer window' | 'discovery window';

export type Effect =
  /** Shows a screen by its meaning; the interpreter words it (support/phone/screens.ts). */
  | { readonly type: 'show'; readonly meaning: ScreenMeaning }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'start timer'; readonly timer: Timer; readonly ms: number }
  | { readonly type: 'cancel timer'; readonly timer: Timer }
  | { readonly type: 'ask DES'; readonly code?: string }
  | { readonly type: 'start local discovery' }
  | { readonly type: 'stop local discovery' }
  | { readonly type: 'fetch settings'; readonly servers: readonly ServerAddress[] }
  | { readonly type: 'store'; readonly provisioning: StoredProvisioning };

export interface Step {
  readonly state: PhoneState;
  readonly effects: readonly Effect[];
}

// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, the phone powers on as soon as it is made and power on ignores the state it leaves
export const initialState: PhoneState = { name: 'off' };

const show = (meaning: ScreenMeaning): Effect => ({ type: 'show', meaning });
// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, only what the phone's log says changes (the interpreter ignores an effect it does not know)
const log = (line: string): Effect => ({ type: 'log', line });
const stay = (state: PhoneState, ...effects: Effect[]): Step => ({ state, effects });

/** Leaving a state ends what it started: its timer, its listening. */
function exitEffects(state: PhoneState): Effect[] {
  switch (state.name) {
    // Stryker disable next-line all: equivalent, a stale answer window is ignored by every later state; cancelling only tidies up
    case 'asking':
      // Stryker disable next-line all: equivalent, as above
      return [{ type: 'cancel timer', timer: 'answer window' }];
    case 'discovering locally':
      return [
        // Stryker disable next-line all: equivalent, a stale discovery window is ignored by every later state
        { type: 'cancel timer', timer: 'discovery window' },
        { type: 'stop local discovery' },
      ];
    default:
      // Stryker disable next-line ArrayDeclaration: equivalent, the interpreter carries out no effect it does not know
      return [];
  }
}

function move(from: PhoneState, to: PhoneState, ...effects: Effect[]): Step {
  return { state: to, effects: [...exitEffects(from), ...effects] };
}

export function transition(state: PhoneState, event: PhoneEvent): Step {
  // Only the interpreter powers on, once, on a phone that is off; nothing else reaches an off phone.
  if (event.type === 'power on') return powerOn(event.stored);
  switch (state.name) {
    case 'asking':
      // TIMEOUT-1; ASSUME-8: keys after this moment no longer answer the question
      return event.type === 'answer window closed'
        ? discoverLocally(state, 'timeout', log('No answer to the auto provisioning question within 60 s'))
        : answerQuestion(state, event);
    case 'asking DES':
      return event.type === 'DES answered' ? desAnswered(state, event.outcome) : stay(state);
    case 'discovering locally':
      return whileDiscovering(state, event);
    case 'fetching settings':
      return event.type === 'settings fetched' ? settingsFetched(state, event.outcome) : stay(state);
    case 'entering code':
    case 'asking for server':
    case 'asking for provisioning details':
    case 'unprovisioned':
      // These states wait for the user; nothing else (a late DHCP answer, say) concerns them.
      return event.type === 'input' ? fromUser(state, event) : stay(state);
    default: // provisioned, or off (which only the power on above concerns)
      return stay(state);
  }
}

function powerOn(stored: StoredProvisioning | undefined): Step {
  // ASSUME-15: a provisioned phone does not ask again; it goes back to the server it stored
  const server = stored && parseServerAddress(stored.server);
  if (server?.ok) return fetchFrom(initialState, { to: 'stored settings', stored: stored! }, [server.value]);
  // PROMPT-1, PROMPT-2 (ASSUME-8: the window opens when the question is shown)
  return stay(
    { name: 'asking' },
    show({ kind: 'question' }),
    { type: 'start timer', timer: 'answer window', ms: ANSWER_WINDOW_MS },
  );
}

type UserEvent = Extract<PhoneEvent, { type: 'input' }>;

/** The softkey an event presses, if it is a key press. */
function keyOf(event: PhoneEvent): Softkey | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: narrowing for TypeScript; no other event or input has a key
  return event.type === 'input' && event.input.kind === 'softkey' ? event.input.key : undefined;
}

/** The server the installer set in the administration menu, if the event is that. */
function administrationMenuEntry(event: PhoneEvent): string | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: narrowing for TypeScript; no other event or input has a server
  return event.type === 'input' && event.input.kind === 'administration menu' ? event.input.server : undefined;
}

type WaitingForUser = Extract<PhoneState, { name: 'entering code' | 'asking for server' | 'asking for provisioning details' | 'unprovisioned' }>;

function fromUser(state: WaitingForUser, event: UserEvent): Step {
  switch (state.name) {
    case 'entering code':
      return whileEnteringCode(state, event);
    case 'asking for server':
      return atPrompt(state, 'configuration server', event);
    case 'asking for provisioning details':
      return atPrompt(state, 'provisioning details', event);
    case 'unprovisioned':
      return administrationMenu(state, state.prompt, event);
  }
}

function answerQuestion(state: PhoneState, event: PhoneEvent): Step {
  const key = keyOf(event);
  if (key === 'Yes') return askDes(state); // YES-1
  if (key === 'No') return discoverLocally(state, 'no'); // NO-1
  return stay(state);
}

function askDes(from: PhoneState, code?: string, ...before: Effect[]): Step {
  const screen: ScreenMeaning = code === undefined ? { kind: 'contacting DES' } : { kind: 'contacting DES', codeDigits: code.length };
  return move(from, { name: 'asking DES', withCode: code !== undefined }, ...before, show(screen), { type: 'ask DES', code });
}

function discoverLocally(from: PhoneState, path: 'no' | 'timeout', ...effects: Effect[]): Step {
  return move(
    from,
    { name: 'discovering locally', path },
    ...effects,
    show({ kind: 'searching locally' }),
    { type: 'start local discovery' },
    { type: 'start timer', timer: 'discovery window', ms: DISCOVERY_WINDOW_MS },
  );
}

function desAnswered(state: Extract<PhoneState, { name: 'asking DES' }>, outcome: DesOutcome): Step {
  switch (outcome.kind) {
    case 'assigned': // YES-2, CODE-2, TIMEOUT-2
      return fetchFrom(state, { to: 'prompt', prompt: 'configuration server' }, [outcome.server]);
    case 'no server assigned':
      if (!state.withCode) {
        // YES-4; ASSUME-2 on the timeout path
        return move(state, { name: 'entering code' }, show({ kind: 'enrollment code prompt' }));
      }
      // ASSUME-7: a valid code whose profile has no server; another code cannot help
      return askForServer(state, 'configuration server', { kind: 'DES has no server' }, log('Device Enrollment Services has no configuration server for this phone.'));
    case 'code rejected': // ASSUME-5
      return move(
        state,
        { name: 'entering code' },
        log(`Device Enrollment Services rejected the enrollment code: ${outcome.reason}`),
        show({ kind: 'enrollment code prompt', notice: { kind: 'code not accepted' } }),
      );
    case 'locked out': // ASSUME-6
      return askForServer(
        state,
        'configuration server',
        { kind: 'locked out', minutes: outcome.minutes },
        log(`Too many wrong enrollment codes: Device Enrollment Services is locked for ${outcome.minutes} minutes.`),
      );
    case 'answered with an error': // ASSUME-1, ASSUME-3, ASSUME-23
      return askForServer(state, 'configuration server', { kind: 'DES answered with an error' }, log(`Device Enrollment Services answered with an error: ${outcome.reason}.`));
    case 'unreachable': // ASSUME-1, ASSUME-3
      return askForServer(state, 'configuration server', { kind: 'DES unreachable' }, log(`Could not reach Device Enrollment Services: ${outcome.reason}.`));
  }
}

const prompts: Record<Prompt, { readonly state: PhoneState; readonly screen: 'provisioning details prompt' | 'configuration server prompt' }> = {
  'provisioning details': { state: { name: 'asking for provisioning details' }, screen: 'provisioning details prompt' },
  'configuration server': { state: { name: 'asking for server' }, screen: 'configuration server prompt' },
};

const promptScreen = (prompt: Prompt, notice?: Notice): ScreenMeaning =>
  notice ? { kind: prompts[prompt].screen, notice } : { kind: prompts[prompt].screen };

function askByHand(from: PhoneState, prompt: Prompt, notice?: Notice, ...before: Effect[]): Step {
  return move(from, prompts[prompt].state, ...before, show(promptScreen(prompt, notice)));
}

/** Something failed: the phone shows what kind of failure on screen, the detail in its log, and asks the user. */
function askForServer(from: PhoneState, prompt: Prompt, notice: Notice, detail: Effect): Step {
  return askByHand(from, prompt, notice, detail);
}

function whileEnteringCode(state: Extract<PhoneState, { name: 'entering code' }>, event: UserEvent): Step {
  if (keyOf(event) === 'Cancel') return askByHand(state, 'configuration server'); // CODE-3
  const { input } = event;
  if (input.kind !== 'entry') return stay(state);
  const code = parseEnrollmentCode(input.text);
  if (!code.ok) {
    // ASSUME-4: checked on the phone; DES is not asked, the user types again
    return stay(state, log(`Enrollment code refused on the phone: ${code.error}`), show({ kind: 'enrollment code prompt', notice: { kind: 'entry refused' } }));
  }
  return askDes(state, code.value); // CODE-1, CODE-2
}

function whileDiscovering(state: Extract<PhoneState, { name: 'discovering locally' }>, event: PhoneEvent): Step {
  switch (event.type) {
    case 'DHCP answered': // the phone asks DHCP once, so it answers once
      return resolveDiscovery({ ...state, dhcp: event.servers }, false);
    case 'LLDP announced':
      return state.lldp?.length ? stay(state) : resolveDiscovery({ ...state, lldp: event.servers }, false);
    case 'discovery window closed':
      return resolveDiscovery(state, true);
    default: // ASSUME-21: the administration menu serves the No path while the phone searches
      return state.path === 'no' ? administrationMenu(state, 'provisioning details', event) : stay(state);
  }
}

/** ASSUME-9, ASSUME-16: a DHCP server ends the search at once and outranks LLDP. */
function resolveDiscovery(state: Extract<PhoneState, { name: 'discovering locally' }>, windowClosed: boolean): Step {
  // ASSUME-11: a server found locally but unreachable is no server found
  const fallback: Fallback = state.path === 'timeout' ? { to: 'DES' } : { to: 'prompt', prompt: 'provisioning details' };
  if (state.dhcp?.length) return fetchFrom(state, fallback, state.dhcp);
  if (!state.dhcp && !windowClosed) return stay(state);
  if (state.lldp?.length) return fetchFrom(state, fallback, state.lldp);
  if (!windowClosed) return stay(state);
  const nothing = log('No configuration server found by DHCP or LLDP');
  if (state.path === 'timeout') return askDes(state, undefined, nothing); // TIMEOUT-2
  return askByHand(state, 'provisioning details', undefined, nothing); // NO-2
}

function fetchFrom(from: PhoneState, fallback: Fallback, servers: readonly ServerAddress[]): Step {
  return move(
    from,
    { name: 'fetching settings', fallback },
    log(`Configuration servers to try: ${servers.map(formatServerAddress).join(', ')}`),
    show({ kind: 'fetching settings', server: formatServerAddress(servers[0]!) }),
    { type: 'fetch settings', servers },
  );
}

function provisioned({ server, settings }: StoredProvisioning, ...effects: Effect[]): Step {
  return stay({ name: 'provisioned', server, settings }, ...effects, show({ kind: 'provisioned', server, sipDomain: settings['SIPDOMAIN'] }));
}

function settingsFetched(state: Extract<PhoneState, { name: 'fetching settings' }>, outcome: SettingsOutcome): Step {
  if (outcome.kind === 'downloaded') {
    const provisioning = { server: formatServerAddress(outcome.server), settings: outcome.settings };
    return provisioned(provisioning, { type: 'store', provisioning });
  }
  const problem = (then = ''): Effect => log(`Could not get settings: ${outcome.reason}.${then}`);
  const { fallback } = state;
  switch (fallback.to) {
    case 'stored settings': // ASSUME-15: a later boot keeps what the phone already had
      return provisioned(fallback.stored, problem(' Using stored settings.'));
    case 'DES': // ASSUME-11
      return askDes(state, undefined, problem());
    case 'prompt': // YES-3, NO-2, ASSUME-11, ASSUME-12
      return askForServer(state, fallback.prompt, { kind: 'settings unavailable' }, problem());
  }
}

function atPrompt(state: PhoneState, prompt: Prompt, event: UserEvent): Step {
  const { input } = event;
  if (keyOf(event) === 'Cancel') {
    return stay({ name: 'unprovisioned', prompt }, log('Manual entry cancelled'), show({ kind: 'not provisioned' })); // ASSUME-13
  }
  if (input.kind === 'entry') {
    // ASSUME-12
    const server = parseServerAddress(input.text);
    if (!server.ok) return stay(state, log(`Server address refused: ${server.error}`), show(promptScreen(prompt, { kind: 'entry refused' })));
    return fetchFrom(state, { to: 'prompt', prompt }, [server.value]);
  }
  // ASSUME-21: the administration menu serves the provisioning details prompt (the No path)
  return prompt === 'provisioning details' ? administrationMenu(state, prompt, event) : stay(state);
}

/** ASSUME-21: the installer sets the server in the administration menu; it outranks DHCP and LLDP. */
function administrationMenu(state: PhoneState, prompt: Prompt, event: PhoneEvent): Step {
  const entry = administrationMenuEntry(event);
  if (entry === undefined) return stay(state);
  const server = parseServerAddress(entry);
  if (!server.ok) return stay(state, log(`Administration menu value refused: ${server.error}`));
  return fetchFrom(state, { to: 'prompt', prompt }, [server.value]);
}
