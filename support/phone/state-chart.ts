/**
 * The reference phone's whole decision logic: a pure state chart.
 * `transition(state, event)` returns the next state and the effects the interpreter
 * (`phone.ts`) carries out through the ports. Comments name the requirement or assumption
 * each transition implements (see features/requirements.json).
 */
import { maskEnrollmentCode, parseEnrollmentCode } from './formats/enrollment-code';
import { formatServerAddress, parseServerAddress, type ServerAddress } from './formats/server-address';
import type { KeypadInput, ScreenContent, StoredProvisioning } from './ports';
import { screens } from './screens';
import { ANSWER_WINDOW_MS, DISCOVERY_WINDOW_MS } from './timings';

export type Answer = 'yes' | 'no' | 'timeout';
type DesPath = 'yes' | 'timeout';
type FetchPath = Answer | 'later boot';
export type ServerSource = 'DES' | 'DHCP' | 'LLDP' | 'administration menu' | 'manual entry' | 'stored';

export type PhoneState =
  | { readonly name: 'off' }
  | { readonly name: 'asking' }
  | { readonly name: 'asking DES'; readonly path: DesPath; readonly withCode: boolean }
  | { readonly name: 'entering code'; readonly path: DesPath }
  | {
      readonly name: 'discovering locally';
      readonly path: 'no' | 'timeout';
      /** Servers each source announced; undefined while it has not answered. */
      readonly dhcp?: readonly ServerAddress[];
      readonly lldp?: readonly ServerAddress[];
    }
  | {
      readonly name: 'fetching settings';
      readonly path: FetchPath;
      readonly source: ServerSource;
      readonly servers: readonly ServerAddress[];
      readonly stored?: StoredProvisioning;
    }
  | { readonly name: 'asking for server'; readonly path: DesPath }
  | { readonly name: 'asking for provisioning details' }
  | { readonly name: 'unprovisioned'; readonly path: Answer }
  | { readonly name: 'provisioned'; readonly server: string; readonly settings: Readonly<Record<string, string>> };

export type DesOutcome =
  | { readonly kind: 'assigned'; readonly server: ServerAddress }
  | { readonly kind: 'no server assigned' }
  | { readonly kind: 'code rejected'; readonly reason: string }
  | { readonly kind: 'locked out'; readonly minutes: number }
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
  | { readonly type: 'show'; readonly screen: ScreenContent }
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

export const initialState: PhoneState = { name: 'off' };

const show = (screen: ScreenContent): Effect => ({ type: 'show', screen });
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
      return whileAsking(state, event);
    case 'asking DES':
      return event.type === 'DES answered' ? desAnswered(state, event.outcome) : stay(state);
    case 'entering code':
    case 'asking for server':
    case 'asking for provisioning details':
    case 'unprovisioned':
      // These states wait for the user; nothing else (a late DHCP answer, say) concerns them.
      return event.type === 'input' ? fromUser(state, event.input) : stay(state);
    case 'discovering locally':
      return whileDiscovering(state, event);
    case 'fetching settings':
      return event.type === 'settings fetched' ? settingsFetched(state, event.outcome) : stay(state);
    case 'off':
    case 'provisioned':
      return stay(state);
  }
}

function powerOn(stored: StoredProvisioning | undefined): Step {
  if (stored) {
    // ASSUME-15: a provisioned phone does not ask again; it goes back to its own server.
    const server = parseServerAddress(stored.server);
    if (server.ok) return fetchFrom(initialState, 'later boot', 'stored', [server.value], stored);
  }
  // PROMPT-1, PROMPT-2 (ASSUME-8: the window opens when the question is shown)
  return stay(
    { name: 'asking' },
    show(screens.question()),
    { type: 'start timer', timer: 'answer window', ms: ANSWER_WINDOW_MS },
  );
}

function whileAsking(state: PhoneState, event: PhoneEvent): Step {
  if (event.type === 'answer window closed') {
    // TIMEOUT-1; ASSUME-8: keys after this moment no longer answer the question
    return discoverLocally(state, 'timeout', log('No answer to the auto provisioning question within 60 s'));
  }
  if (event.type !== 'input' || event.input.kind !== 'softkey') return stay(state);
  if (event.input.key === 'Yes') return askDes(state, 'yes'); // YES-1
  if (event.input.key === 'No') return discoverLocally(state, 'no'); // NO-1
  return stay(state);
}

function askDes(from: PhoneState, path: DesPath, code?: string, ...before: Effect[]): Step {
  const screen = code === undefined ? screens.askingDes() : screens.checkingCode(maskEnrollmentCode(code));
  const ask: Effect = code === undefined ? { type: 'ask DES' } : { type: 'ask DES', code };
  return move(from, { name: 'asking DES', path, withCode: code !== undefined }, ...before, show(screen), ask);
}

function discoverLocally(from: PhoneState, path: 'no' | 'timeout', ...effects: Effect[]): Step {
  return move(
    from,
    { name: 'discovering locally', path },
    ...effects,
    show(screens.searching()),
    { type: 'start local discovery' },
    { type: 'start timer', timer: 'discovery window', ms: DISCOVERY_WINDOW_MS },
  );
}

function desAnswered(state: Extract<PhoneState, { name: 'asking DES' }>, outcome: DesOutcome): Step {
  switch (outcome.kind) {
    case 'assigned': // YES-2, CODE-2, TIMEOUT-2
      return fetchFrom(state, state.path, 'DES', [outcome.server]);
    case 'no server assigned':
      if (!state.withCode) {
        // YES-4; ASSUME-2 on the timeout path
        return move(state, { name: 'entering code', path: state.path }, show(screens.enterCode()));
      }
      // ASSUME-7: a valid code whose profile has no server; another code cannot help
      return askForServer(state, 'Device Enrollment Services has no configuration server for this phone.');
    case 'code rejected': // ASSUME-5
      return move(
        state,
        { name: 'entering code', path: state.path },
        log(`Device Enrollment Services rejected the enrollment code: ${outcome.reason}`),
        show(screens.enterCode(`The enrollment code was not accepted (${outcome.reason}). Enter it again.`)),
      );
    case 'locked out': // ASSUME-6
      return askForServer(
        state,
        `Too many wrong enrollment codes: Device Enrollment Services is locked for ${outcome.minutes} minutes.`,
      );
    case 'unreachable': // ASSUME-1, ASSUME-3
      return askForServer(state, `Could not reach Device Enrollment Services: ${outcome.reason}.`);
  }
}

function askForServer(from: PhoneState & { readonly path: FetchPath }, notice: string): Step {
  return move(from, manualPrompt(from.path), log(notice), show(promptScreen(from.path, notice)));
}

function manualPrompt(path: FetchPath): PhoneState {
  // NO-2 asks for provisioning details; the DES paths ask for the configuration server (YES-3, CODE-3)
  return path === 'no' ? { name: 'asking for provisioning details' } : { name: 'asking for server', path: path === 'timeout' ? 'timeout' : 'yes' };
}

function promptScreen(path: FetchPath, notice?: string): ScreenContent {
  return path === 'no' ? screens.enterProvisioningDetails(notice) : screens.enterServer(notice);
}

type WaitingForUser = Extract<PhoneState, { name: 'entering code' | 'asking for server' | 'asking for provisioning details' | 'unprovisioned' }>;

function fromUser(state: WaitingForUser, input: KeypadInput): Step {
  switch (state.name) {
    case 'entering code':
      return whileEnteringCode(state, input);
    case 'unprovisioned':
      return administrationMenu(state, state.path, input);
    default:
      return whileAskingForServer(state, input);
  }
}

function whileEnteringCode(state: Extract<PhoneState, { name: 'entering code' }>, input: KeypadInput): Step {
  if (input.kind === 'softkey' && input.key === 'Cancel') {
    // CODE-3
    return move(state, { name: 'asking for server', path: state.path }, show(screens.enterServer()));
  }
  if (input.kind !== 'entry') return stay(state);
  const code = parseEnrollmentCode(input.text);
  if (!code.ok) {
    // ASSUME-4: checked on the phone; DES is not asked, the user types again
    return stay(state, log(`Enrollment code refused on the phone: ${code.error}`), show(screens.enterCode(code.error)));
  }
  return askDes(state, state.path, code.value); // CODE-1, CODE-2
}

function whileDiscovering(state: Extract<PhoneState, { name: 'discovering locally' }>, event: PhoneEvent): Step {
  switch (event.type) {
    case 'DHCP answered': // the phone asks DHCP once, so it answers once
      return resolveDiscovery({ ...state, dhcp: event.servers }, false);
    case 'LLDP announced':
      return state.lldp?.length ? stay(state) : resolveDiscovery({ ...state, lldp: event.servers }, false);
    case 'discovery window closed':
      return resolveDiscovery(state, true);
    default:
      // ASSUME-21: the administration menu serves the No path while the phone searches
      return event.type === 'input' && state.path === 'no' ? administrationMenu(state, 'no', event.input) : stay(state);
  }
}

/** ASSUME-9, ASSUME-16: a DHCP server ends the search at once and outranks LLDP. */
function resolveDiscovery(state: Extract<PhoneState, { name: 'discovering locally' }>, windowClosed: boolean): Step {
  if (state.dhcp?.length) return fetchFrom(state, state.path, 'DHCP', state.dhcp);
  if (!state.dhcp && !windowClosed) return stay(state);
  if (state.lldp?.length) return fetchFrom(state, state.path, 'LLDP', state.lldp);
  if (!windowClosed) return stay(state);
  const nothing = log('No configuration server found by DHCP or LLDP');
  if (state.path === 'timeout') return askDes(state, 'timeout', undefined, nothing); // TIMEOUT-2
  return move(state, { name: 'asking for provisioning details' }, nothing, show(screens.enterProvisioningDetails())); // NO-2
}

function fetchFrom(
  from: PhoneState,
  path: FetchPath,
  source: ServerSource,
  servers: readonly ServerAddress[],
  stored?: StoredProvisioning,
): Step {
  const next: PhoneState = stored
    ? { name: 'fetching settings', path, source, servers, stored }
    : { name: 'fetching settings', path, source, servers };
  return move(
    from,
    next,
    log(`Configuration server from ${source}: ${servers.map(formatServerAddress).join(', ')}`),
    show(screens.fetching(formatServerAddress(servers[0]!))),
    { type: 'fetch settings', servers },
  );
}

function settingsFetched(state: Extract<PhoneState, { name: 'fetching settings' }>, outcome: SettingsOutcome): Step {
  if (outcome.kind === 'downloaded') {
    const server = formatServerAddress(outcome.server);
    const provisioning = { server, settings: outcome.settings };
    return stay(
      { name: 'provisioned', server, settings: outcome.settings },
      { type: 'store', provisioning },
      show(screens.provisioned(server, outcome.settings['SIPDOMAIN'])),
    );
  }
  const notice = `Could not get settings: ${outcome.reason}.`;
  switch (state.source) {
    case 'stored': {
      // ASSUME-15: a later boot keeps what the phone already had
      const { server, settings } = state.stored!;
      return stay({ name: 'provisioned', server, settings }, log(`${notice} Using stored settings.`), show(screens.provisioned(server, settings['SIPDOMAIN'])));
    }
    case 'DHCP':
    case 'LLDP':
      // ASSUME-11: a server found locally but unreachable is no server found
      if (state.path === 'timeout') return askDes(state, 'timeout', undefined, log(notice));
      return askForServer(state, notice);
    default:
      return askForServer(state, notice); // YES-3; ASSUME-12 for manual entry
  }
}

function whileAskingForServer(
  state: Extract<PhoneState, { name: 'asking for server' | 'asking for provisioning details' }>,
  input: KeypadInput,
): Step {
  const path: Answer = state.name === 'asking for server' ? state.path : 'no';
  if (input.kind === 'softkey' && input.key === 'Cancel') {
    return stay({ name: 'unprovisioned', path }, log('Manual entry cancelled'), show(screens.unprovisioned())); // ASSUME-13
  }
  if (input.kind === 'entry') {
    // ASSUME-12
    const server = parseServerAddress(input.text);
    if (!server.ok) return stay(state, log(`Server address refused: ${server.error}`), show(promptScreen(path, server.error)));
    return fetchFrom(state, path, 'manual entry', [server.value]);
  }
  return path === 'no' ? administrationMenu(state, path, input) : stay(state);
}

/** ASSUME-21: the installer sets the server in the administration menu; it outranks DHCP and LLDP. */
function administrationMenu(state: PhoneState, path: Answer, input: KeypadInput): Step {
  if (input.kind !== 'administration menu') return stay(state);
  const server = parseServerAddress(input.server);
  if (!server.ok) return stay(state, log(`Administration menu value refused: ${server.error}`));
  return fetchFrom(state, path, 'administration menu', [server.value]);
}
