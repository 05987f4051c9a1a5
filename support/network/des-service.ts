/**
 * Device Enrollment Services as the phone meets it on the stubbed network. Its wire format
 * is ours (ASSUME-19): the source and public documents do not give DES's API.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { HttpHost, quoteBody, type HostFault, type ReceivedRequest, type Reply } from './http-host';
import type { TrafficLog } from './traffic';
import { DES_PROVISIONING, type DesReply } from '../phone/ports';

export const DES_HOST = DES_PROVISIONING.host;
export const DES_IP = '203.0.113.10';
/** ASSUME-6: DES's own numbers are unpublished; these are the suite's. */
export const WRONG_CODES_BEFORE_LOCKOUT = 5;
export const LOCKOUT_MINUTES = 15;
/** The one endpoint of the suite's DES (ASSUME-19); anything else is not found, as on a real web service. */
const PROVISIONING_ENDPOINT = `${DES_PROVISIONING.method} ${DES_PROVISIONING.path}`;

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
  /** When the lockout ends, on the scenario's virtual clock (sinon fakes Date). */
  private lockedUntil = 0;
  private replyFault: DesReplyFault | undefined;
  private readonly flaws = new Set<DesReplyFlaw>();
  readonly host: HttpHost;

  constructor(private readonly traffic: TrafficLog) {
    this.host = new HttpHost('DES', { host: DES_HOST, port: 443, secure: true }, traffic, (r) => this.answer(r), (r) => this.describe(r), (body) =>
      quoteBody(this.maskCode(body)),
    );
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

  /** The phone's provisioning requests, as the traffic shows them: other requests to des.avaya.com (a settings download, a wrong path) are not asking DES. */
  provisioningRequests(): readonly string[] {
    return this.traffic
      .of('DES')
      .filter(({ event, detail }) => event === 'request' && detail.startsWith(`${PROVISIONING_ENDPOINT} `))
      .map(({ detail }) => detail);
  }

  fingerprint(code: string): string {
    return createHmac('sha256', FINGERPRINT_KEY).update(code).digest('hex').slice(0, 12);
  }

  /** The request body with the enrollment code replaced by its fingerprint: the timeline never holds a code. */
  private maskCode(body: string): string {
    const code = readCode(body);
    return code === undefined ? body : body.split(JSON.stringify(code)).join(JSON.stringify(`#${this.fingerprint(code)}`));
  }

  private describe(request: ReceivedRequest): string {
    const code = readCode(request.body);
    const codePart = code === undefined ? 'without an enrollment code' : `with enrollment code #${this.fingerprint(code)}`;
    return `${request.method} ${request.path} ${codePart}`;
  }

  private answer(request: ReceivedRequest): Reply {
    const endpoint = `${request.method} ${request.path}`;
    if (endpoint !== PROVISIONING_ENDPOINT) return des({ status: 404, body: { error: 'not-found', reason: `DES answers ${PROVISIONING_ENDPOINT} only, not ${endpoint}` } });
    if (this.replyFault === 'malformed reply') return { status: 200, body: '{"provisioningUrl": ', contentType: 'application/json' };
    // A forced error status comes with the error page of the web server in front of DES, not DES's own record.
    if (this.replyFault) return { status: this.replyFault.status, body: `<html><body><h1>Error ${this.replyFault.status}</h1></body></html>`, contentType: 'text/html' };
    const malformed = requestProblem(request.body);
    if (malformed) return des({ status: 400, body: { error: 'bad-request', reason: malformed } });
    const code = readCode(request.body);
    if (code === undefined) return this.assignment();
    if (this.wrongCodes >= WRONG_CODES_BEFORE_LOCKOUT) {
      if (Date.now() < this.lockedUntil) return lockedOut;
      this.wrongCodes = 0; // the lockout is over: the count starts again
    }
    const entry = this.codes.get(code);
    if (!entry || entry.expired) {
      this.wrongCodes += 1;
      if (this.wrongCodes >= WRONG_CODES_BEFORE_LOCKOUT) {
        this.lockedUntil = Date.now() + LOCKOUT_MINUTES * 60_000;
        return lockedOut;
      }
      const reason = this.flaws.has('no refusal reason') ? {} : { reason: entry ? ('expired code' as const) : ('unknown code' as const) };
      return des({ status: 403, body: { error: 'code-rejected', ...reason } });
    }
    if (entry.server !== undefined) this.assignedServer = entry.server;
    return this.assignment();
  }

  private assignment(): Reply {
    if (this.assignedServer === undefined) return json(500, { error: 'the scenario never said what DES knows about this phone' });
    if (this.assignedServer === null) return des({ status: 404, body: { error: 'no-server-assigned' } });
    // The flaws stray from the contract on purpose, so they are not DesReplies.
    if (this.flaws.has('no provisioning URL')) return json(200, {});
    if (this.flaws.has('bare provisioning URL')) return json(200, this.assignedServer);
    return des({ status: 200, body: { provisioningUrl: this.assignedServer } });
  }
}

const des = ({ status, body }: DesReply): Reply => json(status, body);

const lockedOut = des({ status: 423, body: { error: 'locked-out', retryAfterMinutes: LOCKOUT_MINUTES } });

function json(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body) };
}

/** What is wrong with a provisioning request, in DES's 400 reply; undefined when nothing is. */
function requestProblem(body: string): string | undefined {
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    return body ? 'the body is not JSON' : 'the request has no body (a JSON object with the device identity)';
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return 'the body is not a JSON object';
  const fields = request as Record<string, unknown>;
  const missing = IDENTITY_FIELDS.filter((field) => typeof fields[field] !== 'string');
  if (missing.length) return `missing or not a string: ${missing.join(', ')}`;
  if ('enrollmentCode' in fields && typeof fields['enrollmentCode'] !== 'string') return 'enrollmentCode is not a string';
  return undefined;
}

function readCode(body: string): string | undefined {
  try {
    const code: unknown = (JSON.parse(body) as { enrollmentCode?: unknown }).enrollmentCode;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
