/**
 * Device Enrollment Services as the phone meets it on the stubbed network. Its wire format
 * is ours (ASSUME-19): the source and public documents do not give DES's API.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { HttpHost, type HostFault, type ReceivedRequest, type Reply } from './http-host';
import type { TrafficLog } from './traffic';

export const DES_HOST = 'des.avaya.com';
export const DES_IP = '203.0.113.10';
/** ASSUME-6: DES's own numbers are unpublished; these are the suite's. */
export const WRONG_CODES_BEFORE_LOCKOUT = 5;
export const LOCKOUT_MINUTES = 15;
/** The one endpoint of the suite's DES (ASSUME-19); anything else is not found, as on a real web service. */
const PROVISIONING_ENDPOINT = 'POST /api/v1/devices/provisioning';

type CodeEntry = { readonly server?: string; readonly expired?: boolean };
export type DesReplyFault = { readonly status: number } | 'malformed reply';
/** Ways DES's own replies stray from the suite's contract (ASSUME-19), as an API that changed would. */
export type DesReplyFlaw = 'no provisioning URL' | 'bare provisioning URL' | 'no refusal reason';
/** What the phone must tell DES about itself; without it DES cannot find its record. */
const IDENTITY_FIELDS = ['macAddress', 'serialNumber', 'model', 'firmware'] as const;

/** Codes are fingerprinted with a key that exists only in this run (this process or thread), so logs never hold them. */
const FINGERPRINT_KEY = randomBytes(16);

export class DesService {
  /** undefined until the scenario says what DES knows: a scenario must not rely on a default. */
  private assignedServer: string | null | undefined;
  private readonly codes = new Map<string, CodeEntry>();
  private wrongCodes = 0;
  private replyFault: DesReplyFault | undefined;
  private readonly flaws = new Set<DesReplyFlaw>();
  readonly host: HttpHost;

  constructor(traffic: TrafficLog) {
    this.host = new HttpHost('DES', { host: DES_HOST, port: 443, secure: true }, traffic, (r) => this.answer(r), (r) => this.describe(r));
  }

  assign(server: string): void {
    this.assignedServer = server;
  }

  knowsNoServer(): void {
    this.assignedServer = null;
  }

  acceptCode(code: string, server?: string): void {
    this.codes.set(code, server === undefined ? {} : { server });
  }

  expireCode(code: string): void {
    this.codes.set(code, { expired: true });
  }

  fail(fault: HostFault | DesReplyFault): void {
    if (typeof fault === 'string' && fault !== 'malformed reply') this.host.fault = fault;
    else this.replyFault = fault;
  }

  replyWith(flaw: DesReplyFlaw): void {
    this.flaws.add(flaw);
  }

  fingerprint(code: string): string {
    return createHmac('sha256', FINGERPRINT_KEY).update(code).digest('hex').slice(0, 12);
  }

  private describe(request: ReceivedRequest): string {
    const code = readCode(request.body);
    const codePart = code === undefined ? 'without an enrollment code' : `with enrollment code #${this.fingerprint(code)}`;
    return `${request.method} ${request.path} ${codePart}`;
  }

  private answer(request: ReceivedRequest): Reply {
    if (`${request.method} ${request.path}` !== PROVISIONING_ENDPOINT) return json(404, { error: 'not-found' });
    if (this.replyFault === 'malformed reply') return { status: 200, body: '{"provisioningUrl": ', contentType: 'application/json' };
    // A forced error status comes with the error page of the web server in front of DES, not DES's own record.
    if (this.replyFault) return { status: this.replyFault.status, body: `<html><body><h1>Error ${this.replyFault.status}</h1></body></html>`, contentType: 'text/html' };
    if (!hasIdentity(request.body)) return json(400, { error: 'bad-request', missing: 'the device identity' });
    const code = readCode(request.body);
    if (code === undefined) return this.assignment();
    if (this.wrongCodes >= WRONG_CODES_BEFORE_LOCKOUT) return json(423, { error: 'locked-out', retryAfterMinutes: LOCKOUT_MINUTES });
    const entry = this.codes.get(code);
    if (!entry || entry.expired) {
      this.wrongCodes += 1;
      if (this.wrongCodes >= WRONG_CODES_BEFORE_LOCKOUT) return json(423, { error: 'locked-out', retryAfterMinutes: LOCKOUT_MINUTES });
      const reason = this.flaws.has('no refusal reason') ? {} : { reason: entry ? 'expired code' : 'unknown code' };
      return json(403, { error: 'code-rejected', ...reason });
    }
    if (entry.server !== undefined) this.assignedServer = entry.server;
    return this.assignment();
  }

  private assignment(): Reply {
    if (this.assignedServer === undefined) return json(500, { error: 'the scenario never said what DES knows about this phone' });
    return this.assignedServer === null
      ? json(404, { error: 'no-server-assigned' })
      : json(200, this.assignmentBody(this.assignedServer));
  }

  private assignmentBody(server: string): unknown {
    if (this.flaws.has('no provisioning URL')) return {};
    return this.flaws.has('bare provisioning URL') ? server : { provisioningUrl: server };
  }
}

function json(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body) };
}

function hasIdentity(body: string): boolean {
  try {
    const request = JSON.parse(body) as Record<string, unknown>;
    return IDENTITY_FIELDS.every((field) => typeof request[field] === 'string');
  } catch {
    return false;
  }
}

function readCode(body: string): string | undefined {
  try {
    const code: unknown = (JSON.parse(body) as { enrollmentCode?: unknown }).enrollmentCode;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
