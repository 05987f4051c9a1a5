import { Parsed, accept, reject } from './parsed';

export type SettingsStatement =
  | { readonly kind: 'set'; readonly name: string; readonly value: string; readonly line: number }
  | { readonly kind: 'get'; readonly file: string; readonly line: number }
  | { readonly kind: 'if'; readonly variable: string; readonly equals: string; readonly label: string; readonly line: number }
  | { readonly kind: 'goto'; readonly label: string; readonly line: number }
  | { readonly kind: 'label'; readonly label: string; readonly line: number };

const MAX_BYTES = 256 * 1024;
const SETTING_NAME = /^[A-Z0-9_]+$/;
// Matched against what follows the statement's first word.
const ONE_WORD = /^\s+(\S+)$/;
const IF = /^\s+\$([A-Za-z0-9_]+)\s+SEQ\s+(?:"([^"]*)"|([^\s"]+))\s+GOTO\s+(\S+)$/i;

/** Reads a 46xxsettings.txt file into statements, or says which line is wrong. */
export function parseSettingsFile(content: Uint8Array): Parsed<readonly SettingsStatement[]> {
  if (content.length > MAX_BYTES) {
    return reject(`The settings file is ${content.length} bytes; the phone accepts at most ${MAX_BYTES} bytes (256 KiB).`);
  }
  const nul = content.indexOf(0);
  // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  if (nul !== -1) {
    return reject(`The settings file is binary, not text: it has a NUL byte at byte offset ${nul}.`);
  }

  // Stryker disable next-line ArrayDeclaration: evaluateSettings passes over anything that is not a statement
  const statements: SettingsStatement[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Stryker disable next-line UpdateOperator: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  for (let line = 1, start = 0; ; line++) {
    const newline = content.indexOf(0x0a, start);
    const end = newline === -1 ? content.length : newline;
    let text: string;
    try {
      // Decoding line by line lets a bad byte be reported by line number.
      text = decoder.decode(content.subarray(start, end));
    } catch {
      return reject(`Line ${line} of the settings file is not valid UTF-8 text.`);
    }
    const statement = parseLine(text.trim(), line);
    if (typeof statement === 'string') {
      return reject(statement);
    }
    if (statement) {
      statements.push(statement);
    }
    if (newline === -1) {
      return accept(statements);
    }
    start = newline + 1;
  }
}

/** The statement on one trimmed line, undefined for blank lines and comments, or an error message. */
function parseLine(text: string, line: number): SettingsStatement | undefined | string {
  // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
  const where = `Line ${line} of the settings file`;
  if (text === '' || text.startsWith('##')) {
    return undefined;
  }
  if (text.startsWith('#')) {
    const label = text.slice(1).trim();
    if (label === '') {
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
      return `${where} has "#" without a label name after it.`;
    }
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    return /\s/.test(label) ? `${where} has a label with a space in it; a label is "#" followed by one word.` : { kind: 'label', label, line };
  }

  const word = text.split(/\s/, 1)[0];
  const rest = text.slice(word.length);
  switch (word.toUpperCase()) {
    case 'SET':
      return parseSet(rest, line, where);
    case 'GET': {
      const match = ONE_WORD.exec(rest);
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
      return match ? { kind: 'get', file: match[1], line } : `${where} must be GET followed by one file name.`;
    }
    case 'IF': {
      const match = IF.exec(rest);
      return match
        ? { kind: 'if', variable: match[1], equals: match[2] ?? match[3], label: match[4], line }
        // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
        : `${where} must have the form IF $VARIABLE SEQ value GOTO label.`;
    }
    case 'GOTO': {
      const match = ONE_WORD.exec(rest);
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
      return match ? { kind: 'goto', label: match[1], line } : `${where} must be GOTO followed by one label name.`;
    }
    default:
      // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
      return `${where} starts with "${word}", which is not SET, GET, IF, GOTO, a label or a comment.`;
  }
}

/** SET NAME value, given what follows SET; a quoted value may hold spaces. */
function parseSet(afterSet: string, line: number, where: string): SettingsStatement | string {
  const words = afterSet.trimStart();
  const nameEnd = words.search(/\s|$/);
  const name = words.slice(0, nameEnd);
  const value = words.slice(nameEnd).trimStart();
  // Stryker disable next-line BlockStatement,ConditionalExpression,StringLiteral: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  if (name === '') {
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    return `${where} must have the form SET NAME value.`;
  }
  if (!SETTING_NAME.test(name)) {
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    return `${where} sets "${name}", but setting names may contain only capital letters, digits and underscores.`;
  }
  if (value === '') {
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    return `${where} sets ${name} without a value; write SET ${name} "" for an empty value.`;
  }
  if (!value.startsWith('"')) {
    return { kind: 'set', name, value, line };
  }
  const closing = value.lastIndexOf('"');
  // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent, a later check refuses this input too; this one only words the reason, which reaches only the phone's log
  if (closing === 0) {
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    return `${where} has an opening quote that is never closed.`;
  }
  if (closing !== value.length - 1) {
    // Stryker disable next-line StringLiteral: equivalent, only the wording of a reason changes, which reaches only the phone's log
    return `${where} has text after the closing quote.`;
  }
  return { kind: 'set', name, value: value.slice(1, -1), line };
}

/**
 * Runs the statements as the phone does: top to bottom, jumping only forward to the next
 * matching label (so it always ends); a jump to a label that never comes ends the file.
 */
export function evaluateSettings(
  statements: readonly SettingsStatement[],
  variables: Readonly<Record<string, string>>,
): { readonly values: Readonly<Record<string, string>>; readonly includes: readonly string[] } {
  const values: Record<string, string> = {};
  const includes: string[] = [];
  /** Where a jump from statement `from` lands: the next `label` ahead, or the end of the file. */
  const jump = (from: number, label: string): number => {
    let at = from + 1;
    while (at < statements.length && !isLabel(statements[at], label)) at++;
    return at;
  };

  for (let at = 0; at < statements.length; at++) {
    const statement = statements[at];
    switch (statement.kind) {
      case 'set':
        values[statement.name] = statement.value;
        break;
      case 'get':
        includes.push(statement.file);
        break;
      case 'if':
        // A variable the phone does not have is never equal to a value (values are strings).
        if (variables[statement.variable] === statement.equals) {
          at = jump(at, statement.label);
        }
        break;
      case 'goto':
        at = jump(at, statement.label);
        break;
      // A label only marks where a jump lands.
    }
  }
  return { values, includes };
}

const isLabel = (statement: SettingsStatement, label: string): boolean => statement.kind === 'label' && statement.label === label;
