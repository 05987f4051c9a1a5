/**
 * The phone's ports: the only ways it touches the world. A phone implementation is a
 * `PhoneFactory`; the specification drives any implementation through these ports alone.
 */

/** Virtual time: the scenario's clock, shared with the stubbed network. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScreenContent {
  readonly title: string;
  readonly detail?: string;
  readonly softkeys?: readonly string[];
}

export interface Screen {
  show(content: ScreenContent): void;
}

export type Softkey = 'Yes' | 'No' | 'Cancel';

/** What the user (or installer) does at the phone. */
export type KeypadInput =
  | { readonly kind: 'softkey'; readonly key: Softkey }
  /** Text typed into the field on screen, confirmed with OK. */
  | { readonly kind: 'entry'; readonly text: string }
  /** The installer sets the configuration server in the administration (craft) menu. */
  | { readonly kind: 'administration menu'; readonly server: string };

export interface Keypad {
  onInput(listener: (input: KeypadInput) => void): void;
}

/** A byte stream to a host, like a TCP (or TLS) connection. Events follow the WebSocket shape. */
export interface Connection {
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Close code a host uses to say the TLS handshake failed. */
export const TLS_HANDSHAKE_FAILED = 1015;

export interface DhcpOffer {
  /** `siaddr`: the next-server address, when not 0.0.0.0. */
  readonly nextServer?: string;
  /** Options by number: strings for text options (242), bytes for encoded ones (43). */
  readonly options: ReadonlyMap<number, string | Uint8Array>;
}

export interface Network {
  /** Resolves a DNS name; undefined when no DNS server knows it. */
  resolve(host: string): Promise<string | undefined>;
  connect(target: { readonly host: string; readonly port: number; readonly secure: boolean }): Connection;
  /** Broadcasts a DHCP request; the listener receives each answer. */
  requestDhcp(onOffer: (offer: DhcpOffer) => void): void;
  /** Listens for LLDP frames from the switch; returns a function that stops listening. */
  listenLldp(onFrame: (frame: Uint8Array) => void): () => void;
}

/** The phone's own log (what a real phone writes to syslog): read by QA, never shown to the user. */
export interface Log {
  write(line: string): void;
  /** A defect inside the phone (an exception it did not expect): the specification fails on it. */
  fault(description: string): void;
}

export interface StoredProvisioning {
  readonly server: string;
  readonly settings: Readonly<Record<string, string>>;
}

/** Non-volatile memory: survives a reboot, cleared by a factory reset. */
export interface Memory {
  read(): StoredProvisioning | undefined;
  write(provisioning: StoredProvisioning): void;
}

export interface PhoneIdentity {
  readonly model: string;
  readonly macAddress: string;
  readonly serialNumber: string;
  readonly firmware: string;
}

export interface PhonePorts {
  readonly identity: PhoneIdentity;
  readonly clock: Clock;
  readonly screen: Screen;
  readonly keypad: Keypad;
  readonly network: Network;
  readonly log: Log;
  readonly memory: Memory;
}

/** Where the phone is in its first boot, in the specification's vocabulary. */
export type PhoneStateName =
  | 'off'
  | 'asking'
  | 'asking DES'
  | 'entering code'
  | 'discovering locally'
  | 'fetching settings'
  | 'asking for server'
  | 'asking for provisioning details'
  | 'unprovisioned'
  | 'provisioned';

export interface PhoneStatus {
  readonly state: PhoneStateName;
  /** The configuration server the phone got its settings from, once provisioned. */
  readonly configurationServer?: string;
  readonly settings: Readonly<Record<string, string>>;
}

export interface Phone {
  powerOn(): void;
  status(): PhoneStatus;
}

export type PhoneFactory = (ports: PhonePorts) => Phone;
