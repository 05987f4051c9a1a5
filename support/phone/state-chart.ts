/**
 * The reference phone's whole decision logic: a pure state chart.
 * `transition(state, event)` returns the next state and the effects the interpreter
 * (`phone.ts`) carries out through the ports. Comments name the requirement or assumption
 * each transition implements (see features/requirements.json).
 */
import { parseEnrollmentCode } from './formats/enrollment-code';
import { formatServerAddress, parseServerAddress, type ServerAddress } from './formats/server-address';
import type { KeypadInput, Notice, ScreenMeaning, Softkey, StoredProvisioning } from './ports';
import { ANSWER_WINDOW_MS, DES_RETRY_MS, DHCP_RETRY_FIRST_MS, DHCP_RETRY_MAX_MS, DISCOVERY_WINDOW_MS } from './timings';

/** The prompt a failing server brings back: NO-2 asks for the provisioning details, the DES paths for the configuration server (YES-3, CODE-3). */
type Prompt = 'provisioning details' | 'configuration server';

/** What the phone does when no server in its list gives it settings. */
type Fallback =
  | { readonly to: 'stored settings'; readonly stored: StoredProvisioning } // ASSUME-15
  | { readonly to: 'DES' } // ASSUME-11 on the timeout path
  | { readonly to: 'prompt'; readonly prompt: Prompt; readonly unattended?: boolean }; // YES-3, NO-2, ASSUME-11, ASSUME-12, ASSUME-33

/** ASSUME-31: what the phone was about to do when it found it had no address; it does it once it has one. */
type Pending =
  | { readonly to: 'ask DES'; readonly code?: string; readonly unattended?: boolean }
  | { readonly to: 'fetch settings'; readonly fallback: Fallback; readonly servers: readonly ServerAddress[] };

/** The part of the phone's state that every step carries: its network address (ASSUME-31). */
interface Network {
  /** The address DHCP leased to the phone; undefined until it has one. */
  readonly address?: string;
}

type Flow =
  | { readonly name: 'off' }
  | { readonly name: 'asking' }
  /** `unattended`: asked on the timeout path, where nobody may be at the phone (ASSUME-33). */
  | { readonly name: 'asking DES'; readonly withCode: boolean; readonly unattended?: boolean }
  | { readonly name: 'entering code'; readonly unattended?: boolean }
  | {
      readonly name: 'discovering locally';
      readonly path: 'no' | 'timeout';
      /** Servers each source announced; undefined while it has not answered. */
      readonly dhcp?: readonly ServerAddress[];
      readonly lldp?: readonly ServerAddress[];
    }
  /** ASSUME-31: no address yet; `requests` counts the DHCP requests sent while waiting. */
  | { readonly name: 'waiting for network'; readonly then: Pending; readonly requests: number }
  /** `replacement`: a server the installer set meanwhile, fetched once the fetch in progress ends (ASSUME-21). */
  | { readonly name: 'fetching settings'; readonly fallback: Fallback; readonly replacement?: ServerAddress }
  | { readonly name: 'asking for server'; readonly unattended?: boolean }
  | { readonly name: 'asking for provisioning details' }
  /** ASSUME-21: a server from the administration menu that fails brings back the prompt the phone showed. */
  | { readonly name: 'unprovisioned'; readonly prompt: Prompt }
  | { readonly name: 'provisioned'; readonly server: string; readonly settings: Readonly<Record<string, string>> };

export type PhoneState = Flow & Network;

export type DesOutcome =
  | { readonly kind: 'assigned'; readonly server: ServerAddress }
  | { readonly kind: 'no server assigned' }
  | { readonly kind: 'code rejected'; readonly reason: string }
  | { readonly kind: 'locked out'; readonly minutes: number }
  /** DES was reached but its answer was an error or of no use (ASSUME-1, ASSUME-23). */
  | { readonly kind: 'answered with an error'; readonly reason: string }
  /** DES could not be contacted at all: no name, no connection, no TLS, no reply (ASSUME-1, ASSUME-3). */
  | { readonly kind: 'unreachable'; readonly reason: string };

export type SettingsOutcome =
  | { readonly kind: 'downloaded'; readonly server: ServerAddress; readonly settings: Readonly<Record<string, string>> }
  | { readonly kind: 'failed'; readonly reason: string };

export type PhoneEvent =
  | { readonly type: 'power on'; readonly stored?: StoredProvisioning }
  | { readonly type: 'input'; readonly input: KeypadInput }
  | { readonly type: 'answer window closed' }
  | { readonly type: 'discovery window closed' }
  | { readonly type: 'DHCP retry due' }
  | { readonly type: 'DES retry due' }
  | { readonly type: 'lockout over' }
  /** A DHCP answer: the leased address, and the servers its provisioning options name (none when not asked for). */
  | { readonly type: 'DHCP answered'; readonly address: string; readonly servers: readonly ServerAddress[] }
  | { readonly type: 'LLDP announced'; readonly servers: readonly ServerAddress[] }
  /** `retry`: the answer to an 'ask DES' effect marked as a retry (ASSUME-33). */
  | { readonly type: 'DES answered'; readonly outcome: DesOutcome; readonly retry?: boolean }
  | { readonly type: 'settings fetched'; readonly outcome: SettingsOutcome };

export type Timer = 'answer window' | 'discovery window' | 'DHCP retry' | 'DES retry' | 'lockout';

export type Effect =
  /** Shows a screen by its meaning; the interpreter words it (support/phone/screens.ts). */
  | { readonly type: 'show'; readonly meaning: ScreenMeaning }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'start timer'; readonly timer: Timer; readonly ms: number }
  | { readonly type: 'cancel timer'; readonly timer: Timer }
  /** `retry`: asked again in the background (ASSUME-33); its answer comes back marked as a retry. */
  | { readonly type: 'ask DES'; readonly code?: string; readonly retry?: boolean }
  /** Asks DHCP for an address and its provisioning options, and listens for LLDP. */
  | { readonly type: 'start local discovery' }
  | { readonly type: 'stop local discovery' }
  /** ASSUME-31: asks DHCP for an address only, without its provisioning options. */
  | { readonly type: 'request address' }
  | { readonly type: 'fetch settings'; readonly servers: readonly ServerAddress[] }
  | { readonly type: 'store'; readonly provisioning: StoredProvisioning };

export interface Step {
  readonly state: PhoneState;
  readonly effects: readonly Effect[];
}

// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, the phone powers on as soon as it is made and power on ignores the state it leaves
export const initialState: PhoneState = { name: 'off' };

const show = (meaning: ScreenMeaning): Effect => ({ type: 'show', meaning });
// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, the phone's log narrates for the timeline and no requirement specifies it
const log = (line: string): Effect => ({ type: 'log', line });
const stay = (state: PhoneState, ...effects: Effect[]): Step => ({ state, effects });
const startTimer = (timer: Timer, ms: number): Effect => ({ type: 'start timer', timer, ms });
const cancelTimer = (timer: Timer): Effect => ({ type: 'cancel timer', timer });

/** Leaving a state ends what it started: its timers, its listening. */
function exitEffects(state: PhoneState): Effect[] {
  switch (state.name) {
    // Stryker disable next-line all: equivalent, a stale answer window is ignored by every later state; cancelling only tidies up
    case 'asking':
      // Stryker disable next-line all: equivalent, as above
      return [cancelTimer('answer window')];
    case 'discovering locally':
      return [
        // Stryker disable next-line all: equivalent, a stale discovery window is ignored by every later state
        cancelTimer('discovery window'),
        { type: 'stop local discovery' },
      ];
    case 'waiting for network':
      return [cancelTimer('DHCP retry')];
    // A prompt's stale DES retry (ASSUME-33) or lockout (ASSUME-34) would act on the next one; cancelling a timer that is not running does nothing.
    case 'entering code':
    case 'asking for server':
      return [cancelTimer('DES retry'), cancelTimer('lockout')];
    default:
      // Stryker disable next-line ArrayDeclaration: equivalent, the interpreter carries out no effect it does not know
      return [];
  }
}

/** The next state keeps the phone's address (ASSUME-31). */
function move(from: PhoneState, to: Flow, ...effects: Effect[]): Step {
  return { state: { ...to, address: from.address }, effects: [...exitEffects(from), ...effects] };
}

export function transition(state: PhoneState, event: PhoneEvent): Step {
  // Only the interpreter powers on, once, on a phone that is off; nothing else reaches an off phone.
  if (event.type === 'power on') return powerOn(event.stored);
  if (event.type === 'DHCP answered') return dhcpAnswered(state, event);
  const installerServer = administrationMenuEntry(event);
  if (installerServer !== undefined && acceptsAdministrationMenu(state)) return administrationMenu(state, installerServer);
  switch (state.name) {
    case 'asking':
      // TIMEOUT-1; ASSUME-8: keys after this moment no longer answer the question
      return event.type === 'answer window closed'
        ? discoverLocally(state, 'timeout', log('No answer to the auto provisioning question within 60 s'))
        : answerQuestion(state, event);
    case 'asking DES':
      // A retry's late answer (ASSUME-33) is not the answer to this request.
      return event.type === 'DES answered' && !event.retry ? desAnswered(state, event.outcome) : stay(state);
    case 'discovering locally':
      return whileDiscovering(state, event);
    case 'waiting for network':
      return event.type === 'DHCP retry due' ? requestAddressAgain(state) : stay(state);
    case 'fetching settings':
      return event.type === 'settings fetched' ? settingsFetched(state, event.outcome) : stay(state);
    case 'entering code':
    case 'asking for server':
    case 'asking for provisioning details':
    case 'unprovisioned':
      return waitingForUser(state, event);
    default: // provisioned, or off (which only the power on above concerns)
      return stay(state);
  }
}

function powerOn(stored: StoredProvisioning | undefined): Step {
  // ASSUME-15: a provisioned phone does not ask again; it goes back to the server it stored
  const server = stored && parseServerAddress(stored.server);
  if (server?.ok) return fetchFrom(initialState, { to: 'stored settings', stored: stored! }, [server.value]);
  // PROMPT-1, PROMPT-2 (ASSUME-8: the window opens when the question is shown)
  return stay({ name: 'asking' }, show({ kind: 'question' }), startTimer('answer window', ANSWER_WINDOW_MS));
}

/** ASSUME-31: the first DHCP answer gives the phone its address; a phone that waited for it goes on at once. */
function dhcpAnswered(state: PhoneState, event: Extract<PhoneEvent, { type: 'DHCP answered' }>): Step {
  if (state.address !== undefined) return stay(state); // answers to repeated requests: the first one counts
  const leased: PhoneState = { ...state, address: event.address };
  const got = log(`Address ${event.address} leased by DHCP`);
  switch (leased.name) {
    case 'discovering locally': {
      const step = resolveDiscovery({ ...leased, dhcp: event.servers }, false);
      return { state: step.state, effects: [got, ...step.effects] };
    }
    case 'waiting for network':
      return goOnline(leased, leased.then, got);
    default:
      return stay(leased, got);
  }
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
      return stay(state);
  }
}

/** These states wait for the user; by themselves they only retry DES (ASSUME-33) or end a lockout (ASSUME-34). */
function waitingForUser(state: WaitingForUser, event: PhoneEvent): Step {
  if (event.type === 'input') return someoneIsThere(state, event);
  // Only 'asking for server' after a lockout runs the lockout timer, and leaving it cancels the timer.
  if (event.type === 'lockout over') return lockoutOver(state);
  return retryingDes(state, event);
}

/** ASSUME-33: a key pressed at a prompt the phone reached unattended shows someone is there: it stops asking DES by itself. */
function someoneIsThere(state: WaitingForUser, event: UserEvent): Step {
  if (!isUnattended(state)) return fromUser(state, event);
  const step = fromUser({ ...state, unattended: false }, event);
  return { state: step.state, effects: [cancelTimer('DES retry'), ...step.effects] };
}

const isUnattended = (state: PhoneState): state is Extract<PhoneState, { name: 'entering code' | 'asking for server' }> & { readonly unattended: true } =>
  'unattended' in state && state.unattended === true;

function answerQuestion(state: PhoneState, event: PhoneEvent): Step {
  const key = keyOf(event);
  if (key === 'Yes') return askDes(state); // YES-1
  if (key === 'No') return discoverLocally(state, 'no'); // NO-1
  return stay(state);
}

function askDes(from: PhoneState, code?: string, unattended?: boolean, ...before: Effect[]): Step {
  // Stryker disable next-line StringLiteral: equivalent, a pending step is told apart only by 'fetch settings'
  return online(from, { to: 'ask DES', code, unattended }, ...before);
}

function discoverLocally(from: PhoneState, path: 'no' | 'timeout', ...effects: Effect[]): Step {
  return move(
    from,
    { name: 'discovering locally', path },
    ...effects,
    show({ kind: 'searching locally' }),
    { type: 'start local discovery' },
    startTimer('discovery window', DISCOVERY_WINDOW_MS),
  );
}

/** ASSUME-31: DES and configuration servers are reached only with an address; without one the phone waits for it. */
function online(from: PhoneState, then: Pending, ...before: Effect[]): Step {
  if (from.address === undefined) {
    return move(
      from,
      { name: 'waiting for network', then, requests: 1 },
      ...before,
      log('No network address yet: asking DHCP for one'),
      show({ kind: 'no network' }),
      { type: 'request address' },
      startTimer('DHCP retry', DHCP_RETRY_FIRST_MS),
    );
  }
  return goOnline(from, then, ...before);
}

function goOnline(from: PhoneState, then: Pending, ...before: Effect[]): Step {
  if (then.to === 'fetch settings') {
    return move(
      from,
      { name: 'fetching settings', fallback: then.fallback },
      ...before,
      log(`Configuration servers to try: ${then.servers.map(formatServerAddress).join(', ')}`),
      show({ kind: 'fetching settings', server: formatServerAddress(then.servers[0]!) }),
      { type: 'fetch settings', servers: then.servers },
    );
  }
  const { code } = then;
  const screen: ScreenMeaning = code === undefined ? { kind: 'contacting DES' } : { kind: 'contacting DES', codeDigits: code.length };
  const asking: Flow = then.unattended ? { name: 'asking DES', withCode: false, unattended: true } : { name: 'asking DES', withCode: code !== undefined };
  return move(from, asking, ...before, show(screen), { type: 'ask DES', code });
}

/** ASSUME-31: DHCP is asked again, at doubling intervals up to a minute (RFC 2131), for as long as the phone has no address. */
function requestAddressAgain(state: Extract<PhoneState, { name: 'waiting for network' }>): Step {
  const requests = state.requests + 1;
  const wait = Math.min(DHCP_RETRY_FIRST_MS * 2 ** state.requests, DHCP_RETRY_MAX_MS);
  return stay({ ...state, requests }, { type: 'request address' }, startTimer('DHCP retry', wait));
}

function desAnswered(state: Extract<PhoneState, { name: 'asking DES' }>, outcome: DesOutcome): Step {
  const unattended = state.unattended === true;
  switch (outcome.kind) {
    case 'assigned': // YES-2, CODE-2, TIMEOUT-2
      return fetchFrom(state, { to: 'prompt', prompt: 'configuration server', unattended }, [outcome.server]);
    case 'no server assigned':
      if (!state.withCode) {
        // YES-4; ASSUME-2 on the timeout path
        return move(state, unattended ? { name: 'entering code', unattended } : { name: 'entering code' }, show({ kind: 'enrollment code prompt' }), ...retryDesLater(unattended));
      }
      // ASSUME-7: a valid code whose profile has no server; another code cannot help
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
      return askForServer(state, { kind: 'DES has no server' }, 'Device Enrollment Services has no configuration server for this phone.');
    case 'code rejected': // ASSUME-5
      return move(
        state,
        { name: 'entering code' },
        log(`Device Enrollment Services rejected the enrollment code: ${outcome.reason}`),
        show({ kind: 'enrollment code prompt', notice: { kind: 'code not accepted' } }),
      );
    case 'locked out': {
      // ASSUME-6; ASSUME-34: when the lockout is over, the code prompt comes back
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
      const notice = `Too many wrong enrollment codes: Device Enrollment Services is locked for ${outcome.minutes} minutes.`;
      return move(
        state,
        { name: 'asking for server' },
        log(notice),
        show({ kind: 'configuration server prompt', notice: { kind: 'locked out', minutes: outcome.minutes } }),
        startTimer('lockout', outcome.minutes * 60_000),
      );
    }
    case 'answered with an error': // ASSUME-1, ASSUME-3, ASSUME-23
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
      return askForServer(state, { kind: 'DES answered with an error' }, `Device Enrollment Services answered with an error: ${outcome.reason}.`, unattended);
    case 'unreachable': // ASSUME-1, ASSUME-3
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
      return askForServer(state, { kind: 'DES unreachable' }, `Could not reach Device Enrollment Services: ${outcome.reason}.`, unattended);
  }
}

/** ASSUME-33: a prompt reached with nobody at the phone keeps DES in reach: it asks again every few minutes. */
// Stryker disable next-line ArrayDeclaration: equivalent, the interpreter carries out no effect it does not know
const retryDesLater = (unattended: boolean): Effect[] => (unattended ? [startTimer('DES retry', DES_RETRY_MS)] : []);

/**
 * Only the DES retry's timer and answers reach a waiting state besides the user. A server DES names
 * is taken even if someone pressed a key while the retry was under way; only an unattended prompt retries again.
 */
function retryingDes(state: WaitingForUser, event: PhoneEvent): Step {
  const unattended = isUnattended(state);
  if (event.type !== 'DES answered') return stay(state, log('Nobody at the phone: asking Device Enrollment Services again'), { type: 'ask DES', retry: true });
  if (event.outcome.kind === 'assigned') return fetchFrom(state, { to: 'prompt', prompt: 'configuration server', unattended }, [event.outcome.server]);
  return stay(state, ...retryDesLater(unattended));
}

function lockoutOver(state: WaitingForUser): Step {
  return move(
    state,
    { name: 'entering code' },
    log('The enrollment code lockout is over'),
    show({ kind: 'enrollment code prompt' }),
  );
}

const prompts: Record<Prompt, { readonly state: Flow; readonly screen: 'provisioning details prompt' | 'configuration server prompt' }> = {
  'provisioning details': { state: { name: 'asking for provisioning details' }, screen: 'provisioning details prompt' },
  'configuration server': { state: { name: 'asking for server' }, screen: 'configuration server prompt' },
};

const promptScreen = (prompt: Prompt, notice?: Notice): ScreenMeaning =>
  notice ? { kind: prompts[prompt].screen, notice } : { kind: prompts[prompt].screen };

function askByHand(from: PhoneState, prompt: Prompt, notice?: Notice, unattended = false, ...before: Effect[]): Step {
  // ASSUME-33: only the configuration server prompt is reached unattended (the timeout path)
  const state: Flow = unattended ? { name: 'asking for server', unattended } : prompts[prompt].state;
  return move(from, state, ...before, show(promptScreen(prompt, notice)), ...retryDesLater(unattended));
}

/** Something failed: the phone shows what kind of failure on screen, the detail in its log, and asks the user. */
function askForServer(from: PhoneState, notice: Notice, detail: string, unattended = false, prompt: Prompt = 'configuration server'): Step {
  return askByHand(from, prompt, notice, unattended, log(detail));
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
    case 'LLDP announced':
      return state.lldp?.length ? stay(state) : resolveDiscovery({ ...state, lldp: event.servers }, false);
    case 'discovery window closed':
      return resolveDiscovery(state, true);
    default:
      return stay(state);
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
  if (state.path === 'timeout') return askDes(state, undefined, true, nothing); // TIMEOUT-2, ASSUME-33
  return askByHand(state, 'provisioning details', undefined, false, nothing); // NO-2
}

function fetchFrom(from: PhoneState, fallback: Fallback, servers: readonly ServerAddress[]): Step {
  return online(from, { to: 'fetch settings', fallback, servers });
}

function provisioned({ server, settings }: StoredProvisioning, ...effects: Effect[]): Step {
  return stay({ name: 'provisioned', server, settings }, ...effects, show({ kind: 'provisioned', server, sipDomain: settings['SIPDOMAIN'] }));
}

function settingsFetched(state: Extract<PhoneState, { name: 'fetching settings' }>, outcome: SettingsOutcome): Step {
  // ASSUME-21: the installer's server replaces the one in progress, whatever that one gave
  if (state.replacement) return fetchFrom(state, state.fallback, [state.replacement]);
  if (outcome.kind === 'downloaded') {
    const provisioning = { server: formatServerAddress(outcome.server), settings: outcome.settings };
    return provisioned(provisioning, { type: 'store', provisioning });
  }
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  const notice = `Could not get settings: ${outcome.reason}.`;
  const { fallback } = state;
  switch (fallback.to) {
    case 'stored settings': // ASSUME-15: a later boot keeps what the phone already had
      return provisioned(fallback.stored, log(`${notice} Using stored settings.`));
    case 'DES': // ASSUME-11
      return askDes(state, undefined, true, log(notice));
    case 'prompt': // YES-3, NO-2, ASSUME-11, ASSUME-12
      return askForServer(state, { kind: 'settings unavailable' }, notice, fallback.unattended, fallback.prompt);
  }
}

function atPrompt(state: PhoneState, prompt: Prompt, event: UserEvent): Step {
  const { input } = event;
  if (keyOf(event) === 'Cancel') {
    return move(state, { name: 'unprovisioned', prompt }, log('Manual entry cancelled'), show({ kind: 'not provisioned' })); // ASSUME-13
  }
  if (input.kind !== 'entry') return stay(state);
  // ASSUME-12
  const server = parseServerAddress(input.text);
  if (!server.ok) return stay(state, log(`Server address refused: ${server.error}`), show(promptScreen(prompt, { kind: 'entry refused' })));
  return fetchFrom(state, { to: 'prompt', prompt }, [server.value]);
}

/** ASSUME-21: from the answer to the question until the phone is provisioned, the installer's server is taken. */
function acceptsAdministrationMenu(state: PhoneState): boolean {
  return state.name !== 'asking' && state.name !== 'provisioned';
}

/** The prompt a failing installer's server brings back: the No path's own prompt, or the configuration server prompt. */
function promptOf(state: PhoneState): Prompt {
  switch (state.name) {
    case 'unprovisioned':
      return state.prompt;
    case 'asking for provisioning details':
      return 'provisioning details';
    case 'discovering locally':
      return state.path === 'no' ? 'provisioning details' : 'configuration server';
  }
  return 'configuration server';
}

/** ASSUME-21: the installer sets the server in the administration menu; it outranks DES, DHCP and LLDP. */
function administrationMenu(state: PhoneState, entry: string): Step {
  const server = parseServerAddress(entry);
  if (!server.ok) return stay(state, log(`Administration menu value refused: ${server.error}`));
  const from = log(`Configuration server set in the administration menu: ${formatServerAddress(server.value)}`);
  if (state.name === 'fetching settings') return stay({ ...state, replacement: server.value }, from);
  if (state.name === 'waiting for network') {
    // The installer's server is what the phone will fetch once it has an address; a server it replaces keeps its fallback.
    const fallback: Fallback = state.then.to === 'fetch settings' ? state.then.fallback : { to: 'prompt', prompt: 'configuration server' };
    return stay({ ...state, then: { to: 'fetch settings', fallback, servers: [server.value] } }, from);
  }
  const step = fetchFrom(state, { to: 'prompt', prompt: promptOf(state) }, [server.value]);
  return { state: step.state, effects: [from, ...step.effects] };
}
