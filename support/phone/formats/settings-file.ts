/**
 * 46xxsettings.txt as Avaya's J100 administration guide describes it (ASSUME-22, ASSUME-29): a line
 * that does not begin with SET, ADD, GET, IF, GOTO or # is a comment; a statement the phone cannot
 * read is ignored (a setting keeps its previous value); only a file that is not text at all, or too
 * large, is refused whole.
 */
import { Parsed, accept, reject } from './parsed';

export type SettingsStatement =
  | { readonly kind: 'set' | 'add'; readonly name: string; readonly value: string }
  | { readonly kind: 'get'; readonly file: string }
  | { readonly kind: 'if'; readonly variable: string; readonly equals: string; readonly label: string }
  | { readonly kind: 'goto'; readonly label: string }
  | { readonly kind: 'label'; readonly label: string };

export interface SettingsFile {
  readonly statements: readonly SettingsStatement[];
  /** Statements the phone could not read and ignored, each with why (for the phone's log). */
  readonly ignored: readonly string[];
}

/** The only variables IF may test, as on the J100. */
export const IF_VARIABLES: readonly string[] = ['GROUP', 'MACADDR', 'MODEL', 'MODEL4'];

const MAX_BYTES = 256 * 1024;
const SETTING_NAME = /^[A-Z0-9_]+$/;
// Matched against what follows the statement's first word.
const ONE_WORD = /^\s+(\S+)$/;
const IF = /^\s+\$([A-Za-z0-9_]+)\s+SEQ\s+(?:"([^"]*)"|([^\s"]+))\s+GOTO\s+(\S+)$/i;

/** Reads a 46xxsettings.txt file into statements; refuses only a file that is too large or not text. */
export function parseSettingsFile(content: Uint8Array): Parsed<SettingsFile> {
  if (content.length > MAX_BYTES) {
    return reject(`The settings file is ${content.length} bytes; the phone accepts at most ${MAX_BYTES} bytes (256 KiB).`);
  }
  const nul = content.indexOf(0);
  if (nul !== -1) {
    return reject(`The settings file is binary, not text: it has a NUL byte at byte offset ${nul}.`);
  }

  // Stryker disable next-line ArrayDeclaration: evaluateSettings passes over anything that is not a statement
  const statements: SettingsStatement[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, what the phone ignored reaches only its log
  const ignored: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Stryker disable next-line UpdateOperator: equivalent, the line number reaches only the phone's log
  for (let line = 1, start = 0; ; line++) {
    const newline = content.indexOf(0x0a, start);
    const end = newline === -1 ? content.length : newline;
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
    const statement = readLine(decoder, content.subarray(start, end), `Line ${line} of the settings file is ignored`);
    // Stryker disable next-line StringLiteral: equivalent, the list of ignored lines reaches only the log
    if (typeof statement === 'string') ignored.push(statement);
    else if (statement) statements.push(statement);
    if (newline === -1) return accept({ statements, ignored });
    start = newline + 1;
  }
}

/** The statement on one line, undefined for blank lines and comments, or why the phone ignores it. */
function readLine(decoder: TextDecoder, bytes: Uint8Array, where: string): SettingsStatement | undefined | string {
  let text: string;
  try {
    // Decoding line by line lets one bad byte cost one line, reported by number.
    text = decoder.decode(bytes).trim();
  } catch {
    // Stryker disable next-line StringLiteral,Regex,MethodExpression: equivalent, the line is skipped either way; this only decides whether the log names it
    return /^(SET|ADD|GET|IF|GOTO)\s/i.test(Buffer.from(bytes).toString('latin1').trim()) ? `${where}: it is not valid UTF-8 text.` : undefined;
  }
  if (text.startsWith('##')) return undefined;
  if (text.startsWith('#')) {
    // "# NAME" marks a label; the first word names it, and a "#" alone marks nothing.
    const label = text.slice(1).trim().split(/\s/, 1)[0]!;
    // Stryker disable next-line StringLiteral: equivalent, no GOTO or IF can name an empty label
    return label === '' ? undefined : { kind: 'label', label };
  }
  const word = text.split(/\s/, 1)[0]!;
  const rest = text.slice(word.length);
  switch (word.toUpperCase()) {
    case 'SET':
      return parseSet('set', rest, where);
    case 'ADD':
      return parseSet('add', rest, where);
    case 'GET': {
      const match = ONE_WORD.exec(rest);
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
      return match ? { kind: 'get', file: match[1]! } : `${where}: GET must be followed by one file name.`;
    }
    case 'IF':
      return parseIf(rest, where);
    case 'GOTO': {
      const match = ONE_WORD.exec(rest);
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
      return match ? { kind: 'goto', label: match[1]! } : `${where}: GOTO must be followed by one label name.`;
    }
  }
  // Any other line is a comment, as on the J100.
  return undefined;
}

function parseIf(rest: string, where: string): SettingsStatement | string {
  const match = IF.exec(rest);
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (!match) return `${where}: it must have the form IF $VARIABLE SEQ value GOTO label.`;
  const variable = match[1]!;
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (!IF_VARIABLES.includes(variable)) return `${where}: IF tests only $${IF_VARIABLES.join(', $')}, not $${variable}.`;
  return { kind: 'if', variable, equals: match[2] ?? match[3]!, label: match[4]! };
}

/** SET (or ADD) NAME value, given what follows the word; a quoted value may hold spaces. */
function parseSet(kind: 'set' | 'add', afterWord: string, where: string): SettingsStatement | string {
  // Stryker disable next-line MethodExpression: equivalent, it only words the reasons, which reach only the phone's log
  const statement = kind.toUpperCase();
  const words = afterWord.trimStart();
  const nameEnd = words.search(/\s|$/);
  const name = words.slice(0, nameEnd);
  const value = words.slice(nameEnd).trimStart();
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (name === '') return `${where}: it must have the form ${statement} NAME value.`;
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (!SETTING_NAME.test(name)) return `${where}: setting names may contain only capital letters, digits and underscores, not "${name}".`;
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (value === '') return `${where}: ${statement} ${name} has no value; write ${statement} ${name} "" for an empty value.`;
  if (!value.startsWith('"')) return { kind, name, value };
  const closing = value.lastIndexOf('"');
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (closing === 0) return `${where}: its opening quote is never closed.`;
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason that reaches only the phone's log
  if (closing !== value.length - 1) return `${where}: it has text after the closing quote.`;
  return { kind, name, value: value.slice(1, -1) };
}

export interface Evaluation {
  readonly values: Readonly<Record<string, string>>;
  /** A GET the run stopped at: the file to read, and where to go on if it cannot be read. */
  readonly get?: { readonly file: string; readonly resumeAt: number };
}

/**
 * Runs the statements as the phone does, from `from`, over the values already set: top to bottom,
 * jumping only forward to the next matching label (so it always ends; a jump to a label that never
 * comes ends the file). It stops at a GET: once the included file is read, the rest of this one is
 * not interpreted; if it cannot be read, the run goes on at `resumeAt`.
 */
export function evaluateSettings(
  statements: readonly SettingsStatement[],
  variables: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>> = {},
  from = 0,
): Evaluation {
  const values: Record<string, string> = { ...before };
  /** Where a jump from statement `at` lands: the next `label` ahead, or the end of the file. */
  const jump = (at: number, label: string): number => {
    let to = at + 1;
    while (to < statements.length && !isLabel(statements[to]!, label)) to++;
    return to;
  };

  for (let at = from; at < statements.length; at++) {
    const statement = statements[at]!;
    switch (statement.kind) {
      case 'set':
        values[statement.name] = statement.value;
        break;
      case 'add': {
        // ADD appends to a list setting (comma-separated); on an unset name it sets it.
        const list = values[statement.name];
        values[statement.name] = list ? `${list},${statement.value}` : statement.value;
        break;
      }
      case 'get':
        return { values, get: { file: statement.file, resumeAt: at + 1 } };
      case 'if':
        if (variables[statement.variable] === statement.equals) at = jump(at, statement.label);
        break;
      case 'goto':
        at = jump(at, statement.label);
        break;
      // A label only marks where a jump lands.
    }
  }
  return { values };
}

const isLabel = (statement: SettingsStatement, label: string): boolean => statement.kind === 'label' && statement.label === label;
