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

/**
 * What a screen means, in the specification's vocabulary. The suite checks meanings; the words on
 * the screen (title, detail) are the phone's own. The one text compared word for word is the
 * question's title (PROMPT-1). A vendor's phone reports the meaning of every screen it shows.
 */
export type ScreenMeaning =
  /** PROMPT-1: the auto provisioning question, with the softkeys Yes and No. */
  | { readonly kind: 'question' }
  /** Waiting for DES (YES-1, CODE-2, TIMEOUT-2); `codeDigits` when the request carries an enrollment code of that many digits (shown masked, if at all: ASSUME-20). */
  | { readonly kind: 'contacting DES'; readonly codeDigits?: number }
  /** Listening for DHCP and LLDP (NO-1, TIMEOUT-1). */
  | { readonly kind: 'searching locally' }
  /** ASSUME-31: no network address yet; the phone keeps asking DHCP for one, and goes on once it has one. */
  | { readonly kind: 'no network' }
  /** Getting the settings file from `server` (the first server of the list, as the phone writes it). */
  | { readonly kind: 'fetching settings'; readonly server: string }
  /** YES-4: asks for an enrollment code (softkeys OK and Cancel). */
  | { readonly kind: 'enrollment code prompt'; readonly notice?: Notice }
  /** YES-3, CODE-3, ASSUME-1, ASSUME-3: asks for the configuration server (softkeys OK and Cancel). */
  | { readonly kind: 'configuration server prompt'; readonly notice?: Notice }
  /** NO-2: asks for the provisioning details (softkeys OK and Cancel). */
  | { readonly kind: 'provisioning details prompt'; readonly notice?: Notice }
  /** ASSUME-13: manual entry was cancelled; only the administration menu can help now. */
  | { readonly kind: 'not provisioned' }
  /** Settings applied from `server`; `sipDomain` when the settings name one (SIPDOMAIN). */
  | { readonly kind: 'provisioned'; readonly server: string; readonly sipDomain?: string | undefined };

export type ScreenKind = ScreenMeaning['kind'];

/** The prompts the user types into; each may carry a notice saying why it is shown (again). */
export type PromptKind = 'enrollment code prompt' | 'configuration server prompt' | 'provisioning details prompt';

/** What a prompt tells the user about why it is shown (again): by meaning, never by wording. */
export type Notice =
  /** The phone itself refused what was typed (a malformed code or address); nothing was sent. */
  | { readonly kind: 'entry refused' }
  /** DES answered that the enrollment code is not valid (unknown, expired): ASSUME-5. */
  | { readonly kind: 'code not accepted' }
  /** DES locked the phone out after too many wrong codes, for this many minutes: ASSUME-6. */
  | { readonly kind: 'locked out'; readonly minutes: number }
  /** DES could not be contacted at all: no name, no connection, no TLS, no (HTTP) reply. ASSUME-1, ASSUME-3. */
  | { readonly kind: 'DES unreachable' }
  /** DES was reached but answered with an error status or a reply the phone cannot use: ASSUME-1, ASSUME-23. */
  | { readonly kind: 'DES answered with an error' }
  /** DES accepted the code but still has no configuration server for the phone: ASSUME-7. */
  | { readonly kind: 'DES has no server' }
  /** No configuration server in the list could be contacted or gave usable settings: YES-3, ASSUME-11, ASSUME-22, ASSUME-27. */
  | { readonly kind: 'settings unavailable' };

export type NoticeKind = Notice['kind'];

/** A softkey by its role; the label the phone prints on it is its own. */
export type SoftkeyRole = 'Yes' | 'No' | 'OK' | 'Cancel';

/**
 * One screen as the phone shows it. The suite compares `meaning` and `softkeys`; `title` and
 * `detail` are the phone's own words, shown in reports and checked only against SCREEN_LIMIT,
 * except the question's title, compared word for word.
 */
export interface ScreenContent {
  readonly meaning: ScreenMeaning;
  readonly title: string;
  readonly detail?: string;
  /** The roles of the softkeys offered, left to right; none when absent. */
  readonly softkeys?: readonly SoftkeyRole[];
}

/**
 * ASSUME-24: what fits a J100-class screen (J169/J179): a title in at most 2 lines and a detail in
 * at most 3 lines of 32 characters, words wrapped (a word longer than a line is broken). Longer
 * detail belongs in the phone's log. The question's title (45 characters) fits in two lines.
 */
export const SCREEN_LIMIT = { columns: 32, titleLines: 2, detailLines: 3 } as const;

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

/**
 * A byte stream to a host, like a TCP (or TLS) connection. Events follow the WebSocket shape.
 * The wire contract (support/phone/README.md, "The wire contract"):
 * - Bytes travel as strings of one character per byte (Latin-1, U+0000 to U+00FF), both ways: `send`
 *   takes such a string, `onmessage` delivers `data` as one. Encode text (UTF-8 or not) yourself.
 * - HTTP/1.1, one request per connection: a request with a body carries Content-Length (in bytes);
 *   every reply carries Content-Length. A reply may arrive in pieces: put them together.
 * - `onopen` fires once the host accepted the connection (for TLS: the handshake succeeded).
 * - A host nobody listens at: no `onopen`; `onerror`, then `onclose` (code 1000).
 * - A failed TLS handshake: no `onopen`; `onclose` with code TLS_HANDSHAKE_FAILED and the reason the
 *   host gave (e.g. "certificate not trusted"). Show the reason: QA reads it on the screen.
 * - A host that hangs up or drops: `onclose` after `onopen` (1000 clean, 1006 reset), with or without part of a reply.
 * - A host that says nothing: no event at all. Keep your own timer (Clock).
 */
export interface Connection {
  send(data: WireBytes): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Bytes on a Connection: one character per byte (Latin-1). `Buffer.from(bytes, 'latin1')` turns them into a Buffer. */
export type WireBytes = string;

/** Close code a host uses to say the TLS handshake failed. */
export const TLS_HANDSHAKE_FAILED = 1015;

/** Where a host is: a DNS name or a dotted IPv4 address, a port, and whether the connection is TLS. */
export interface HostTarget {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
}

/** A DHCP server's answer: always a lease, and the provisioning options the phone asked for. */
export interface DhcpOffer {
  /** `yiaddr`: the IPv4 address leased to the phone. */
  readonly address: string;
  /** `siaddr`: the next-server address, when not 0.0.0.0. */
  readonly nextServer?: string;
  /** Options by number: strings for text options (242), bytes for encoded ones (43). */
  readonly options: ReadonlyMap<number, string | Uint8Array>;
}

export interface Network {
  /**
   * Resolves a DNS name to a dotted IPv4 address; undefined when no DNS server knows it. Connecting to
   * the name or to the address it gave reaches the same host (a name DNS does not know reaches nothing).
   */
  resolve(host: string): Promise<string | undefined>;
  connect(target: HostTarget): Connection;
  /**
   * Broadcasts a DHCP request for an address; the listener receives each answer. `options` is the
   * parameter request list (option 55): the provisioning options wanted with the lease, e.g. [43, 242];
   * an empty list asks for an address only. A network without a DHCP server never answers.
   */
  requestDhcp(options: readonly number[], onOffer: (offer: DhcpOffer) => void): void;
  /** Listens for LLDP frames from the switch; returns a function that stops listening. */
  listenLldp(onFrame: (frame: Uint8Array) => void): () => void;
}

// --- Device Enrollment Services on the wire (ASSUME-19: the format is the suite's own; DES's is not public) ---

/** The one endpoint: POST over HTTPS (TLS) to des.avaya.com, port 443, this path, with a JSON body. */
export const DES_PROVISIONING = { method: 'POST', host: 'des.avaya.com', port: 443, path: '/api/v1/devices/provisioning' } as const;

/** The request body (Content-Type application/json): the phone's identity, and the code once the user typed one. */
export interface DesProvisioningRequest {
  readonly macAddress: string;
  readonly serialNumber: string;
  readonly model: string;
  readonly firmware: string;
  /** Only when asking again with the code the user entered (CODE-2): digits only, 8 or 12 of them. */
  readonly enrollmentCode?: string;
}

/** Every reply DES gives, by HTTP status and JSON body. Anything else (other statuses, HTML error pages, bodies that are not JSON) is a reply the phone cannot use. */
export type DesReply =
  /** DES names the configuration server (YES-2, CODE-2): an http:// or https:// URL. */
  | { readonly status: 200; readonly body: { readonly provisioningUrl: string } }
  /** DES has no configuration server for this phone (YES-4; with a valid code, ASSUME-7). */
  | { readonly status: 404; readonly body: { readonly error: 'no-server-assigned' } }
  /** The code is not valid (ASSUME-5). `reason` may be missing: a phone must not rely on it. */
  | { readonly status: 403; readonly body: { readonly error: 'code-rejected'; readonly reason?: 'unknown code' | 'expired code' } }
  /** Too many wrong codes (ASSUME-6): DES refuses codes for this many minutes. */
  | { readonly status: 423; readonly body: { readonly error: 'locked-out'; readonly retryAfterMinutes: number } }
  /** The request was malformed: `reason` says what was wrong (a missing identity field, a body that is not JSON). */
  | { readonly status: 400; readonly body: { readonly error: 'bad-request'; readonly reason: string } }
  /** Not the provisioning endpoint (another method or path). */
  | { readonly status: 404; readonly body: { readonly error: 'not-found'; readonly reason: string } };

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
  /** No network address yet: the phone keeps asking DHCP for one (ASSUME-31). */
  | 'waiting for network'
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
