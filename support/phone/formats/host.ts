const IPV4_LOOKING = /^[0-9.]+$/;
const OCTET = /^[0-9]{1,3}$/;
const NAME_CHARACTERS = /^[A-Za-z0-9.-]+$/;

/**
 * Why a server host (IPv4 address or DNS name) is unusable, as the end of a sentence
 * that starts with the host ("... "300.1.1.1" is not a valid IPv4 address: ..."), or undefined when it is fine.
 */
export function hostProblem(host: string): string | undefined {
  // Digits and dots only can never be a DNS name (top-level labels are not numeric), so judge it as IPv4.
  if (IPV4_LOOKING.test(host)) {
    const octets = host.split('.');
    // Stryker disable next-line ArrowFunction,ConditionalExpression,MethodExpression,StringLiteral: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (octets.length !== 4 || octets.some((octet) => octet === '')) {
      return 'is not a valid IPv4 address: it needs four numbers separated by dots';
    }
    if (octets.some((octet) => !OCTET.test(octet) || Number(octet) > 255)) {
      return 'is not a valid IPv4 address: each number must be from 0 to 255';
    }
    return undefined;
  }
  if (!NAME_CHARACTERS.test(host)) {
    return 'is not a valid server name: only letters, digits, hyphens and dots are allowed';
  }
  if (host.length > 253) {
    return 'is not a valid server name: it is longer than 253 characters';
  }
  const labels = host.split('.');
  if (labels.some((label) => label.length < 1 || label.length > 63)) {
    return 'is not a valid server name: each part between dots must be 1 to 63 characters long';
  }
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) {
    return 'is not a valid server name: no part between dots may start or end with a hyphen';
  }
  return undefined;
}
