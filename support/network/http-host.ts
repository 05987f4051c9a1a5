/**
 * A host on the stubbed network that speaks HTTP/1.1 over a mock-socket server, and can be
 * told to misbehave the way real servers do.
 */
import { Server, type Client } from 'mock-socket';
import type { Service, TrafficLog } from './traffic';

import { TLS_HANDSHAKE_FAILED } from '../phone/ports';

/** How a host fails, whatever service it runs. */
export type HostFault =
  | 'absent'
  | 'name not resolvable'
  | 'silent'
  | 'drops mid-reply'
  | 'hangs up'
  | 'rejects TLS'
  | 'not HTTP'
  | 'TLS only'
  /** Not a failure: a slow link delivers the reply in small pieces, which the phone must put together. */
  | 'trickles'
  /** As 'trickles', from a server that writes header names in lower case with no space after the colon, as HTTP allows. */
  | 'trickles tersely';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
}

export interface HostAddress {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
}

export const socketUrl = ({ host, port, secure }: HostAddress): string => `${secure ? 'wss' : 'ws'}://${host}:${port}/`;

/** How big the pieces of a trickled reply are: smaller than "HTTP/1.", so even the status line arrives cut. */
const TRICKLE_BYTES = 5;
/** What a TLS-only server answers to plain text: a TLS alert record (fatal, unexpected_message). */
const TLS_ALERT = String.fromCharCode(0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x0a);

const reasons: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 423: 'Locked', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export class HttpHost {
  /** Whether the host is up; its mock-socket server is built only when the phone first connects (most hosts of a site never hear from it). */
  private up = false;
  private server: Server | undefined;
  private currentFault: HostFault | undefined;
  /** What the host listens to on each accepted socket, let go of when the scenario ends (release). */
  private readonly accepted: { readonly socket: Client; readonly onMessage: (data: unknown) => void }[] = [];

  constructor(
    readonly service: Service,
    readonly address: HostAddress,
    private readonly traffic: TrafficLog,
    private readonly answer: (request: ReceivedRequest) => Reply,
    /** How the request shows in the traffic log (the place to mask secrets). */
    private readonly describe: (request: ReceivedRequest) => string,
    /** How a request body shows in the traffic log: the place to mask secrets in it. */
    private readonly describeBody: (body: string) => string = quoteBody,
  ) {
    this.listen();
  }

  get fault(): HostFault | undefined {
    return this.currentFault;
  }

  set fault(fault: HostFault | undefined) {
    this.currentFault = fault;
    if (fault === 'absent' || fault === 'name not resolvable') this.stop();
    else this.listen();
  }

  stop(): void {
    this.up = false;
    this.server?.stop();
    this.server = undefined;
  }

  /** The scenario is over: stops the host and takes its listeners off the sockets it accepted (see StubNetwork.shutDown). */
  release(): void {
    this.stop();
    this.accepted.splice(0).forEach(({ socket, onMessage }) => socket.off('message', onMessage));
  }

  /** Called as the phone connects: a host that is up now listens at its address. */
  answerConnections(): void {
    if (!this.up || this.server) return;
    this.server = new Server(socketUrl(this.address));
    this.server.on('connection', (socket) => this.accept(socket));
  }

  private listen(): void {
    this.up = true;
  }

  private accept(socket: Client): void {
    if (this.currentFault === 'rejects TLS') {
      this.traffic.record(this.service, 'TLS handshake rejected', `${this.address.host}:${this.address.port}`);
      socket.close({ code: TLS_HANDSHAKE_FAILED, reason: 'certificate not trusted', wasClean: false });
      return;
    }
    let received = '';
    const onMessage = (data: unknown): void => {
      received += String(data);
      const request = parseRequest(received);
      if (request) this.respond(socket, request);
    };
    socket.on('message', onMessage);
    this.accepted.push({ socket, onMessage });
  }

  private respond(socket: Client, request: ReceivedRequest): void {
    this.traffic.record(this.service, 'request', this.describe(request));
    if (request.body) this.traffic.record(this.service, 'request body', this.describeBody(request.body));
    switch (this.currentFault) {
      case 'silent':
        this.traffic.record(this.service, 'no reply', 'the host keeps the connection open and says nothing');
        return;
      case 'hangs up':
        this.traffic.record(this.service, 'connection closed', 'the host hangs up without answering');
        socket.close({ code: 1000, reason: 'closed', wasClean: true });
        return;
      case 'not HTTP':
        this.traffic.record(this.service, 'reply', 'bytes that are not HTTP');
        socket.send('SSH-2.0-OpenSSH_9.2\r\n');
        return;
      case 'TLS only':
        if (this.address.secure) return this.reply(socket, request);
        this.traffic.record(this.service, 'reply', 'a TLS alert: the host speaks only TLS, not plain HTTP');
        socket.send(TLS_ALERT);
        socket.close({ code: 1000, reason: 'closed', wasClean: true });
        return;
      default:
        this.reply(socket, request);
    }
  }

  private reply(socket: Client, request: ReceivedRequest): void {
    const reply = this.answer(request);
    const raw = serialise(reply, this.currentFault === 'trickles tersely');
    if (this.currentFault === 'drops mid-reply') {
      this.traffic.record(this.service, 'connection dropped', `after ${Math.floor(raw.length / 2)} of ${raw.length} bytes`);
      socket.send(raw.slice(0, Math.floor(raw.length / 2)));
      socket.close({ code: 1006, reason: 'connection reset', wasClean: false });
      return;
    }
    const status = `${reply.status} ${reasons[reply.status] ?? ''}`.trim();
    if (this.currentFault === 'trickles' || this.currentFault === 'trickles tersely') {
      this.traffic.record(this.service, 'reply', `${status}, in pieces of ${TRICKLE_BYTES} bytes`);
      if (reply.body) this.traffic.record(this.service, 'reply body', quoteBody(reply.body));
      for (let at = 0; at < raw.length; at += TRICKLE_BYTES) socket.send(raw.slice(at, at + TRICKLE_BYTES));
      return;
    }
    this.traffic.record(this.service, 'reply', status);
    if (reply.body) this.traffic.record(this.service, 'reply body', quoteBody(reply.body));
    socket.send(raw);
  }
}

/** How much of a body the timeline shows: a settings file can be long; a DES reply fits. */
const BODY_SHOWN = 300;

/** A body as the timeline shows it: quoted, control and non-ASCII bytes escaped, long ones cut with their size. */
export function quoteBody(body: string): string {
  const shown = JSON.stringify(body.slice(0, BODY_SHOWN)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return body.length > BODY_SHOWN ? `${shown} … (${body.length} bytes in all)` : shown;
}

function serialise(reply: Reply, terse: boolean): string {
  const length = Buffer.byteLength(reply.body, 'latin1');
  const type = reply.contentType ?? 'application/json';
  const headers = terse ? `content-type:${type}\r\ncontent-length:${length}` : `Content-Type: ${type}\r\nContent-Length: ${length}`;
  return `HTTP/1.1 ${reply.status} ${reasons[reply.status] ?? 'Status'}\r\n${headers}\r\n\r\n${reply.body}`;
}

function parseRequest(text: string): ReceivedRequest | undefined {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [requestLine = '', ...headers] = text.slice(0, headEnd).split('\r\n');
  const [method = '', path = ''] = requestLine.split(' ');
  // As a real server: the body is exactly Content-Length bytes, and a request without the header has none.
  const length = Number(headers.find((h) => /^content-length:/i.test(h))?.split(':')[1] ?? 0);
  const body = text.slice(headEnd + 4);
  return body.length < length ? undefined : { method, path, body: body.slice(0, length) };
}
