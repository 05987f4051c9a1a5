// Test-side encoders: the stubbed network uses them to put real bytes on the wire, so the
// phone's parsers are exercised on the same formats a switch or DHCP server would send.
// They throw on malformed arguments because those are mistakes in a test, not network input.

const AVAYA_OUI = [0x00, 0x04, 0x0d] as const;
const FILE_SERVER_SUBTYPE = 6;
const CHASSIS_ID_LOCAL = 7;
const PORT_ID_INTERFACE_NAME = 5;
const AVAYA_ENTERPRISE_NUMBER = 6889;
/** One encoder for every call: building a TextEncoder costs more than encoding a short name. */
const UTF8 = new TextEncoder();

/**
 * An LLDPDU (no Ethernet header); with fileServers, adds the file-server TLV, Avaya's OUI unless another is given.
 * `strayBytes` (zeros after the addresses), `mandatoryTlvs` below 3 (only the first of Chassis ID, Port ID, TTL),
 * `endTlv: false` and `endTlvBytes` build the damaged frames switches sometimes send; `otherTlvs` (type and value)
 * go before the file-server TLV; `padTo` adds Ethernet padding after the End TLV up to that many bytes.
 */
export function encodeLldpFrame(options: LldpFrameOptions): Uint8Array {
  const key = JSON.stringify(options);
  let frame = lldpFrames.get(key);
  if (!frame) lldpFrames.set(key, (frame = buildLldpFrame(options)));
  // A copy: the phone may write into the frame it receives.
  return frame.slice();
}

/** Frames already built: a boot campaign asks for the same few frames thousands of times, and building one costs more than the rest of its announcement. */
const lldpFrames = new Map<string, Uint8Array>();

interface LldpFrameOptions {
  fileServers?: readonly string[];
  chassisId?: string;
  portId?: string;
  ttlSeconds?: number;
  oui?: readonly [number, number, number];
  strayBytes?: number;
  mandatoryTlvs?: number;
  otherTlvs?: readonly (readonly [number, readonly number[]])[];
  endTlv?: boolean;
  endTlvBytes?: number;
  padTo?: number;
}

function buildLldpFrame(options: LldpFrameOptions): Uint8Array {
  const { fileServers, chassisId = 'switch-1', portId = 'ge-0/0/1', ttlSeconds = 120, oui = AVAYA_OUI, strayBytes = 0 } = options;
  const { mandatoryTlvs = 3, otherTlvs = [], endTlv = true, endTlvBytes = 0, padTo = 0 } = options;
  const text = (value: string): number[] => Array.from(UTF8.encode(value));
  const tlvs = [
    tlv(1, [CHASSIS_ID_LOCAL, ...text(chassisId)]),
    tlv(2, [PORT_ID_INTERFACE_NAME, ...text(portId)]),
    tlv(3, [(ttlSeconds >> 8) & 0xff, ttlSeconds & 0xff]),
  ].slice(0, mandatoryTlvs);
  tlvs.push(...otherTlvs.map(([type, value]) => tlv(type, value)));
  if (fileServers) {
    tlvs.push(tlv(127, [...oui, FILE_SERVER_SUBTYPE, ...fileServers.flatMap(ipv4Bytes), ...zeros(strayBytes)]));
  }
  if (endTlv) tlvs.push(tlv(0, zeros(endTlvBytes)));
  // Copied TLV by TLV into a frame that starts zeroed: the padding up to padTo is already there.
  const frame = new Uint8Array(Math.max(tlvs.reduce((length, t) => length + t.length, 0), padTo));
  tlvs.reduce((offset, t) => (frame.set(t, offset), offset + t.length), 0);
  return frame;
}

/** Avaya's organisationally specific TLV of another subtype, e.g. 3 for the call server, naming one address. */
export function avayaTlv(subtype: number, address: string): readonly [number, readonly number[]] {
  return [127, [...AVAYA_OUI, subtype, ...ipv4Bytes(address)]];
}

function zeros(count: number): number[] {
  return new Array<number>(Math.max(count, 0)).fill(0);
}

function tlv(type: number, value: readonly number[]): number[] {
  if (value.length > 511) {
    throw new Error(`An LLDP TLV value of ${value.length} bytes does not fit the 9-bit length field.`);
  }
  return [(type << 1) | (value.length >> 8), value.length & 0xff, ...value];
}

function ipv4Bytes(address: string): number[] {
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) {
    throw new Error(`"${address}" is not an IPv4 address.`);
  }
  return octets;
}

/**
 * Avaya's DHCP option 43: sub-option 1 with enterprise number 6889 (unless another is given), then the settings
 * as ASCII sub-options, then `trailingBytes` as given (Pad, End, further sub-options).
 */
export function encodeAvayaOption43(suboptions: {
  httpServers?: string;
  httpDir?: string;
  httpPort?: string;
  tlsServers?: string;
  tlsPort?: string;
  enterpriseNumber?: number;
  trailingBytes?: readonly number[];
}): Uint8Array {
  const enterprise = suboptions.enterpriseNumber ?? AVAYA_ENTERPRISE_NUMBER;
  const bytes = [1, 4, ...[24, 16, 8, 0].map((shift) => (enterprise >> shift) & 0xff)];
  const settings: readonly [number, string | undefined][] = [
    [2, suboptions.httpServers],
    [3, suboptions.httpDir],
    [4, suboptions.httpPort],
    [5, suboptions.tlsServers],
    [7, suboptions.tlsPort],
  ];
  for (const [code, value] of settings) {
    if (value !== undefined) {
      const encoded = UTF8.encode(value);
      if (encoded.length > 255) {
        throw new Error(`Sub-option ${code} of ${encoded.length} bytes does not fit the one-byte length field.`);
      }
      bytes.push(code, encoded.length, ...encoded);
    }
  }
  return Uint8Array.from([...bytes, ...(suboptions.trailingBytes ?? [])]);
}
