/** The phone's side of Device Enrollment Services: always HTTPS to des.avaya.com (ASSUME-19). */
import { parseServerAddress, type ServerAddress } from '../formats/server-address';
import type { Clock, Network, PhoneIdentity } from '../ports';
import type { DesOutcome } from '../state-chart';
import { DES_WAIT_MS } from '../timings';
import { exchange, NetworkFailure } from './http-client';

export const DES_ADDRESS: ServerAddress = {
  scheme: 'https',
  host: 'des.avaya.com',
  port: 443,
  // Stryker disable next-line StringLiteral: only names DES on screen, where an empty path is written "/" too
  path: '/',
};
export const DES_PROVISIONING_PATH = '/api/v1/devices/provisioning';

export async function askDes(
  ports: { readonly network: Network; readonly clock: Clock; readonly identity: PhoneIdentity },
  enrollmentCode?: string,
): Promise<DesOutcome> {
  const { model, macAddress, serialNumber, firmware } = ports.identity;
  // JSON leaves out a field that is undefined: without a code the request has no enrollmentCode.
  const body = JSON.stringify({ macAddress, serialNumber, model, firmware, enrollmentCode });
  try {
    const response = await exchange(ports, DES_ADDRESS, { method: 'POST', path: DES_PROVISIONING_PATH, body }, DES_WAIT_MS);
    return readReply(response.status, response.body);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: no correct phone throws anything else here
    if (error instanceof NetworkFailure) return { kind: 'unreachable', reason: error.message };
    throw error;
  }
}

function readReply(status: number, body: string): DesOutcome {
  const reply = parseJson(body);
  if (status === 200) {
    if (!reply) return unreadable('it sent a reply the phone could not read');
    const url = reply['provisioningUrl'];
    if (typeof url !== 'string') return unreadable('its reply has no provisioning URL');
    const server = parseServerAddress(url);
    return server.ok ? { kind: 'assigned', server: server.value } : unreadable(`it sent an unusable provisioning URL (${server.error})`);
  }
  if (status === 404 && reply?.['error'] === 'no-server-assigned') return { kind: 'no server assigned' };
  if (status === 403 && reply?.['error'] === 'code-rejected') {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, DES's reason reaches only the phone's log
    return { kind: 'code rejected', reason: typeof reply['reason'] === 'string' ? reply['reason'] : 'unknown code' };
  }
  if (status === 423 && typeof reply?.['retryAfterMinutes'] === 'number') {
    return { kind: 'locked out', minutes: reply['retryAfterMinutes'] };
  }
  return unreadable(`it answered with HTTP status ${status}`);
}

/** DES was reached, but what it answered is an error or of no use to the phone. */
function unreadable(reason: string): DesOutcome {
  return { kind: 'answered with an error', reason };
}

/** DES's reply as a record; anything else (not JSON, or a bare JSON value) is a reply the phone cannot read. */
function parseJson(body: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // Not JSON at all: value stays undefined.
  }
  return value instanceof Object ? (value as Record<string, unknown>) : undefined;
}
